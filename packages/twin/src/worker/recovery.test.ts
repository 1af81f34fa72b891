import type { EventBatch, JournalEntry, ReplayResult } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { Calls } from './calls.ts';
import { MAX_RESTARTS, Recovery, RESTART_WINDOW_MS } from './recovery.ts';

const calls = new Calls();
const call = <T>(name: string, p: Promise<T>) => calls.track(name, p, 0);

describe('Recovery', () => {
  it(`restarts up to ${MAX_RESTARTS} crashes within the window, then stops and says why`, () => {
    const r = new Recovery();
    for (let i = 0; i < MAX_RESTARTS; i++) expect(r.crashed(i * 1000).restart).toBe(true);
    const last = r.crashed(MAX_RESTARTS * 1000);
    expect(last.restart).toBe(false);
    expect(last.notice).toMatch(/^The simulation worker stopped: restarting from the beginning/);
    expect(r.stoppedReason()).toMatch(
      new RegExp(`stopped ${MAX_RESTARTS + 1} times within ${RESTART_WINDOW_MS / 1000} s`),
    );
    // Old crashes leave the window; a person's restart empties it.
    expect(r.crashed(MAX_RESTARTS * 1000 + RESTART_WINDOW_MS).restart).toBe(true);
    r.restartAsked();
    for (let i = 0; i < MAX_RESTARTS; i++) expect(r.crashed(90_000 + i).restart).toBe(true);
  });

  it('keeps the last save; the journal restarts there', () => {
    const r = new Recovery();
    expect([r.savedAtMs, r.savedState]).toEqual([null, null]);
    r.journal.command({ type: 'pull', target: 'A.cpu-1' }, 10);
    const state = new Uint8Array([1, 2, 3]);
    r.saved(state, 2_000);
    expect(r.savedAtMs).toBe(2_000);
    expect(r.savedState).toBe(state);
    expect(r.journal.pending()).toEqual([]);
    expect(r.crashed(0).notice).toMatch(/last saved state \(time 00:00:02\.000\)/);
  });

  it('replays the journal and tells the page what its log lacks', async () => {
    const r = new Recovery();
    r.saved(new Uint8Array(1), 1_000);
    const pull = { type: 'pull', target: 'A.cpu-1' } as const;
    r.journal.command(pull, 1_500);
    let asked: { entries: JournalEntry[]; untilMs: number } | null = null;
    const api = {
      replay: async (entries: JournalEntry[], untilMs: number): Promise<ReplayResult> => {
        asked = { entries, untilMs };
        return { outcomes: [{ ok: true }], timeMs: 1_600 } as ReplayResult;
      },
      drainBatch: async (): Promise<EventBatch> => ({ events: [], timeMs: 1_600, hold: null }),
    };
    const done = await r.replay(api, call, () => true);
    expect(asked).toEqual({
      entries: [{ kind: 'command', command: pull, timeMs: 1_500 }],
      untilMs: 1_500,
    });
    expect(done?.restored).toEqual({ savedTimeMs: 1_000, replayed: 1, refused: 0, timeMs: 1_600 });
    expect(done?.events.map((e) => e.message)).toEqual([
      'Simulation worker restarted: restored the state saved at 00:00:01.000, replayed 1 confirmed command and ran on to 00:00:01.600',
    ]);
    // A worker replaced meanwhile: nothing to report.
    expect(await r.replay(api, call, () => false)).toBeNull();
  });
});
