import { Engine } from '@ft/engine';
import { findMistakes, type Lesson } from '@ft/lessons';
import { describe, expect, it } from 'vitest';
import { LessonDriver } from './lessonDriver.ts';
import { HeadlessLiveDriver, HeadlessTwin } from './test/headlessTwin.ts';
import { TraineeActions } from './traineeActions.ts';

function setup() {
  const twin = new HeadlessTwin(Engine.fromPreset('4300-dmr', { seed: 13 }));
  const live = new HeadlessLiveDriver(twin);
  const seen: string[] = [];
  const trainee = new TraineeActions(
    twin,
    live.actions,
    () => live.timeMs(),
    (a) => seen.push(a.kind),
  );
  const lesson = new LessonDriver(live, trainee);
  return { twin, live, trainee, lesson, seen };
}

async function breakCpu0(s: ReturnType<typeof setup>): Promise<void> {
  await s.lesson.command({
    type: 'inject',
    target: 'A.cpu-0',
    fault: 'stuck-at',
    detail: { register: 3, bit: 17 },
  });
  for (let i = 0; i < 240 && s.twin.core.component('A.cpu-0')?.stateName !== 'broken'; i++) {
    s.twin.advance(250);
  }
  expect(s.twin.core.component('A.cpu-0')?.stateName).toBe('broken');
}

describe('trainee actions', () => {
  it('leave out what the lesson does and keep what the trainee does, in order', async () => {
    const s = setup();
    await breakCpu0(s);
    await s.lesson.select('A.cpu-0');
    await s.lesson.camera('part:A.cpu-1');
    await s.trainee.settled();
    expect(s.live.actions).toEqual([]);

    s.twin.select('A.cpu-0');
    await s.lesson.answer('safe-one', 'A.cpu-0');
    await s.twin.engine.command({ type: 'pull', target: 'A.cpu-0' });
    await s.trainee.settled();
    expect(s.live.actions.map((a) => a.kind)).toEqual(['select', 'answer', 'command']);
    expect(s.seen).toEqual(['select', 'answer', 'command']);
    const pull = s.live.actions[2];
    expect(pull).toMatchObject({
      kind: 'command',
      ok: true,
      command: { type: 'pull', target: 'A.cpu-0' },
      targetState: 'broken',
      siblingStates: { 'A.cpu-1': 'simplex' },
    });
    expect(pull.kind === 'command' && pull.warning).toBeFalsy();
    expect(pull.kind === 'command' && pull.systemDown).toBeFalsy();
  });

  it('carry the warning the twin showed and whether the command took the system down', async () => {
    const s = setup();
    await breakCpu0(s);
    const timeMs = s.live.timeMs();
    await s.twin.engine.command({ type: 'pull', target: 'A.cpu-1' });
    await s.trainee.settled();
    const [pull] = s.live.actions;
    expect(pull).toMatchObject({
      kind: 'command',
      timeMs,
      targetState: 'simplex',
      siblingStates: { 'A.cpu-0': 'broken' },
      systemDown: true,
    });
    expect(pull.kind === 'command' && pull.warning).toMatch(/\S/);
    const lesson = {
      penalties: [{ kind: 'system-down', points: 40 }],
      steps: [],
    } as unknown as Lesson;
    expect(findMistakes(lesson, s.live.actions)).toMatchObject([
      { kind: 'system-down', points: 40 },
    ]);
  });

  it('record refused commands as not done, and nothing after dispose', async () => {
    const s = setup();
    await s.twin.engine.command({ type: 'insert', target: 'A.cpu-1' });
    await s.trainee.settled();
    expect(s.live.actions).toMatchObject([{ kind: 'command', ok: false }]);
    s.trainee.dispose();
    s.twin.select('A.cpu-0');
    await s.twin.engine.command({ type: 'pull', target: 'A.cpu-0' });
    await s.trainee.settled();
    expect(s.live.actions).toHaveLength(1);
  });
});
