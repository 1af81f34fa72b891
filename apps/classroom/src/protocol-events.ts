/**
 * The classroom protocol, server → client: the data the server sends, the replies to each
 * message and the Socket.IO event maps. Types only. Import from `protocol.ts`.
 */
import type { FaultKind } from '@ft/engine';
import type { Assignment, SessionEntry, SessionHeader } from './lesson-types.ts';
import type {
  ClassState,
  ClientMessage,
  ClientMessageName,
  FaultAck,
  MistakeRecord,
  StepRecord,
  SystemStatusName,
  Target,
} from './protocol-messages.ts';

export type ErrorCode =
  | 'invalid-message'
  | 'invalid-state'
  | 'unknown-event'
  | 'forbidden'
  | 'rate-limited'
  | 'not-found'
  | 'class-ended'
  | 'session-log-full'
  | 'internal';

/** Handshake refusal codes, in `connect_error`'s `data.code`. */
export type ConnectErrorCode =
  | 'invalid-auth'
  | 'unknown-class'
  | 'unknown-token'
  | 'class-ended'
  | 'class-full'
  | 'rate-limited'
  | 'internal';

export interface ClassroomErrorEvent {
  /** The event that was refused. */
  event: string;
  code: ErrorCode;
  message: string;
}

/** A command's answer, through the Socket.IO acknowledgement. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ClassroomErrorEvent };

export interface ProgressView {
  lessonId: string | null;
  stepIndex: number;
  stepsTotal: number;
  score: number;
  maxScore: number;
  mistakes: number;
  systemStatus: SystemStatusName;
  elapsedMs: number;
  finished: boolean;
  /** The twin's simulated time when the trainee sent it (absent from older clients). */
  simTimeMs?: number;
  updatedAtMs: number;
}

/** One line of the live roster. */
export interface RosterEntry {
  traineeId: string;
  name: string;
  group: string | null;
  connected: boolean;
  joinedAtMs: number;
  lastSeenAtMs: number;
  /** The trainee's own assignment, else the class's. */
  assignment: Assignment | null;
  progress: ProgressView | null;
}

/** Fields of one roster line that changed. */
export interface RosterPatch {
  traineeId: string;
  patch: Partial<RosterEntry>;
}

export interface ClassView {
  classId: string;
  title: string;
  state: ClassState;
  createdAtMs: number;
  expiresAtMs: number;
  startedAtMs: number | null;
  endedAtMs: number | null;
  /** The assignment for everyone (trainees may have their own). */
  assignment: Assignment | null;
}

/** What the instructor sees of the class: the view plus the join code and link. */
export interface InstructorClassView extends ClassView {
  code: string;
  joinUrl: string;
}

export interface ClassMessage {
  text: string;
  atMs: number;
}

/** A session entry with its position in the trainee's log, from 0 (merges snapshots and appends). */
export type SessionEntryRecord = SessionEntry & { seq: number };

export interface SessionView {
  traineeId: string;
  header: SessionHeader | null;
  entries: SessionEntryRecord[];
}

export interface InstructorWelcome {
  class: InstructorClassView;
  roster: RosterEntry[];
}

export interface TraineeWelcome {
  class: ClassView;
  trainee: { traineeId: string; name: string; group: string | null };
  /** Only on the first join: the page keeps it (localStorage) to resume after a reload. */
  token?: string;
  /** True when this trainee was already in the class (reload, new device, lost network). */
  resumed: boolean;
  assignment: Assignment | null;
  progress: ProgressView | null;
  steps: StepRecord[];
  messages: ClassMessage[];
  /** The trainee's own session log, to rebuild the twin where it was. */
  session: SessionView | null;
}

/** What a trainee's page receives to apply, as an engine command, then acknowledge. */
export interface FaultDelivery {
  faultId: string;
  command: { type: 'inject'; target: string; fault: FaultKind };
  issuedAtMs: number;
}

export interface FaultReport {
  faultId: string;
  command: FaultDelivery['command'];
  target: Target;
  issuedAtMs: number;
  /** From the server receiving the command to the last acknowledgement (or the timeout). */
  durationMs: number;
  /** Trainees the target named. */
  targeted: number;
  /** Acknowledged; `applied` false when the trainee's engine refused (with its reason). */
  delivered: { traineeId: string; applied: boolean; error?: string }[];
  /** Connected but no acknowledgement within the timeout. */
  lost: string[];
  /** Not connected when the fault was sent. */
  offline: string[];
}

export interface TraineeReport {
  traineeId: string;
  name: string;
  group: string | null;
  assignment: Assignment | null;
  joinedAtMs: number;
  connected: boolean;
  score: number | null;
  maxScore: number | null;
  stepIndex: number | null;
  stepsTotal: number | null;
  mistakes: number;
  elapsedMs: number | null;
  finished: boolean;
  systemStatus: SystemStatusName | null;
  steps: StepRecord[];
  mistakeLog: MistakeRecord[];
}

export interface ClassReport {
  class: ClassView;
  generatedAtMs: number;
  trainees: TraineeReport[];
}

/** Replies, per client message. */
export interface ClientReplies {
  assignLesson: { traineeIds: string[] };
  setClassState: { state: ClassState };
  injectFault: FaultReport;
  broadcast: { atMs: number };
  setGroup: { traineeIds: string[] };
  watchTrainee: SessionView;
  unwatchTrainee: Record<string, never>;
  getRoster: { roster: RosterEntry[] };
  getReport: { report: ClassReport; csv: string };
  progress: Record<string, never>;
  sessionStart: Record<string, never>;
  sessionCommands: { nextSeq: number };
}

/** Socket.IO typing of client → server events. */
export type ClientToServerEvents = {
  [K in ClientMessageName]: (
    payload: ClientMessage<K>,
    ack?: (reply: Reply<ClientReplies[K]>) => void,
  ) => void;
};

/** Socket.IO typing of server → client events. */
export interface ServerToClientEvents {
  'instructor:welcome': (welcome: InstructorWelcome) => void;
  'trainee:welcome': (welcome: TraineeWelcome) => void;
  'roster:joined': (entry: RosterEntry) => void;
  /** Changed roster fields, gathered over a few tens of milliseconds. */
  'roster:update': (updates: RosterPatch[]) => void;
  classState: (change: { state: ClassState; atMs: number }) => void;
  assignment: (change: { assignment: Assignment | null }) => void;
  fault: (delivery: FaultDelivery, ack: (ack: FaultAck) => void) => void;
  message: (message: ClassMessage) => void;
  faultReport: (report: FaultReport) => void;
  'session:start': (start: { traineeId: string; header: SessionHeader }) => void;
  'session:append': (append: { traineeId: string; entries: SessionEntryRecord[] }) => void;
  error: (error: ClassroomErrorEvent) => void;
}

/** The answer to `POST /api/classes`. */
export interface CreatedClass {
  classId: string;
  title: string;
  code: string;
  /** Secret: the instructor's only credential. Never sent to trainees. */
  instructorKey: string;
  joinUrl: string;
  expiresAtMs: number;
}
