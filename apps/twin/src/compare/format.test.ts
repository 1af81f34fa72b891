import { describe, expect, it } from 'vitest';
import {
  formatAvailability,
  formatClock,
  formatCount,
  formatDuration,
  formatMoney,
} from './format.ts';

describe('formats', () => {
  it('durations in the two largest units', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(450)).toBe('450 ms');
    expect(formatDuration(85_000)).toBe('1 min 25 s');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(4.5 * 3_600_000)).toBe('4 h 30 min');
    expect(formatDuration(730 * 86_400_000)).toBe('730 d');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
  it('availability, counts, money, clock', () => {
    expect(formatAvailability(0.9999973)).toBe('99.99973%');
    expect(formatCount(3_214_000)).toBe('3.2 M');
    expect(formatCount(12_345)).toBe('12 k');
    expect(formatCount(0.426)).toBe('0.43');
    expect(formatCount(7)).toBe('7');
    expect(formatMoney(12_345.6)).toBe('$12,346');
    expect(formatClock(90_061_000)).toBe('1 d 01:01:01');
    expect(formatClock(-5)).toBe('00:00:00');
  });
});
