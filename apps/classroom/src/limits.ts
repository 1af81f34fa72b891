/**
 * Every limit of the classroom server in one place: sizes, rates, caps and timeouts. The server
 * takes a partial override (tests shorten timeouts); the defaults are sized for a class of a few
 * hundred trainees on one small machine.
 */
export interface ClassroomLimits {
  /** Largest Socket.IO packet accepted (engine.io closes the connection above it). */
  maxPacketBytes: number;
  /** Largest JSON body of an HTTP request (class creation). */
  maxHttpBodyBytes: number;
  /** Trainees per class. */
  maxTraineesPerClass: number;
  /** Entries kept per trainee session log; more is refused with `session-log-full`. */
  maxSessionEntries: number;
  /** Entries in one `sessionCommands` batch. */
  maxSessionBatch: number;
  /** Passed-step and mistake records kept per trainee. */
  maxHistoryRecords: number;
  /** Broadcast messages kept per class for trainees who reload. */
  maxKeptMessages: number;
  /** Messages a socket may send per second, sustained (token bucket refill). */
  socketMessagesPerS: number;
  /** Messages a socket may send in one burst (token bucket size). */
  socketBurst: number;
  /** Refused messages after which an abusive socket is disconnected. */
  socketMaxRefusals: number;
  /** Classes one address may create per minute (per server process). */
  createClassPerMinutePerIp: number;
  /** Failed joins (unknown code or token) one address may make per minute (per process). */
  failedJoinsPerMinutePerIp: number;
  /** How long a class (and its join code) lives after creation. */
  classTtlMs: number;
  /** How long a trainee waits to acknowledge an injected fault before it counts as lost. */
  faultAckTimeoutMs: number;
  /** How long Socket.IO keeps a dropped connection's state for recovery. */
  recoveryWindowMs: number;
}

export const DEFAULT_LIMITS: Readonly<ClassroomLimits> = Object.freeze({
  maxPacketBytes: 64 * 1024,
  maxHttpBodyBytes: 4 * 1024,
  maxTraineesPerClass: 500,
  maxSessionEntries: 5_000,
  maxSessionBatch: 100,
  maxHistoryRecords: 200,
  maxKeptMessages: 20,
  socketMessagesPerS: 20,
  socketBurst: 60,
  socketMaxRefusals: 200,
  createClassPerMinutePerIp: 20,
  failedJoinsPerMinutePerIp: 30,
  classTtlMs: 12 * 60 * 60 * 1000,
  faultAckTimeoutMs: 5_000,
  recoveryWindowMs: 2 * 60 * 1000,
});
