import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSpeed, keepWindow, reachedSpeed, SPEED_WINDOW_MS, speedText } from './speed.ts';

describe('reachedSpeed', () => {
  it('is simulated time over wall time across the window', () => {
    expect(
      reachedSpeed([
        { wallMs: 0, simMs: 0 },
        { wallMs: 500, simMs: 11_000 },
        { wallMs: 1000, simMs: 22_000 },
      ]),
    ).toBe(22);
  });
  it('says nothing over too short a span', () => {
    expect(reachedSpeed([{ wallMs: 0, simMs: 0 }])).toBeNull();
    expect(
      reachedSpeed([
        { wallMs: 0, simMs: 0 },
        { wallMs: 100, simMs: 10 },
      ]),
    ).toBeNull();
  });
  it('property: measures a constant speed exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 5000, noNaN: true }), (speed) => {
        let samples: { wallMs: number; simMs: number }[] = [];
        for (let t = 0; t <= 3000; t += 250)
          samples = keepWindow(samples, { wallMs: t, simMs: t * speed });
        expect(reachedSpeed(samples)).toBeCloseTo(speed, 6);
        expect(samples[samples.length - 1].wallMs - samples[0].wallMs).toBeLessThanOrEqual(
          SPEED_WINDOW_MS,
        );
      }),
    );
  });
  it('starts again when the clock goes back', () => {
    const kept = keepWindow([{ wallMs: 0, simMs: 500 }], { wallMs: 100, simMs: 0 });
    expect(kept).toEqual([{ wallMs: 100, simMs: 0 }]);
  });
});

describe('speedText', () => {
  it('shows the speed reached when it falls short of the speed asked', () => {
    expect(speedText(100, 22)).toBe('speed 100× · reached 22×');
    expect(speedText(100, 95)).toBe('speed 100×');
    expect(speedText(100, null)).toBe('speed 100×');
    expect(speedText(0.01, 0.0099)).toBe('speed 0.01×');
  });
  it('always shows it at max, and says paused', () => {
    expect(speedText(-1, 1240)).toBe('speed max · reached 1,240×');
    expect(speedText(0, 0)).toBe('paused');
  });
  it('formats speeds in a few characters', () => {
    expect(formatSpeed(0.1)).toBe('0.1×');
    expect(formatSpeed(2.5)).toBe('2.5×');
    expect(formatSpeed(22.4)).toBe('22×');
  });
});
