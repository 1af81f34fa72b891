/**
 * Wrong moves, judged from the action list alone (each command action carries what the twin
 * showed just before it): an unsafe pull confirmed anyway, pulling the healthy partner of a
 * failed part, pulling a healthy part (drills), taking a system down, a wrong answer. One action
 * counts as one mistake, the most serious that applies and that the lesson penalises.
 */
import type { UserAction } from '../view.ts';
import type { Lesson, Mistake, Penalty, PenaltyKind } from './types.ts';

/** Penalties of a lesson that lists none. */
export const DEFAULT_PENALTIES: readonly Penalty[] = [
  { kind: 'system-down', points: 30 },
  { kind: 'unsafe-pull', points: 20 },
  { kind: 'pull-healthy-partner', points: 10 },
  { kind: 'wrong-answer', points: 5 },
];

/** Most serious first: the one a single action is charged with. */
const SERIOUSNESS: readonly PenaltyKind[] = [
  'system-down',
  'unsafe-pull',
  'pull-healthy-partner',
  'pull-healthy',
  'wrong-answer',
];

const HEALTHY = new Set(['simplex', 'duplex', 'triplex', 'device-ready']);

type CommandAction = Extract<UserAction, { kind: 'command' }>;

function describeCommand(a: CommandAction): string {
  const c = a.command;
  switch (c.type) {
    case 'pull':
      return `Pulling ${c.target}`;
    case 'inject':
      return `Injecting ${c.fault} into ${c.target}`;
    case 'system':
      return `The ${c.action} of system ${c.target}`;
    default:
      return `The ${c.type} command on ${c.target}`;
  }
}

/** The kinds of wrong move one action is, most serious first (before the lesson's choice). */
function kindsOf(a: UserAction, lesson: Lesson): PenaltyKind[] {
  if (a.kind === 'answer') {
    const q = lesson.steps.find((s) => s.question?.id === a.question)?.question;
    return q && q.answer !== a.value ? ['wrong-answer'] : [];
  }
  if (a.kind !== 'command' || !a.ok) return [];
  const kinds: PenaltyKind[] = [];
  if (a.systemDown) kinds.push('system-down');
  if (a.command.type === 'pull') {
    if (a.warning) kinds.push('unsafe-pull');
    const healthy = a.targetState !== undefined && HEALTHY.has(a.targetState);
    const partnerDown = Object.values(a.siblingStates ?? {}).some((s) => !HEALTHY.has(s));
    if (healthy && partnerDown) kinds.push('pull-healthy-partner');
    if (healthy) kinds.push('pull-healthy');
  }
  return kinds;
}

function explain(kind: PenaltyKind, a: UserAction, lesson: Lesson): { what: string; real: string } {
  if (a.kind === 'answer') {
    const q = lesson.steps.find((s) => s.question?.id === a.question)?.question;
    const right = q?.options.find((o) => o.value === q.answer)?.label ?? q?.answer ?? '';
    const given = q?.options.find((o) => o.value === a.value)?.label ?? a.value;
    return {
      what: `You answered "${given}" to "${q?.prompt ?? a.question}".`,
      real: `The answer is "${right}".${q?.explanation ? ` ${q.explanation}` : ''}`,
    };
  }
  if (a.kind !== 'command') return { what: '', real: '' };
  const target = a.command.target;
  const siblings = Object.entries(a.siblingStates ?? {})
    .map(([id, s]) => `${id} (${s})`)
    .join(', ');
  switch (kind) {
    case 'system-down':
      return {
        what: `${describeCommand(a)} took system ${target.split('.')[0]} down.`,
        real:
          'A real ftServer keeps running as long as one CPU element, one I/O element and one half of ' +
          'every mirror are online; it trusts the operator and does not stop you. The console ' +
          'says which part is the last one (its safe-to-pull LED stays dark): replace the failed ' +
          'part first and wait until its partner is back in duplex.',
      };
    case 'unsafe-pull':
      return {
        what: `You pulled ${target} although the console warned: "${a.warning}".`,
        real:
          'A real ftServer lights the safe-to-pull LED only on a CRU whose partner carries the load. ' +
          'It would have kept this part running; wait until its partner is back in duplex (the ' +
          'LED lights) before pulling it.',
      };
    case 'pull-healthy-partner':
      return {
        what: `You pulled ${target}, which was ${a.targetState}, while its partner ${siblings} was not in service.`,
        real:
          'The amber fault LED and the console mark the failed part; its healthy partner was ' +
          'carrying the load alone. A real ftServer keeps running on the healthy part: pull and ' +
          'replace the failed one instead.',
      };
    case 'pull-healthy':
      return {
        what: `You pulled ${target}, which was healthy (${a.targetState}).`,
        real:
          'Only a part the system isolated (amber fault LED, state broken, named in the service ' +
          'call and the event log) needs replacing. A real ftServer would have shown this one ' +
          'green and in service: pulling it costs redundancy and a resynchronisation, and fixes ' +
          'nothing.',
      };
    default:
      return { what: '', real: '' };
  }
}

/**
 * Every mistake in `actions` (from `fromIndex` on), with its cost and explanation.
 *
 * @example
 * findMistakes(lesson, actions).map((m) => `${m.what} ${m.realFtServer}`);
 */
export function findMistakes(
  lesson: Lesson,
  actions: readonly UserAction[],
  fromIndex = 0,
): Mistake[] {
  const penalties = new Map((lesson.penalties ?? DEFAULT_PENALTIES).map((p) => [p.kind, p]));
  const out: Mistake[] = [];
  for (let i = fromIndex; i < actions.length; i++) {
    const a = actions[i];
    const kinds = kindsOf(a, lesson);
    const kind = SERIOUSNESS.find((k) => kinds.includes(k) && penalties.has(k));
    if (!kind) continue;
    const penalty = penalties.get(kind) as Penalty;
    const { what, real } = explain(kind, a, lesson);
    out.push({
      kind,
      timeMs: a.timeMs,
      points: penalty.points,
      what,
      realFtServer: penalty.explanation ?? real,
      actionIndex: i,
    });
  }
  return out;
}
