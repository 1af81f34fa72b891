import { describe, expect, it } from 'vitest';
import {
  countNines,
  formatAvailability,
  formatCount,
  formatDuration,
  formatGB,
  formatPct,
  formatSimTime,
  mtbfWords,
  ninesLabel,
  shortVersion,
} from './format.ts';

describe('shortVersion', () => {
  it('keeps the trailing version number', () => {
    expect(shortVersion('ftServer System Software 4.0.0')).toBe('v4.0.0');
    expect(shortVersion('custom build')).toBe('custom build');
  });
});

describe('formatSimTime', () => {
  it('formats hh:mm:ss.mmm', () => {
    expect(formatSimTime(0)).toBe('00:00:00.000');
    expect(formatSimTime(3_723_456)).toBe('01:02:03.456');
  });
  it('adds days past 24 h and tolerates bad input', () => {
    expect(formatSimTime(2 * 86_400_000 + 5)).toBe('2d 00:00:00.005');
    expect(formatSimTime(Number.NaN)).toBe('00:00:00.000');
    expect(formatSimTime(-5)).toBe('00:00:00.000');
  });
});

describe('formatDuration', () => {
  it('uses the two largest units', () => {
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(61_000)).toBe('1 min 1 s');
    expect(formatDuration(90_061_000)).toBe('1 d 1 h');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(400 * 86_400_000)).toBe('1 y 35 d');
  });
});

describe('availability', () => {
  it('counts nines', () => {
    expect(countNines(0.9)).toBe(1);
    expect(countNines(0.99)).toBe(2);
    expect(countNines(0.99999)).toBe(5);
    expect(countNines(0.999989)).toBe(4);
    expect(countNines(1)).toBe(Number.POSITIVE_INFINITY);
    expect(countNines(0)).toBe(0);
  });
  it('labels nines', () => {
    expect(ninesLabel(1)).toBe('no downtime');
    expect(ninesLabel(0.95)).toBe('1 nine');
    expect(ninesLabel(0.999995)).toBe('5 nines');
  });
  it('formats the percentage without rounding up to 100%', () => {
    expect(formatAvailability(1)).toBe('100%');
    expect(formatAvailability(0.5)).toBe('50.00%');
    expect(formatAvailability(0.999991)).toBe('99.9991%');
    expect(formatAvailability(0.9999999999)).not.toBe('100%');
  });
  it('formats counts', () => {
    expect(formatCount(1234567.4)).toBe('1,234,567');
  });
});

describe('formatGB and formatPct', () => {
  it('shows gigabytes', () => {
    expect(formatGB(8 * 1024 ** 3)).toBe('8.0 GB');
    expect(formatGB(64 * 1024 ** 3)).toBe('64 GB');
  });
  it('clamps percentages', () => {
    expect(formatPct(48.25)).toBe('48.3%');
    expect(formatPct(140)).toBe('100.0%');
  });
});

describe('mtbfWords', () => {
  it('says the fault record in words', () => {
    expect(mtbfWords(0, null)).toEqual({ short: 'no faults', long: 'No faults so far.' });
    expect(mtbfWords(1, null).short).toBe('1 fault');
    expect(mtbfWords(2, null).long).toMatch(
      /^2 faults so far; the mean time between faults is measured/,
    );
    expect(mtbfWords(5, 250)).toEqual({
      short: '5 faults, one per 4 min 10 s',
      long: '5 faults so far: on average one every 4 min 10 s (mean time between faults).',
    });
  });
});
