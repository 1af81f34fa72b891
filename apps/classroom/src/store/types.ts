/**
 * The class store: everything the server keeps about a class, behind one interface with two
 * implementations — in memory (one process) and in Redis (several processes share a class: a
 * trainee on process 1 and the instructor on process 2 read and write the same records).
A join code stays bound to its class until the class expires; once the class has ended, the
handshake refuses it (`class-ended`), so a code never opens another class's door.
 *
 * Records are cut into fields that each have one writer, so two processes never overwrite each
 * other's changes with a read-modify-write: the trainee's own socket writes its progress, history
 * and session log; the instructor writes assignments and groups; connection handlers write the
 * connection. Everything of a class expires with it (`expiresAtMs`), its join code included.
 */
import type {
  Assignment,
  ClassMessage,
  ClassState,
  MistakeRecord,
  ProgressView,
  SessionEntry,
  SessionEntryRecord,
  SessionHeader,
  StepRecord,
} from '../protocol.ts';

/** What never changes after creation. */
export interface ClassRecord {
  classId: string;
  title: string;
  code: string;
  /** The link trainees open to join (public URL + join path + code). */
  joinUrl: string;
  /** SHA-256 of the instructor key; the key itself is never stored. */
  instructorKeyHash: string;
  createdAtMs: number;
  expiresAtMs: number;
}

export interface ClassStatus {
  state: ClassState;
  changedAtMs: number;
  startedAtMs: number | null;
  endedAtMs: number | null;
}

export interface ClassSnapshot {
  record: ClassRecord;
  status: ClassStatus;
  assignment: Assignment | null;
}

export interface TraineeProfile {
  traineeId: string;
  name: string;
  /** SHA-256 of the trainee token. */
  tokenHash: string;
  joinedAtMs: number;
}

interface Connection {
  connected: boolean;
  /** The socket that set this; a disconnect only clears its own connection. */
  socketId: string | null;
  changedAtMs: number;
}

/** The single-writer fields of a trainee. */
export interface TraineeFields {
  group: string | null;
  assignment: Assignment | null;
  connection: Connection;
  progress: ProgressView | null;
}

export interface TraineeRecord extends TraineeFields {
  profile: TraineeProfile;
}

export interface TraineeHistory {
  steps: StepRecord[];
  mistakes: MistakeRecord[];
}

export interface StoredSession {
  header: SessionHeader | null;
  entries: SessionEntryRecord[];
}

/** An append's outcome, with whether anyone watches the session (so whether to relay it). */
export type AppendResult =
  | { ok: true; firstSeq: number; watched: boolean }
  | { ok: false; reason: 'full' };

export interface ClassStore {
  /** Stores a new class; false when its join code is taken (draw another and retry). */
  createClass(record: ClassRecord): Promise<boolean>;
  getClass(classId: string): Promise<ClassSnapshot | null>;
  classIdByCode(code: string): Promise<string | null>;
  classIdByKeyHash(keyHash: string): Promise<string | null>;
  setClassStatus(classId: string, status: ClassStatus): Promise<void>;
  setClassAssignment(classId: string, assignment: Assignment | null): Promise<void>;
  /** Keeps the latest `keep` messages. */
  addMessage(classId: string, message: ClassMessage, keep: number): Promise<void>;
  listMessages(classId: string): Promise<ClassMessage[]>;

  /** Adds a trainee unless the class already has `maxTrainees`. */
  addTrainee(
    classId: string,
    profile: TraineeProfile,
    fields: TraineeFields,
    maxTrainees: number,
  ): Promise<'added' | 'full'>;
  traineeIdByTokenHash(classId: string, tokenHash: string): Promise<string | null>;
  getTrainee(classId: string, traineeId: string): Promise<TraineeRecord | null>;
  /** Every trainee, in join order. */
  listTrainees(classId: string): Promise<TraineeRecord[]>;
  setTraineeField<K extends keyof TraineeFields>(
    classId: string,
    traineeId: string,
    field: K,
    value: TraineeFields[K],
  ): Promise<void>;
  /**
   * Appends to the passed steps or the mistakes; keeps the first `cap` records. A record equal to
   * one already kept is not added again (a report sent again after a lost acknowledgement).
   */
  appendHistory(
    classId: string,
    traineeId: string,
    kind: keyof TraineeHistory,
    record: StepRecord | MistakeRecord,
    cap: number,
  ): Promise<void>;
  getHistory(classId: string, traineeId: string): Promise<TraineeHistory>;

  /** Starts a new session log (the old one is dropped). */
  startSession(classId: string, traineeId: string, header: SessionHeader): Promise<void>;
  /**
   * Appends entries unless the log would pass `cap`; gives the first new entry's seq and
   * whether the session is watched (one round trip for both in Redis).
   */
  appendSession(
    classId: string,
    traineeId: string,
    entries: SessionEntry[],
    cap: number,
  ): Promise<AppendResult>;
  getSession(classId: string, traineeId: string): Promise<StoredSession>;
  /**
   * Marks one watcher (an instructor's socket) as watching a trainee's session, or not. With no
   * watcher, the server keeps the trainee's log but does not relay it: with Redis every relay
   * is a stream entry that every process reads.
   */
  setWatching(
    classId: string,
    traineeId: string,
    watcherId: string,
    watching: boolean,
  ): Promise<void>;
  isWatched(classId: string, traineeId: string): Promise<boolean>;

  /** Stops background work (the memory store's expiry sweep); does not close shared clients. */
  close(): Promise<void>;
}
