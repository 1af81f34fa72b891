import { describe, expect, it } from 'vitest';
import { fileSlug, formatClockTime, formatDuration, plural } from './format.ts';

describe('classroom formats', () => {
  it('shows trainee time as m:ss, h:mm:ss past an hour, – when unknown', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(754_000)).toBe('12:34');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
  it('shows a time of day', () => {
    expect(formatClockTime(Date.UTC(2026, 0, 1, 9, 5), 'UTC')).toBe('09:05');
  });
  it('counts words', () => {
    expect(plural(1, 'trainee')).toBe('1 trainee');
    expect(plural(2, 'trainee')).toBe('2 trainees');
  });
  it('makes a file name part from any title', () => {
    expect(fileSlug('Monday 9:00 — Ops team')).toBe('monday-900-ops-team');
    expect(fileSlug('<script>')).toBe('script');
    expect(fileSlug('   ')).toBe('class');
  });
});
