import { Engine } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { EngineDriver } from '../scenario/engine-driver.ts';
import { pullAction } from '../test/fixtures.ts';
import { changed, lesson } from '../test/lessons.ts';
import type { UserAction } from '../view.ts';
import { findMistakes } from './penalties.ts';

const small = lesson();

describe('findMistakes', () => {
  it('pulling the last good CPU element: one mistake, the most serious (system down)', async () => {
    const driver = new EngineDriver(Engine.fromPreset('4300-dmr', { seed: 1 }), {
      recordActions: true,
    });
    driver.commandNow({ type: 'inject', target: 'A.cpu-1', fault: 'stuck-at' });
    driver.untilNow((o) => o.view.components['A.cpu-1'].state === 'broken', 60_000);
    driver.commandNow({ type: 'pull', target: 'A.cpu-0' });
    const action = driver.actions.at(-1);
    expect(action).toMatchObject({
      kind: 'command',
      ok: true,
      targetState: 'simplex',
      systemDown: true,
    });
    expect(action?.kind === 'command' && action.warning).toMatch(/last online CPU element/);
    const mistakes = findMistakes(small, driver.actions);
    expect(mistakes.map((m) => [m.kind, m.points])).toEqual([['system-down', 30]]);
    expect(mistakes[0].what).toBe('Pulling A.cpu-0 took system A down.');
    expect(mistakes[0].realFtServer).toMatch(/keeps running as long as one CPU element/);
  });

  it('without a system-down penalty, the same move counts as an unsafe pull', () => {
    const mild = lesson(
      changed((l) => {
        l.penalties = [{ kind: 'unsafe-pull', points: 7 }];
      }),
    );
    const a = {
      ...pullAction(5, 'A.cpu-0', 'the last one', 'simplex', { 'A.cpu-1': 'broken' }),
      systemDown: true,
    } as UserAction;
    expect(findMistakes(mild, [a]).map((m) => [m.kind, m.points])).toEqual([['unsafe-pull', 7]]);
  });

  it('pulling the healthy partner of a failed part', () => {
    const a = pullAction(5, 'A.disk-11-40-1', '', 'duplex', { 'A.disk-10-40-1': 'broken' });
    const m = findMistakes(small, [a]);
    expect(m.map((x) => x.kind)).toEqual(['pull-healthy-partner']);
    expect(m[0].what).toBe(
      'You pulled A.disk-11-40-1, which was duplex, while its partner A.disk-10-40-1 (broken) was not in service.',
    );
  });

  it('pulling a healthy part counts only where the lesson penalises it (drills)', () => {
    const a = pullAction(5, 'A.pci-10-1', '', 'duplex', { 'A.pci-11-1': 'duplex' });
    expect(findMistakes(small, [a])).toEqual([]);
    const drill = lesson(
      changed((l) => {
        l.penalties = [{ kind: 'pull-healthy', points: 15, explanation: 'Look first.' }];
      }),
    );
    const m = findMistakes(drill, [a]);
    expect(m).toEqual([
      {
        kind: 'pull-healthy',
        timeMs: 5,
        points: 15,
        what: 'You pulled A.pci-10-1, which was healthy (duplex).',
        realFtServer: 'Look first.',
        actionIndex: 0,
      },
    ]);
  });

  it('ignores safe pulls of failed parts, refused commands, selections and actions before the window', () => {
    const actions: UserAction[] = [
      pullAction(1, 'A.cpu-0', 'last one'),
      pullAction(2, 'A.cpu-1', '', 'broken', { 'A.cpu-0': 'simplex' }),
      {
        kind: 'command',
        timeMs: 3,
        command: { type: 'pull', target: 'A.cpu-0' },
        ok: false,
        error: 'x',
        warning: 'last one',
      },
      { kind: 'select', timeMs: 4, target: 'A.cpu-0' },
    ];
    expect(findMistakes(small, actions, 1)).toEqual([]);
    expect(findMistakes(small, actions, 0).map((m) => m.kind)).toEqual(['unsafe-pull']);
  });
});
