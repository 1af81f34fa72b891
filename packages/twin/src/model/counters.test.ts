import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committedDetail, notServingDetail } from './counters.ts';

describe('committedDetail', () => {
  it('tells executed from modelled', () => {
    expect(committedDetail({ transactionsCommitted: 1500, transactionsExecuted: 1000 })).toBe(
      "1,000 ran through the voter for real; 500 stand for time skipped by time warp, at the workload's measured rate.",
    );
    expect(committedDetail({ transactionsCommitted: 12, transactionsExecuted: 12 })).toBe(
      'All 12 ran through the voter for real.',
    );
  });

  it('property: the two parts add up to the committed count', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e9), (committed, executed) => {
        const text = committedDetail({
          transactionsCommitted: committed,
          transactionsExecuted: executed,
        });
        const numbers = [...text.matchAll(/[\d,]+(?= )/g)].map((m) =>
          Number(m[0].replaceAll(',', '')),
        );
        expect(numbers.reduce((a, b) => a + b, 0)).toBe(committed);
      }),
    );
  });
});

describe('notServingDetail', () => {
  it('says paused and unreachable time in words', () => {
    expect(notServingDetail({ pausedMs: 0, unreachableMs: 0 })).toBe(
      'Never paused by a resync; never unreachable.',
    );
    expect(notServingDetail({ pausedMs: 1200, unreachableMs: 90_000 })).toMatch(
      /^Paused 1\.2 s by resync .*; unreachable 1 min.* \(up, but both network paths lost\)\.$/,
    );
  });
});
