/**
 * A small PNG decoder for Playwright screenshots (8-bit RGB/RGBA, non-interlaced), so that
 * specs can check pixel colours without a dependency.
 */
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  data: Uint8Array;
}

export function decodePng(png: Buffer): Image {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const chunks: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const color = body[9];
      if (depth !== 8 || (color !== 2 && color !== 6) || body[12] !== 0) {
        throw new Error(
          `unsupported PNG (depth ${depth}, colour type ${color}, interlace ${body[12]})`,
        );
      }
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') chunks.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const pixels = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels] : 0;
      const b = y > 0 ? pixels[row - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels] : 0;
      pixels[row + x] = (line[x] + predict(filter, a, b, c)) & 255;
    }
  }
  if (channels === 4) return { width, height, data: pixels };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < pixels.length; i += 3, j += 4) {
    rgba[j] = pixels[i];
    rgba[j + 1] = pixels[i + 1];
    rgba[j + 2] = pixels[i + 2];
    rgba[j + 3] = 255;
  }
  return { width, height, data: rgba };
}

function predict(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`bad PNG filter ${filter}`);
  }
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
