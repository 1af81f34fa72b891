import { describe, expect, it } from 'vitest';
import { crashNotice, gaveUpReason, recoveryLines, unfinished } from './clientMessages.ts';

describe('what the client says when its worker fails', () => {
  it('a crash says where it restarts from and how many commands it replays', () => {
    expect(crashNotice(null, 1)).toBe(
      'The simulation worker stopped: restarting from the beginning and replaying the 1 command confirmed since.',
    );
    expect(crashNotice(3_723_456, 2)).toBe(
      'The simulation worker stopped: restarting from the last saved state (time 01:02:03.456) and replaying the 2 commands confirmed since.',
    );
  });

  it('giving up counts the crashes and promises what Restart does', () => {
    expect(gaveUpReason(4, 30_000, 2_000, 0)).toBe(
      'The simulation worker stopped 4 times within 30 s, so it was not restarted again. Nothing confirmed is lost: Restart goes on from the state saved at 00:00:02.000 and replays the 0 commands confirmed since.',
    );
    expect(gaveUpReason(4, 30_000, null, 1)).toMatch(/from the start and replays the 1 command /);
  });

  it('a recovery is told in the log, with a line for each replayed command refused', () => {
    const { lines, refused } = recoveryLines(
      1_000,
      [
        { kind: 'command', command: { type: 'pull', target: 'A.cpu-0' }, timeMs: 1_200 },
        { kind: 'warp', fromMs: 1_200, toMs: 5_000 },
        { kind: 'command', command: { type: 'pull', target: 'A.cpu-1' }, timeMs: 5_000 },
      ],
      [{ ok: true }, { ok: false, error: 'the last CPU element cannot be pulled' }],
      6_000,
    );
    expect(refused).toBe(1);
    expect(lines.map((l) => [l.timeMs, l.message])).toEqual([
      [
        6_000,
        'Simulation worker restarted: restored the state saved at 00:00:01.000, replayed 2 confirmed commands and ran on to 00:00:06.000',
      ],
      [
        5_000,
        'Replayed after the restart, pull A.cpu-1 was refused this time: the last CPU element cannot be pulled',
      ],
    ]);
    expect(lines.every((l) => l.kind === 'log' && l.severity === 'warning')).toBe(true);
  });

  it('an unfinished call says whether the engine threw or the worker went away', () => {
    expect(unfinished('The step', { kind: 'failed', error: new Error('boom') }).message).toBe(
      'The step failed: boom',
    );
    expect(unfinished('The step', { kind: 'dropped' }).message).toMatch(
      /^The step did not finish: the simulation worker stopped meanwhile/,
    );
  });
});
