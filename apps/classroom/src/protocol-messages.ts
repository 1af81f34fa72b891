/**
 * The classroom protocol, client → server: every message a client may send (and the handshake),
 * as a valibot schema validated at the server's edge. Imports nothing from Node, so the client
 * module uses it in browsers too. Import from `protocol.ts`.
 */
import * as v from 'valibot';
import {
  type Assignment,
  COMPONENT_ID_PATTERN,
  commandSchema,
  FAULT_KINDS,
  faultsFor,
  LESSON_ID_PATTERN,
  rackRefSchema,
  type SessionEntry,
  type SessionHeader,
} from './lesson-types.ts';
import { hasUnsafeChars, normalizeName } from './text.ts';

export type { Assignment, SessionEntry, SessionHeader };
export { FAULT_KINDS };

/** Characters of a join code: digits and capitals without 0, 1, I, L, O. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

export type FaultKindName = (typeof FAULT_KINDS)[number];

/** Whole-system status as the engine names it (`SYSTEM_STATUS_NAMES`). */
export const SYSTEM_STATUSES = ['down', 'booting', 'simplex', 'duplex', 'triplex'] as const;
export type SystemStatusName = (typeof SYSTEM_STATUSES)[number];

export const CLASS_STATES = ['waiting', 'running', 'paused', 'ended'] as const;
export type ClassState = (typeof CLASS_STATES)[number];

const MAX_UINT32 = 0xffff_ffff;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

// ── Building blocks ─────────────────────────────────────────────────────────────────────────

