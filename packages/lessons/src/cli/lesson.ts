/**
 * `pnpm lesson`: lessons and sessions headless.
 *
 *   pnpm lesson check FILE...                     exit 0 when every file is valid; else one line
 *                                                 per bad file naming the file and field, exit 2
 *   pnpm lesson run FILE [--seed N] [--solution] [--json] [--record SESSION.json]
 *                                                 plays the lesson in Node; exit 0 when it passed,
 *                                                 1 when it did not, 2 on bad input
 *   pnpm lesson replay SESSION.json [--json]      replays a session; prints its final state
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { instantiate } from '../lesson/load.ts';
import { playLesson } from '../lesson/play.ts';
import { firstProblem } from '../schema/issues.ts';
import { sessionFileText, shareLink } from '../session/encode.ts';
import { replaySession } from '../session/replay.ts';
import { parseSession } from '../session/schema.ts';
import { checkFile, InputError, loadLessonFile, readText } from './files.ts';

const USAGE = `usage:
  pnpm lesson check FILE...
  pnpm lesson run FILE [--seed N] [--solution] [--json] [--record SESSION.json]
  pnpm lesson replay SESSION.json [--json]`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) {
    throw new InputError(`--seed: expected an integer 0..4294967295, got "${text.slice(0, 20)}"`);
  }
  return Number(text);
}

function check(files: string[], io: Io): number {
  if (files.length === 0) throw new InputError('check: give at least one FILE');
  let bad = 0;
  for (const file of files) {
    const problem = checkFile(file);
    if (problem) {
      io.err(`${problem}\n`);
      bad++;
    }
  }
  if (bad > 0) return 2;
  io.out(`${files.length} file${files.length === 1 ? '' : 's'} valid\n`);
  return 0;
}

function minutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      solution: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      record: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new InputError('run: give exactly one lesson FILE');
  const file = positionals[0];
  const seed = parseSeed(values.seed);
  const source = loadLessonFile(file);
  const lesson = instantiate(source, seed);
  if (!lesson.ok) throw new InputError(firstProblem(file, lesson.issues));
  const result = await playLesson(lesson.value, { solution: values.solution === true });
  const { report } = result;
  if (values.record) {
    try {
      writeFileSync(values.record, sessionFileText(result.session));
    } catch (e) {
      throw new InputError(
        `--record: cannot write ${values.record} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  if (values.json) {
    io.out(
      `${JSON.stringify({
        lesson: report.lessonId,
        passed: report.passed,
        score: report.score,
        maxScore: report.maxScore,
        steps: report.steps.map((s, i) => ({
          id: s.id,
          passed: s.passed,
          earned: s.earned,
          points: s.points,
          ...(result.steps[i]?.failedChecks.length
            ? { failedChecks: result.steps[i].failedChecks }
            : {}),
          ...(result.steps[i]?.errors.length ? { errors: result.steps[i].errors } : {}),
        })),
      })}\n`,
    );
  } else {
    const how = values.solution ? 'with its solution' : 'with no actions';
    const drawn = Object.entries(lesson.value.drawn)
      .map(
        ([k, v]) => `${k}=${typeof v === 'string' ? v : (v.id ?? v.target ?? Object.values(v)[0])}`,
      )
      .join(' ');
    io.out(
      `${report.lessonId} (seed ${lesson.value.seed}${drawn ? `, ${drawn}` : ''}) ${how}: ` +
        `${report.passed ? 'PASSED' : report.status.toUpperCase()} ${report.score}/${report.maxScore}, ` +
        `trainee time ${minutes(report.timeMs)}, simulated ${minutes(result.driver.engine.timeMs)}\n`,
    );
    for (const [i, s] of report.steps.entries()) {
      const played = result.steps[i];
      const mark = s.passed ? 'ok  ' : played ? 'FAIL' : '--  ';
      io.out(
        `  ${mark} ${s.id.padEnd(24)} ${String(s.earned).padStart(4)}/${s.points}  ${s.title}\n`,
      );
      for (const c of played?.failedChecks ?? []) io.out(`         not yet: ${c}\n`);
      for (const e of played?.errors ?? []) io.out(`         error: ${e}\n`);
    }
    for (const m of report.mistakes) io.out(`  mistake (-${m.points}): ${m.what}\n`);
    if (values.record) {
      const link = shareLink(result.session);
      io.out(
        `  session written to ${values.record}${link.ok ? ` (fits a link: ${link.chars} characters)` : ` (${link.reason})`}\n`,
      );
    }
  }
  return report.passed ? 0 : 1;
}

function replay(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new InputError('replay: give exactly one SESSION file');
  const file = positionals[0];
  const parsed = parseSession(readText(file));
  if (!parsed.ok) throw new InputError(firstProblem(file, parsed.issues));
  const { engine, events, refused } = replaySession(parsed.value);
  engine.drainEvents();
  const sha256 = createHash('sha256').update(engine.save()).digest('hex');
  const summary = {
    timeMs: engine.timeMs,
    entries: parsed.value.log.length,
    events: events.length,
    refused: refused.length,
    stateSha256: sha256,
    systems: engine.counters().map((c) => ({
      id: c.systemId,
      status: engine.systems().find((s) => s.systemId === c.systemId)?.statusName,
      downtimeMs: c.downtimeMs,
      transactionsLost: c.transactionsLost,
      silentDataCorruptions: c.silentDataCorruptions,
    })),
  };
  if (values.json) io.out(`${JSON.stringify(summary)}\n`);
  else {
    io.out(
      `${file}: ${summary.entries} entries replayed to ${minutes(summary.timeMs)}, ${summary.events} events, state sha256 ${sha256}\n`,
    );
    for (const s of summary.systems)
      io.out(`  system ${s.id}: ${s.status}, downtime ${minutes(s.downtimeMs)}\n`);
  }
  return 0;
}

/** Runs the CLI; returns the exit code. Never throws for bad input. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest, io);
      case 'run':
        return await run(rest, io);
      case 'replay':
        return replay(rest, io);
      default:
        io.err(
          `${command === undefined ? 'no command' : `unknown command "${command.slice(0, 20)}"`}\n${USAGE}\n`,
        );
        return 2;
    }
  } catch (e) {
    if (e instanceof InputError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`lesson: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`lesson: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
