/**
 * The class store for one process: plain maps. Values are copied in and out (structuredClone),
 * so callers see the same semantics as with Redis, where every read is a fresh object.
 */
import type {
  Assignment,
  ClassMessage,
  MistakeRecord,
  SessionEntry,
  SessionEntryRecord,
  SessionHeader,
  StepRecord,
} from '../protocol.ts';
import type {
  AppendResult,
  ClassRecord,
  ClassSnapshot,
  ClassStatus,
  ClassStore,
  StoredSession,
  TraineeFields,
  TraineeHistory,
  TraineeProfile,
  TraineeRecord,
} from './types.ts';

interface MemTrainee {
  record: TraineeRecord;
  history: TraineeHistory;
  header: SessionHeader | null;
  entries: SessionEntryRecord[];
  watchers: Set<string>;
}

interface MemClass {
  snapshot: ClassSnapshot;
  messages: ClassMessage[];
  trainees: Map<string, MemTrainee>;
  tokens: Map<string, string>;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * @example
 * const store = new MemoryClassStore();
 * await store.createClass(record);
 */
export class MemoryClassStore implements ClassStore {
  private readonly classes = new Map<string, MemClass>();
  private readonly codes = new Map<string, string>();
  private readonly keys = new Map<string, string>();
  private readonly sweep: ReturnType<typeof setInterval>;

  constructor(private readonly now: () => number = Date.now) {
    this.sweep = setInterval(() => this.dropExpired(), SWEEP_INTERVAL_MS);
    this.sweep.unref();
  }

  async createClass(record: ClassRecord): Promise<boolean> {
    this.dropExpired();
    if (this.codes.has(record.code) || this.classes.has(record.classId)) return false;
    this.classes.set(record.classId, {
      snapshot: {
        record: structuredClone(record),
        status: {
          state: 'waiting',
          changedAtMs: record.createdAtMs,
          startedAtMs: null,
          endedAtMs: null,
        },
        assignment: null,
      },
      messages: [],
      trainees: new Map(),
      tokens: new Map(),
    });
    this.codes.set(record.code, record.classId);
    this.keys.set(record.instructorKeyHash, record.classId);
    return true;
  }

  async getClass(classId: string): Promise<ClassSnapshot | null> {
    const c = this.live(classId);
    return c ? structuredClone(c.snapshot) : null;
  }

  async classIdByCode(code: string): Promise<string | null> {
    const id = this.codes.get(code);
    return id !== undefined && this.live(id) ? id : null;
  }

  async classIdByKeyHash(keyHash: string): Promise<string | null> {
    const id = this.keys.get(keyHash);
    return id !== undefined && this.live(id) ? id : null;
  }

  async setClassStatus(classId: string, status: ClassStatus): Promise<void> {
    const c = this.live(classId);
    if (c) c.snapshot.status = structuredClone(status);
  }

  async setClassAssignment(classId: string, assignment: Assignment | null): Promise<void> {
    const c = this.live(classId);
    if (c) c.snapshot.assignment = structuredClone(assignment);
  }

  async addMessage(classId: string, message: ClassMessage, keep: number): Promise<void> {
    const c = this.live(classId);
    if (!c) return;
    c.messages.push(structuredClone(message));
    if (c.messages.length > keep) c.messages.splice(0, c.messages.length - keep);
  }

  async listMessages(classId: string): Promise<ClassMessage[]> {
    return structuredClone(this.live(classId)?.messages ?? []);
  }

  async addTrainee(
    classId: string,
    profile: TraineeProfile,
    fields: TraineeFields,
    maxTrainees: number,
  ): Promise<'added' | 'full'> {
    const c = this.live(classId);
    if (!c || c.trainees.size >= maxTrainees) return 'full';
    c.trainees.set(profile.traineeId, {
      record: structuredClone({ profile, ...fields }),
      history: { steps: [], mistakes: [] },
      header: null,
      entries: [],
      watchers: new Set(),
    });
    c.tokens.set(profile.tokenHash, profile.traineeId);
    return 'added';
  }