const jsonChars = (value: unknown): number => {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/** A single line of people's text: normalised, 1..max characters, no controls or overrides. */
const humanText = (maxChars: number) =>
  v.pipe(
    v.string(),
    v.maxLength(maxChars * 4, `must be at most ${maxChars} characters`),
    v.transform(normalizeName),
    v.minLength(1, 'must not be empty'),
    v.maxLength(maxChars, `must be at most ${maxChars} characters`),
    v.check((s) => !hasUnsafeChars(s), 'must not hold control or direction-override characters'),
  );

const int = (min: number, max: number) =>
  v.pipe(
    v.number(),
    v.integer('must be an integer'),
    v.minValue(min, `must be ≥ ${min}`),
    v.maxValue(max, `must be ≤ ${max}`),
  );

export const IdSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be an id (letters, digits, _ and -)'),
);
export const SecretSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{43}$/, 'must be 43 base64url characters'),
);
export const JoinCodeSchema = v.pipe(
  v.string(),
  v.maxLength(16, 'must be a 6-character join code'),
  v.transform((s) => s.trim().toUpperCase()),
  v.regex(
    new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`),
    'must be a 6-character join code',
  ),
);
export const DisplayNameSchema = humanText(40);
export const GroupNameSchema = humanText(24);
export const ClassTitleSchema = humanText(80);
export const MessageTextSchema = humanText(500);
export const LessonIdSchema = v.pipe(v.string(), v.regex(LESSON_ID_PATTERN, 'must be a lesson id'));
export const SeedSchema = int(0, MAX_UINT32);
/** A component id as the engine names them, e.g. `A.cpu-1`, `B.disk-10-40-1`. */
export const ComponentIdSchema = v.pipe(
  v.string(),
  v.maxLength(64, 'must be a component id such as A.cpu-1'),
  v.regex(COMPONENT_ID_PATTERN, 'must be a component id such as A.cpu-1'),
);

export const AssignmentSchema = v.object({
  kind: v.picklist(['lesson', 'drill'], 'must be lesson or drill'),
  lessonId: LessonIdSchema,
  seed: SeedSchema,
}) satisfies v.GenericSchema<unknown, Assignment>;

/** Who a command goes to: everyone, some trainees by id, or a named group. */
export const TargetSchema = v.variant(
  'to',
  [
    v.object({ to: v.literal('all') }),
    v.object({
      to: v.literal('trainees'),
      traineeIds: v.pipe(v.array(IdSchema), v.minLength(1), v.maxLength(500)),
    }),
    v.object({ to: v.literal('group'), group: GroupNameSchema }),
  ],
  'must be { to: "all" }, { to: "trainees", traineeIds } or { to: "group", group }',
);
export type Target = v.InferOutput<typeof TargetSchema>;

export const SessionHeaderSchema = v.object({
  lessonId: v.nullable(LessonIdSchema),
  seed: SeedSchema,
  rack: v.pipe(
    v.unknown(),
    v.check((r) => jsonChars(r) <= 8192, 'rack must be at most 8 KiB of JSON'),
    rackRefSchema,
  ),
}) satisfies v.GenericSchema<unknown, SessionHeader>;

/** A session log entry, as @ft/lessons records it; the command is checked like a lesson's. */
/**
 * Simulated milliseconds: a live twin's clock moves in wall-clock-sized slices, so its times are
 * fractional, and a replay must apply each command at exactly that time (as @ft/lessons does).
 */
const simMs = v.pipe(
  v.number(),
  v.check((n) => Number.isFinite(n) && n >= 0, 'must be a finite number of simulated ms ≥ 0'),
  v.maxValue(Number.MAX_SAFE_INTEGER, `must be ≤ ${Number.MAX_SAFE_INTEGER}`),
);

export const SessionEntrySchema = v.union(
  [
    v.object({ timeMs: simMs, command: commandSchema }),
    v.object({ timeMs: simMs, warpToNextEvent: simMs }),
  ],
  'must be { timeMs, command } or { timeMs, warpToNextEvent }',
) satisfies v.GenericSchema<unknown, SessionEntry>;

export const StepRecordSchema = v.object({
  index: int(0, 999),
  title: v.optional(humanText(120)),
  atMs: int(0, WEEK_MS),
  points: int(-100_000, 100_000),
});
export type StepRecord = v.InferOutput<typeof StepRecordSchema>;

export const MistakeRecordSchema = v.object({
  atMs: int(0, WEEK_MS),
  text: humanText(200),
});
export type MistakeRecord = v.InferOutput<typeof MistakeRecordSchema>;

// ── Handshake ───────────────────────────────────────────────────────────────────────────────

export const InstructorAuthSchema = v.object({
  role: v.literal('instructor'),
  key: SecretSchema,
});
export const TraineeAuthSchema = v.pipe(
  v.object({
    role: v.literal('trainee'),
    code: JoinCodeSchema,
    name: v.optional(DisplayNameSchema),
    token: v.optional(SecretSchema),
  }),
  v.check((a) => a.name !== undefined || a.token !== undefined, 'needs a name or a token'),
);
/** `socket.handshake.auth`: who connects (Socket.IO adds `pid`/`offset` for recovery). */
export const HandshakeAuthSchema = v.variant(
  'role',
  [InstructorAuthSchema, TraineeAuthSchema],
  'auth.role must be instructor or trainee',
);
export type InstructorAuth = v.InferInput<typeof InstructorAuthSchema>;
export type TraineeAuth = v.InferInput<typeof TraineeAuthSchema>;

export const CreateClassRequestSchema = v.object({
  title: v.optional(ClassTitleSchema, 'Class'),
});

// ── Client → server messages ────────────────────────────────────────────────────────────────

export const ProgressSchema = v.object({
  lessonId: v.nullable(LessonIdSchema),
  stepIndex: int(0, 999),
  stepsTotal: int(0, 1000),
  score: int(-100_000, 100_000),
  maxScore: int(0, 100_000),
  mistakes: int(0, 100_000),
  systemStatus: v.picklist(SYSTEM_STATUSES, `must be one of ${SYSTEM_STATUSES.join(', ')}`),
  elapsedMs: int(0, WEEK_MS),
  finished: v.boolean(),
  /**
   * The twin's simulated time when this was sent: where a restored twin (after a reload) or the
   * instructor's mirror runs to after replaying the session log.
   */
  simTimeMs: v.optional(int(0, Number.MAX_SAFE_INTEGER)),
  /** A step passed since the last event (appended to the trainee's history). */
  stepPassed: v.optional(StepRecordSchema),
  /** A mistake made since the last event (appended to the trainee's history). */
  mistake: v.optional(MistakeRecordSchema),
});
export type ProgressInput = v.InferInput<typeof ProgressSchema>;

/**
 * Every message a client may send: who may send it and its payload schema. The server refuses
 * any other event name (`unknown-event`), a role mismatch (`forbidden`) and a payload that fails
 * its schema (`invalid-message`), and changes nothing for any of them.
 */
export const CLIENT_MESSAGES = {
  // Instructor
  assignLesson: {
    role: 'instructor',
    schema: v.object({ assignment: AssignmentSchema, target: v.optional(TargetSchema) }),
  },
  setClassState: {
    role: 'instructor',
    schema: v.object({ state: v.picklist(['running', 'paused', 'ended']) }),
  },
  injectFault: {
    role: 'instructor',
    schema: v.pipe(
      v.object({
        target: TargetSchema,
        component: ComponentIdSchema,
        fault: v.picklist(FAULT_KINDS, 'must be a fault kind'),
      }),
      v.forward(
        v.check(
          (f) => faultsFor(f.component).includes(f.fault),
          (i) => {
            const f = i.input as { component: string };
            return `${f.component} cannot suffer this fault; it can suffer ${faultsFor(f.component).join(', ')}`;
          },
        ),
        ['fault'],
      ),
    ),
  },
  broadcast: {
    role: 'instructor',
    schema: v.object({ text: MessageTextSchema, target: v.optional(TargetSchema) }),
  },
  setGroup: {
    role: 'instructor',
    schema: v.object({
      traineeIds: v.pipe(v.array(IdSchema), v.minLength(1), v.maxLength(500)),
      group: v.nullable(GroupNameSchema),
    }),
  },
  watchTrainee: { role: 'instructor', schema: v.object({ traineeId: IdSchema }) },
  unwatchTrainee: { role: 'instructor', schema: v.object({ traineeId: IdSchema }) },
  getRoster: { role: 'instructor', schema: v.object({}) },
  getReport: { role: 'instructor', schema: v.object({}) },
  // Trainee
  progress: { role: 'trainee', schema: ProgressSchema },
  sessionStart: { role: 'trainee', schema: SessionHeaderSchema },
  sessionCommands: {
    role: 'trainee',
    schema: v.object({ entries: v.pipe(v.array(SessionEntrySchema), v.minLength(1)) }),
  },
} as const;

export type ClientMessageName = keyof typeof CLIENT_MESSAGES;
export type ClientMessage<K extends ClientMessageName> = v.InferInput<
  (typeof CLIENT_MESSAGES)[K]['schema']
>;
export type ParsedClientMessage<K extends ClientMessageName> = v.InferOutput<
  (typeof CLIENT_MESSAGES)[K]['schema']
>;

/** What a trainee's client answers to a `fault` event. */
export const FaultAckSchema = v.object({
  traineeId: IdSchema,
  faultId: IdSchema,
  applied: v.boolean(),
  error: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
export type FaultAck = v.InferOutput<typeof FaultAckSchema>;
