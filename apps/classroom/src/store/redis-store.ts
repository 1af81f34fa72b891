/**
 * The class store in Redis, for several server processes behind a load balancer. Layout (every
 * key expires with its class, PEXPIREAT = the class's expiresAtMs):
 *
 *   {p}code:{CODE}               string  → classId (SET NX: a code is never given twice)
 *   {p}key:{keyHash}             string  → classId
 *   {p}c:{id}                    hash    record, status, assignment (JSON each)
 *   {p}c:{id}:messages           list    JSON messages, the latest kept
 *   {p}c:{id}:ids                list    trainee ids in join order
 *   {p}c:{id}:tokens             hash    tokenHash → traineeId
 *   {p}c:{id}:t:{tid}            hash    profile, group, assignment, connection, progress, session
 *   {p}c:{id}:t:{tid}:steps      list    passed steps (JSON), the first kept
 *   {p}c:{id}:t:{tid}:mistakes   list    mistakes (JSON), the first kept
 *   {p}c:{id}:t:{tid}:log        list    session log entries (JSON), index = seq
 *   {p}c:{id}:t:{tid}:watchers   set     instructor sockets watching the session
 *
 * Each hash field has one writer (see types.ts), so plain HSET needs no transaction. The session
 * log has one writer too (the trainee's socket), so its length check and append need no script.
 */
import type { createClient } from 'redis';
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

export type RedisClient = ReturnType<typeof createClient>;

const json = (value: unknown): string => JSON.stringify(value);

/** HSET a field only on a trainee that exists (one round trip instead of HEXISTS + HSET). */
const SET_IF_TRAINEE = `if redis.call('HEXISTS', KEYS[1], 'profile') == 1 then
  return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
return -1`;

/**
 * Appends to a session log unless it would pass the cap, in one round trip; answers
 * {length before or -1 when full, whether the watchers set exists}.
 */
const APPEND_SESSION = `local length = redis.call('LLEN', KEYS[1])
local watched = redis.call('EXISTS', KEYS[2])
if length + #ARGV - 2 > tonumber(ARGV[1]) then return {-1, watched} end
redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return {length, watched}`;
const parse = <T>(text: string | null | undefined, fallback: T): T =>
  text === null || text === undefined ? fallback : (JSON.parse(text) as T);

/**
 * @example
 * const redis = createClient({ url: process.env.REDIS_URL });
 * await redis.connect();
 * const store = new RedisClassStore(redis);
 */
