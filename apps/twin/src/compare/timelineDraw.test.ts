import { SystemStatus } from '@ft/engine';
import { getPreset } from '@ft/hardware';
import { describe, expect, it } from 'vitest';
import { ServiceTracker, servicesOf } from './serviceTracker.ts';
import { axisSpanMs, drawStrip, STRIP_COLORS, type StripContext, xOf } from './timelineDraw.ts';

/** Records the rectangles filled, with the colour at the time. */
function recorder() {
  const rects: { color: string; x: number; y: number; w: number; h: number }[] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    fillRect(x: number, y: number, w: number, h: number) {
      rects.push({ color: String(this.fillStyle), x, y, w, h });
    },
    clearRect() {},
    beginPath() {},
    moveTo() {},
    lineTo() {},
    stroke() {},
  };
  return { ctx: ctx as unknown as StripContext, rects };
}

describe('drawStrip', () => {
  it('draws serving in green up to now, the outage in red and the modelled recovery apart', () => {
    const t = new ServiceTracker({
      architecture: 'ftserver',
      services: servicesOf(getPreset('4300-dmr')),
      recoveryMs: 100,
    });
    const ev = (timeMs: number, from: SystemStatus, to: SystemStatus) => ({
      kind: 'system' as const,
      timeMs,
      systemId: 'A',
      componentId: null,
      severity: 'info' as const,
      message: '',
      from,
      to,
    });
    t.ingest(ev(200, SystemStatus.Duplex, SystemStatus.Down));
    t.ingest(ev(400, SystemStatus.Booting, SystemStatus.Duplex));
    const { ctx, rects } = recorder();
    drawStrip(ctx, t, { width: 1000, height: 20, spanMs: 1000, nowMs: 800, marks: [200] });
    const by = (c: string) => rects.filter((r) => r.color === c);
    expect(by(STRIP_COLORS.up)).toEqual([{ color: STRIP_COLORS.up, x: 0, y: 0, w: 800, h: 20 }]);
    expect(by(STRIP_COLORS.down)).toEqual([
      { color: STRIP_COLORS.down, x: 200, y: 0, w: 200, h: 20 },
    ]);
    expect(by(STRIP_COLORS.modelled)).toEqual([
      { color: STRIP_COLORS.modelled, x: 400, y: 0, w: 100, h: 20 },
    ]);
  });

  it('one lane per service', () => {
    const t = new ServiceTracker({
      architecture: 'conventional',
      services: servicesOf(getPreset('mixed')),
      recoveryMs: 0,
    });
    const { ctx, rects } = recorder();
    drawStrip(ctx, t, { width: 100, height: 34, spanMs: 10, nowMs: 10, marks: [] });
    expect(rects.filter((r) => r.color === STRIP_COLORS.up).map((r) => r.y)).toEqual([0, 12, 24]);
  });
});

describe('axis', () => {
  it('grows in readable steps and fits a year run exactly', () => {
    expect(axisSpanMs(0)).toBe(600_000);
    expect(axisSpanMs(45 * 60_000)).toBe(3_600_000);
    expect(axisSpanMs(365 * 86_400_000)).toBe(365 * 86_400_000);
    expect(axisSpanMs(366 * 86_400_000)).toBe(2 * 365 * 86_400_000);
    expect(xOf(-5, { width: 100, spanMs: 10 })).toBe(0);
    expect(xOf(50, { width: 100, spanMs: 10 })).toBe(100);
  });
});