  async traineeIdByTokenHash(classId: string, tokenHash: string): Promise<string | null> {
    return this.live(classId)?.tokens.get(tokenHash) ?? null;
  }

  async getTrainee(classId: string, traineeId: string): Promise<TraineeRecord | null> {
    const t = this.trainee(classId, traineeId);
    return t ? structuredClone(t.record) : null;
  }

  async listTrainees(classId: string): Promise<TraineeRecord[]> {
    const c = this.live(classId);
    return c ? [...c.trainees.values()].map((t) => structuredClone(t.record)) : [];
  }

  async setTraineeField<K extends keyof TraineeFields>(
    classId: string,
    traineeId: string,
    field: K,
    value: TraineeFields[K],
  ): Promise<void> {
    const t = this.trainee(classId, traineeId);
    if (t) (t.record as TraineeFields)[field] = structuredClone(value);
  }

  async appendHistory(
    classId: string,
    traineeId: string,
    kind: keyof TraineeHistory,
    record: StepRecord | MistakeRecord,
    cap: number,
  ): Promise<void> {
    const t = this.trainee(classId, traineeId);
    if (!t) return;
    const list = t.history[kind] as (StepRecord | MistakeRecord)[];
    const text = JSON.stringify(record);
    if (list.some((kept) => JSON.stringify(kept) === text)) return;
    if (list.length < cap) list.push(structuredClone(record));
  }

  async getHistory(classId: string, traineeId: string): Promise<TraineeHistory> {
    const t = this.trainee(classId, traineeId);
    return t ? structuredClone(t.history) : { steps: [], mistakes: [] };
  }

  async startSession(classId: string, traineeId: string, header: SessionHeader): Promise<void> {
    const t = this.trainee(classId, traineeId);
    if (!t) return;
    t.header = structuredClone(header);
    t.entries = [];
  }

  async appendSession(
    classId: string,
    traineeId: string,
    entries: SessionEntry[],
    cap: number,
  ): Promise<AppendResult> {
    const t = this.trainee(classId, traineeId);
    if (!t || t.entries.length + entries.length > cap) return { ok: false, reason: 'full' };
    const firstSeq = t.entries.length;
    entries.forEach((e, i) => {
      t.entries.push({ ...structuredClone(e), seq: firstSeq + i });
    });
    return { ok: true, firstSeq, watched: t.watchers.size > 0 };
  }

  async getSession(classId: string, traineeId: string): Promise<StoredSession> {
    const t = this.trainee(classId, traineeId);
    return t
      ? structuredClone({ header: t.header, entries: t.entries })
      : { header: null, entries: [] };
  }

  async setWatching(
    classId: string,
    traineeId: string,
    watcherId: string,
    watching: boolean,
  ): Promise<void> {
    const t = this.trainee(classId, traineeId);
    if (!t) return;
    if (watching) t.watchers.add(watcherId);
    else t.watchers.delete(watcherId);
  }

  async isWatched(classId: string, traineeId: string): Promise<boolean> {
    return (this.trainee(classId, traineeId)?.watchers.size ?? 0) > 0;
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
  }

  private live(classId: string): MemClass | undefined {
    const c = this.classes.get(classId);
    if (c && c.snapshot.record.expiresAtMs <= this.now()) {
      this.drop(classId, c);
      return undefined;
    }
    return c;
  }

  private trainee(classId: string, traineeId: string): MemTrainee | undefined {
    return this.live(classId)?.trainees.get(traineeId);
  }

  private dropExpired(): void {
    const t = this.now();
    for (const [id, c] of this.classes) {
      if (c.snapshot.record.expiresAtMs <= t) this.drop(id, c);
    }
  }

  private drop(classId: string, c: MemClass): void {
    this.classes.delete(classId);
    if (this.codes.get(c.snapshot.record.code) === classId)
      this.codes.delete(c.snapshot.record.code);
    this.keys.delete(c.snapshot.record.instructorKeyHash);
  }
}
