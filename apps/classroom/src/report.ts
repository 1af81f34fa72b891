/**
 * The end-of-class report: JSON (every trainee's steps, score, mistakes and times) and CSV (one
 * row per trainee) for spreadsheets. CSV cells are quoted per RFC 4180, and a text cell that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a
 * leading apostrophe (OWASP's advice against CSV injection), so a trainee named `=HYPERLINK(…)`
 * stays text.
 */
import type { ClassReport, ClassView, TraineeReport } from './protocol.ts';
import type { TraineeHistory, TraineeRecord } from './store/types.ts';

/**
 * Builds the JSON report.
 *
 * @example
 * const report = buildReport(classView, trainees, histories, Date.now());
 */
export function buildReport(
  classView: ClassView,
  trainees: TraineeRecord[],
  histories: TraineeHistory[],
  generatedAtMs: number,
): ClassReport {
  return {
    class: classView,
    generatedAtMs,
    trainees: trainees.map((t, i): TraineeReport => {
      const p = t.progress;
      const history = histories[i] ?? { steps: [], mistakes: [] };
      return {
        traineeId: t.profile.traineeId,
        name: t.profile.name,
        group: t.group,
        assignment: t.assignment ?? classView.assignment,
        joinedAtMs: t.profile.joinedAtMs,
        connected: t.connection.connected,
        score: p?.score ?? null,
        maxScore: p?.maxScore ?? null,
        stepIndex: p?.stepIndex ?? null,
        stepsTotal: p?.stepsTotal ?? null,
        mistakes: p?.mistakes ?? history.mistakes.length,
        elapsedMs: p?.elapsedMs ?? null,
        finished: p?.finished ?? false,
        systemStatus: p?.systemStatus ?? null,
        steps: history.steps,
        mistakeLog: history.mistakes,
      };
    }),
  };
}

export const CSV_COLUMNS = [
  'name',
  'group',
  'lesson',
  'seed',
  'score',
  'max_score',
  'steps_passed',
  'steps_total',
  'mistakes',
  'elapsed_s',
  'finished',
  'system_status',
  'connected',
  'step_times',
  'mistake_list',
] as const;

/**
 * The report as CSV, one row per trainee. `step_times` lists `step@seconds(+points)`;
 * `mistake_list` the mistakes with their times.
 *
 * @example
 * toCsv(report).split('\r\n')[0]; // 'name,group,lesson,seed,score,...'
 */
export function toCsv(report: ClassReport): string {
  const rows: (string | number | boolean | null)[][] = [[...CSV_COLUMNS]];
  for (const t of report.trainees) {
    rows.push([
      t.name,
      t.group,
      t.assignment ? `${t.assignment.kind}:${t.assignment.lessonId}` : null,
      t.assignment?.seed ?? null,
      t.score,
      t.maxScore,
      t.steps.length,
      t.stepsTotal,
      t.mistakes,
      t.elapsedMs === null ? null : round1(t.elapsedMs / 1000),
      t.finished,
      t.systemStatus,
      t.connected,
      t.steps
        .map(
          (s) => `${s.index + 1}@${round1(s.atMs / 1000)}s(${s.points >= 0 ? '+' : ''}${s.points})`,
        )
        .join(' '),
      t.mistakeLog.map((m) => `${round1(m.atMs / 1000)}s ${m.text}`).join('; '),
    ]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: numbers and booleans as they are; text guarded against formulas and quoted
 * when it holds a comma, a quote, a line break or edge spaces.
 *
 * @example
 * csvCell('=1+2'); // "'=1+2"
 * csvCell('a,"b"'); // '"a,""b"""'
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
