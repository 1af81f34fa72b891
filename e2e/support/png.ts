/**
 * Pixels of Playwright screenshots for specs that check colours: decoding by pngjs, then LED
 * colour classification and a "something is drawn" measure.
 */
import { PNG } from 'pngjs';

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  data: Uint8Array;
}

/** Decodes a PNG screenshot into RGBA pixels. */
export function decodePng(png: Buffer): Image {
  const { width, height, data } = PNG.sync.read(png);
  return { width, height, data };
}

export type LedColour = 'green' | 'amber' | 'blue' | 'red' | 'white' | 'dark';

/** Classifies one pixel as an LED colour, or 'dark' when it is not lit. */
export function classify(r: number, g: number, b: number): LedColour {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max < 110 || max - min < 50) return max > 200 && max - min < 40 ? 'white' : 'dark';
  if (b >= r && b >= g) return 'blue';
  if (g >= r && g >= b) return r > g * 0.75 ? 'amber' : 'green';
  // Red dominates: amber has plenty of green, red has little.
  return g > r * 0.45 ? 'amber' : 'red';
}

/** Colours present in a square of `radius` pixels around (x, y), with pixel counts. */
export function coloursAround(
  image: Image,
  x: number,
  y: number,
  radius: number,
): Map<LedColour, number> {
  const found = new Map<LedColour, number>();
  const cx = Math.round(x);
  const cy = Math.round(y);
  for (let py = cy - radius; py <= cy + radius; py++) {
    for (let px = cx - radius; px <= cx + radius; px++) {
      if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
      const i = (py * image.width + px) * 4;
      const colour = classify(image.data[i], image.data[i + 1], image.data[i + 2]);
      found.set(colour, (found.get(colour) ?? 0) + 1);
    }
  }
  return found;
}

/** Share of pixels that differ noticeably from the most common colour (0..1). */
export function nonBackgroundShare(image: Image): number {
  const counts = new Map<number, number>();
  const { data } = image;
  for (let i = 0; i < data.length; i += 4) {
    const key = ((data[i] >> 3) << 10) | ((data[i + 1] >> 3) << 5) | (data[i + 2] >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let top = 0;
  for (const n of counts.values()) top = Math.max(top, n);
  const total = data.length / 4;
  return total === 0 ? 0 : 1 - top / total;
}
