/** The schema of session files and share links; `parseSession` never throws. */
import * as v from 'valibot';
import { commandSchema } from '../schema/command.ts';
import {
  bool,
  integer,
  list,
  MAX_SIM_MS,
  nonEmptyText,
  seed,
  simMs,
  strict,
} from '../schema/fields.ts';
import type { FieldIssue, Parsed } from '../schema/issues.ts';
import { parseJson, parseWith } from '../schema/parse.ts';
import { rackRefSchema } from '../schema/rack.ts';
import { SESSION_FORMAT, SESSION_VERSION, type Session } from './types.ts';

/** Most log entries in one session (about a day of steady clicking). */
export const MAX_SESSION_ENTRIES = 20_000;
/** Latest simulated time a session may reach: ten simulated years. */
export const MAX_SESSION_MS = 10 * 365 * 24 * 3_600_000;

const time = simMs(0, MAX_SESSION_MS);

const entrySchema = v.union(
  [
    strict({ timeMs: time, command: commandSchema }),
    strict({ timeMs: time, warpToNextEvent: simMs(1, MAX_SIM_MS) }),
  ],
  'expected { "timeMs", "command" } or { "timeMs", "warpToNextEvent" }',
);

// The lesson part is kept as recorded (it is the player's own data); only its shape is checked.
const lessonPartSchema = strict({
  id: nonEmptyText(60),
  seed,
  variables: v.record(v.string(), v.unknown()),
  attempt: v.looseObject({ status: v.string(), stepIndex: integer(0, 1000, 'a step index') }),
  actions: list(v.looseObject({ kind: v.string(), timeMs: time }), MAX_SESSION_ENTRIES),
});

export const sessionSchema = v.pipe(
  strict({
    format: v.literal(SESSION_FORMAT, `expected "${SESSION_FORMAT}"`),
    version: v.literal(SESSION_VERSION, `expected version ${SESSION_VERSION}`),
    rack: rackRefSchema,
    seed,
    randomFaults: v.optional(bool()),
    log: list(entrySchema, MAX_SESSION_ENTRIES),
    endMs: time,
    lesson: v.optional(lessonPartSchema),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const s = dataset.value;
    let last = 0;
    for (const [i, e] of s.log.entries()) {
      if (e.timeMs < last) {
        addIssue({
          message: `log[${i}].timeMs: ${e.timeMs} is before the previous entry (${last}); times never go back`,
        });
        return;
      }
      last = e.timeMs;
    }
    if (s.endMs < last)
      addIssue({ message: `endMs: ${s.endMs} is before the last entry (${last})` });
  }),
) as unknown as v.GenericSchema<Session>;

/**
 * A session from JSON text or an object. Never throws.
 *
 * @example
 * const r = parseSession(await file.text());
 * if (!r.ok) show(r.issues[0]);
 */
export function parseSession(input: unknown): Parsed<Session> {
  let value = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.ok) return json;
    value = json.value;
  }
  const parsed = parseWith(sessionSchema, value);
  if (parsed.ok) return parsed;
  return { ok: false, issues: parsed.issues.map(splitPath) };
}

/** Whole-session checks report `log[3].timeMs: …` in their message: move that into the path. */
function splitPath(issue: FieldIssue): FieldIssue {
  const m = /^([\w[\].]+): (.*)$/.exec(issue.message);
  return issue.path === '(root)' && m ? { path: m[1], message: m[2] } : issue;
}
