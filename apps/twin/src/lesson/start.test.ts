import { describe, expect, it } from 'vitest';
import {
  describeCommand,
  describeEntry,
  formatClock,
  formatSimClock,
  formatSpan,
} from './format.ts';
import { parseSeedParam, startOf } from './start.ts';

describe('the lesson page URL', () => {
  it('says what it asks for', () => {
    const q = (s: string) => new URLSearchParams(s);
    expect(startOf(q('?lesson'), '')).toEqual({ kind: 'menu' });
    expect(startOf(q('?lesson='), '')).toEqual({ kind: 'menu' });
    expect(startOf(q('?lesson=tmr-vote&seed=4'), '')).toEqual({ kind: 'lesson', id: 'tmr-vote' });
    expect(startOf(q('?replay'), '')).toEqual({ kind: 'replay-file' });
    expect(startOf(q('?replay'), '#session=abc')).toEqual({
      kind: 'replay-link',
      hash: '#session=abc',
    });
    expect(startOf(q(''), '#session=abc')).toEqual({ kind: 'replay-link', hash: '#session=abc' });
  });

  it('takes a class seed, or says why not', () => {
    expect(parseSeedParam(null)).toEqual({ seed: undefined, problem: null });
    expect(parseSeedParam('0')).toEqual({ seed: 0, problem: null });
    expect(parseSeedParam('4294967295')).toEqual({ seed: 4294967295, problem: null });
    expect(parseSeedParam('4294967296').problem).toBe(
      'seed: expected a whole number 0…4294967295, got "4294967296"; the lesson\'s own seed is used',
    );
    expect(parseSeedParam('-1').seed).toBeUndefined();
    expect(parseSeedParam('1e3').seed).toBeUndefined();
    expect(parseSeedParam(`${'9'.repeat(100)}\u202e`).problem).toMatch(/got "9{30,}…; /);
  });
});

describe('formats', () => {
  it('clocks and spans', () => {
    expect(formatClock(754_000)).toBe('12:34');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(Number.NaN)).toBe('0:00');
    expect(formatSimClock(3_723_456)).toBe('01:02:03.4');
    expect(formatSimClock(90_000_000)).toBe('1d 01:00:00.0');
    expect(formatSpan(1500)).toBe('1.5 s');
    expect(formatSpan(14_460_000)).toBe('4 h 1 min');
    expect(formatSpan(8 * 3_600_000)).toBe('8 h');
    expect(formatSpan(95_000)).toBe('1 min 35 s');
  });

  it('commands and log entries in words', () => {
    expect(describeCommand({ type: 'insert', target: 'A.cpu-1', replacement: true })).toBe(
      'Insert a new A.cpu-1',
    );
    expect(describeCommand({ type: 'inject', target: 'A.cpu-1', fault: 'stuck-at' })).toBe(
      'Inject stuck-at into A.cpu-1',
    );
    expect(describeEntry({ timeMs: 0, warpToNextEvent: 28_800_000 })).toBe(
      'Skip to the next event (at most 8 h)',
    );
  });
});