export class RedisClassStore implements ClassStore {
  /** Expiry per class: fixed at creation, so a process may remember it. */
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'ftc:',
  ) {}

  async createClass(record: ClassRecord): Promise<boolean> {
    const expiry = { type: 'PXAT' as const, value: record.expiresAtMs };
    const taken = await this.redis.set(this.codeKey(record.code), record.classId, {
      condition: 'NX',
      expiration: expiry,
    });
    if (taken !== 'OK') return false;
    const status: ClassStatus = {
      state: 'waiting',
      changedAtMs: record.createdAtMs,
      startedAtMs: null,
      endedAtMs: null,
    };
    const classKey = this.classKey(record.classId);
    await this.redis
      .multi()
      .hSet(classKey, { record: json(record), status: json(status), assignment: json(null) })
      .pExpireAt(classKey, record.expiresAtMs)
      .set(this.keyKey(record.instructorKeyHash), record.classId, { expiration: expiry })
      .exec();
    return true;
  }

  async getClass(classId: string): Promise<ClassSnapshot | null> {
    const h = await this.redis.hGetAll(this.classKey(classId));
    if (!h.record) return null;
    return {
      record: parse<ClassRecord>(h.record, null as never),
      status: parse<ClassStatus>(h.status, null as never),
      assignment: parse<Assignment | null>(h.assignment, null),
    };
  }

  async classIdByCode(code: string): Promise<string | null> {
    return this.redis.get(this.codeKey(code));
  }

  async classIdByKeyHash(keyHash: string): Promise<string | null> {
    return this.redis.get(this.keyKey(keyHash));
  }

  async setClassStatus(classId: string, status: ClassStatus): Promise<void> {
    await this.redis.hSet(this.classKey(classId), 'status', json(status));
  }

  async setClassAssignment(classId: string, assignment: Assignment | null): Promise<void> {
    await this.redis.hSet(this.classKey(classId), 'assignment', json(assignment));
  }

  async addMessage(classId: string, message: ClassMessage, keep: number): Promise<void> {
    const key = `${this.classKey(classId)}:messages`;
    const expiresAtMs = await this.expiresAtMs(classId);
    if (expiresAtMs === null) return;
    await this.redis
      .multi()
      .rPush(key, json(message))
      .lTrim(key, -keep, -1)
      .pExpireAt(key, expiresAtMs)
      .exec();
  }

  async listMessages(classId: string): Promise<ClassMessage[]> {
    const items = await this.redis.lRange(`${this.classKey(classId)}:messages`, 0, -1);
    return items.map((m) => parse<ClassMessage>(m, null as never));
  }

  async addTrainee(
    classId: string,
    profile: TraineeProfile,
    fields: TraineeFields,
    maxTrainees: number,
  ): Promise<'added' | 'full'> {
    const expiresAtMs = await this.expiresAtMs(classId);
    if (expiresAtMs === null) return 'full';
    const idsKey = `${this.classKey(classId)}:ids`;
    if ((await this.redis.lLen(idsKey)) >= maxTrainees) return 'full';
    const tokensKey = `${this.classKey(classId)}:tokens`;
    const tKey = this.traineeKey(classId, profile.traineeId);
    await this.redis
      .multi()
      .hSet(tKey, {
        profile: json(profile),
        group: json(fields.group),
        assignment: json(fields.assignment),
        connection: json(fields.connection),
        progress: json(fields.progress),
        session: json(null),
      })
      .pExpireAt(tKey, expiresAtMs)
      .hSet(tokensKey, profile.tokenHash, profile.traineeId)
      .pExpireAt(tokensKey, expiresAtMs)
      .rPush(idsKey, profile.traineeId)
      .pExpireAt(idsKey, expiresAtMs)
      .exec();
    return 'added';
  }

  async traineeIdByTokenHash(classId: string, tokenHash: string): Promise<string | null> {
    return (await this.redis.hGet(`${this.classKey(classId)}:tokens`, tokenHash)) ?? null;
  }

  async getTrainee(classId: string, traineeId: string): Promise<TraineeRecord | null> {
    return this.readTrainee(classId, traineeId);
  }

  async listTrainees(classId: string): Promise<TraineeRecord[]> {
    const ids = await this.redis.lRange(`${this.classKey(classId)}:ids`, 0, -1);
    // Issued in one tick: node-redis pipelines them into one round trip.
    const records = await Promise.all(ids.map((id) => this.readTrainee(classId, id)));
    return records.filter((r): r is TraineeRecord => r !== null);
  }

  async setTraineeField<K extends keyof TraineeFields>(
    classId: string,
    traineeId: string,
    field: K,
    value: TraineeFields[K],
  ): Promise<void> {
    // A plain HSET on a missing (expired) trainee would recreate a partial record without expiry.
    await this.redis.eval(SET_IF_TRAINEE, {
      keys: [this.traineeKey(classId, traineeId)],
      arguments: [field, json(value)],
    });
  }

  async appendHistory(
    classId: string,
    traineeId: string,
    kind: keyof TraineeHistory,
    record: StepRecord | MistakeRecord,
    cap: number,
  ): Promise<void> {
    const expiresAtMs = await this.expiresAtMs(classId);
    if (expiresAtMs === null) return;
    const key = `${this.traineeKey(classId, traineeId)}:${kind}`;
    const value = json(record);
    // One trainee's reports arrive one after another, so the check and the push do not race.
    if ((await this.redis.lPos(key, value)) !== null) return;
    await this.redis
      .multi()
      .rPush(key, value)
      .lTrim(key, 0, cap - 1)
      .pExpireAt(key, expiresAtMs)
      .exec();
  }

  async getHistory(classId: string, traineeId: string): Promise<TraineeHistory> {
    const base = this.traineeKey(classId, traineeId);
    const [steps, mistakes] = await Promise.all([
      this.redis.lRange(`${base}:steps`, 0, -1),
      this.redis.lRange(`${base}:mistakes`, 0, -1),
    ]);
    return {
      steps: steps.map((s) => parse<StepRecord>(s, null as never)),
      mistakes: mistakes.map((m) => parse<MistakeRecord>(m, null as never)),
    };
  }

  async startSession(classId: string, traineeId: string, header: SessionHeader): Promise<void> {
    const key = this.traineeKey(classId, traineeId);
    if (!(await this.redis.hExists(key, 'profile'))) return;
    await this.redis.multi().hSet(key, 'session', json(header)).del(`${key}:log`).exec();
  }

  async appendSession(
    classId: string,
    traineeId: string,
    entries: SessionEntry[],
    cap: number,
  ): Promise<AppendResult> {
    const expiresAtMs = await this.expiresAtMs(classId);
    if (expiresAtMs === null) return { ok: false, reason: 'full' };
    const base = this.traineeKey(classId, traineeId);
    const [length, watched] = (await this.redis.eval(APPEND_SESSION, {
      keys: [`${base}:log`, `${base}:watchers`],
      arguments: [String(cap), String(expiresAtMs), ...entries.map(json)],
    })) as [number, number];
    if (length < 0) return { ok: false, reason: 'full' };
    return { ok: true, firstSeq: length, watched: watched === 1 };
  }

  async getSession(classId: string, traineeId: string): Promise<StoredSession> {
    const key = this.traineeKey(classId, traineeId);
    const [header, entries] = await Promise.all([
      this.redis.hGet(key, 'session'),
      this.redis.lRange(`${key}:log`, 0, -1),
    ]);
    return {
      header: parse<SessionHeader | null>(header, null),
      entries: entries.map(
        (e, seq): SessionEntryRecord => ({ ...parse<SessionEntry>(e, null as never), seq }),
      ),
    };
  }

  async setWatching(
    classId: string,
    traineeId: string,
    watcherId: string,
    watching: boolean,
  ): Promise<void> {
    const key = `${this.traineeKey(classId, traineeId)}:watchers`;
    if (!watching) {
      await this.redis.sRem(key, watcherId);
      return;
    }
    const expiresAtMs = await this.expiresAtMs(classId);
    if (expiresAtMs === null) return;
    await this.redis.multi().sAdd(key, watcherId).pExpireAt(key, expiresAtMs).exec();
  }

  async isWatched(classId: string, traineeId: string): Promise<boolean> {
    // Redis deletes a set with its last member.
    return (await this.redis.exists(`${this.traineeKey(classId, traineeId)}:watchers`)) > 0;
  }

  async close(): Promise<void> {
    // The Redis client is shared with the Socket.IO adapter; its owner closes it.
  }

  private async readTrainee(classId: string, traineeId: string): Promise<TraineeRecord | null> {
    const h = await this.redis.hGetAll(this.traineeKey(classId, traineeId));
    if (!h.profile) return null;
    return {
      profile: parse<TraineeProfile>(h.profile, null as never),
      group: parse<string | null>(h.group, null),
      assignment: parse<Assignment | null>(h.assignment, null),
      connection: parse(h.connection, { connected: false, socketId: null, changedAtMs: 0 }),
      progress: parse(h.progress, null),
    };
  }

  private async expiresAtMs(classId: string): Promise<number | null> {
    const known = this.expiries.get(classId);
    if (known !== undefined) {
      if (known > Date.now()) return known;
      this.expiries.delete(classId);
      return null;
    }
    const record = await this.redis.hGet(this.classKey(classId), 'record');
    if (!record) return null;
    const { expiresAtMs } = parse<ClassRecord>(record, null as never);
    if (this.expiries.size > 10_000) this.expiries.clear(); // bounded: it is only a cache
    this.expiries.set(classId, expiresAtMs);
    return expiresAtMs;
  }

  private codeKey(code: string): string {
    return `${this.prefix}code:${code}`;
  }

  private keyKey(keyHash: string): string {
    return `${this.prefix}key:${keyHash}`;
  }

  private classKey(classId: string): string {
    return `${this.prefix}c:${classId}`;
  }

  private traineeKey(classId: string, traineeId: string): string {
    return `${this.prefix}c:${classId}:t:${traineeId}`;
  }
}
