import { describe, expect, it } from 'vitest';
import { catchUp, MAX_CATCH_UP_MS, restoreNotice } from './restorePlan.ts';

describe('restore plan', () => {
  it('replays to where the trainee was, at most a quarter of an hour past the last command', () => {
    expect(catchUp([], 0)).toEqual({ reachedMs: 0, targetMs: 0 });
    expect(catchUp([{ timeMs: 500 }, { timeMs: 1_000 }], 60_000)).toEqual({
      reachedMs: 60_000,
      targetMs: 60_000,
    });
    expect(catchUp([{ timeMs: 1_000 }], 3_600_000)).toEqual({
      reachedMs: 3_600_000,
      targetMs: 1_000 + MAX_CATCH_UP_MS,
    });
    // A report older than the log: the log's end is where the trainee was.
    expect(catchUp([{ timeMs: 9_000 }], 2_000)).toEqual({ reachedMs: 9_000, targetMs: 9_000 });
  });

  it('says when the restore was cut short or approximate', () => {
    expect(restoreNotice(false, false)).toBeNull();
    expect(restoreNotice(true, true)).toBe(
      'Your twin was restored to 15 simulated minutes after your last action. Your twin was restored approximately.',
    );
  });
});
