/**
 * The trainee's client: joins with the code and a name, keeps its token (localStorage in a
 * browser) to come back as the same trainee after a reload, applies injected faults through a
 * callback the page provides (the page calls its twin's normal command path) and acknowledges
 * them, and sends small progress events and its session log.
 */
import type {
  Assignment,
  ClassMessage,
  ClassroomErrorEvent,
  ClassState,
  FaultDelivery,
  ProgressInput,
  SessionEntry,
  SessionHeader,
  TraineeWelcome,
} from '../protocol.ts';
import {
  type ClassroomClientSocket,
  ClassroomError,
  type ConnectionEvent,
  type ConnectOptions,
  openSocket,
  refusalCode,
  request,
} from './connection.ts';
import { Emitter } from './emitter.ts';

export interface TraineeEvents {
  /** On every full (re)connection: the state to draw and to resume the twin from. */
  welcome: TraineeWelcome;
  assignment: Assignment | null;
  classState: { state: ClassState; atMs: number };
  message: ClassMessage;
  error: ClassroomErrorEvent;
  connection: ConnectionEvent;
}

/** What the page's fault callback answers: whether its engine applied the fault, and why not. */
export interface FaultOutcome {
  applied: boolean;
  error?: string;
}

/** Where the trainee token is kept between page loads. */
export interface TokenStore {
  get(code: string): string | null;
  set(code: string, token: string): void;
}

/** localStorage when the page has it, else memory (Node, private windows). */
export function defaultTokenStore(): TokenStore {
  const storage = (globalThis as { localStorage?: Storage }).localStorage;
  const memory = new Map<string, string>();
  const key = (code: string) => `ft-classroom:token:${code.toUpperCase()}`;
  return {
    get: (code) => {
      try {
        return storage ? storage.getItem(key(code)) : (memory.get(code) ?? null);
      } catch {
        return memory.get(code) ?? null;
      }
    },
    set: (code, token) => {
      memory.set(code, token);
      try {
        storage?.setItem(key(code), token);
      } catch {
        // Storage full or blocked: the memory copy still resumes within this page.
      }
    },
  };
}

export interface TraineeConnectOptions extends ConnectOptions {
  code: string;
  /** Needed on the first join; with a kept token it may be left out. */
  name?: string;
  /** Applies a fault to the page's twin; its answer is acknowledged to the instructor. */
  onFault: (delivery: FaultDelivery) => FaultOutcome | Promise<FaultOutcome>;
  tokenStore?: TokenStore;
  /** Session commands are sent in batches at most this often. Default 100 ms. */
  logFlushMs?: number;
}

const LOG_BATCH = 50;

export class TraineeClient extends Emitter<TraineeEvents> {
  readonly socket: ClassroomClientSocket;
  /** Resolves with the first welcome; rejects on a final refusal (bad code, class ended...). */
  readonly ready: Promise<TraineeWelcome>;
  welcome: TraineeWelcome | null = null;
  private readonly timeoutMs: number;
  private pendingLog: SessionEntry[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly options: TraineeConnectOptions) {
    super();
    this.timeoutMs = options.requestTimeoutMs ?? 10_000;
    const tokens = options.tokenStore ?? defaultTokenStore();
    const code = options.code.trim().toUpperCase();
    this.socket = openSocket(options, () => {
      const token = tokens.get(code);
      return {
        role: 'trainee',
        code,
        ...(options.name !== undefined ? { name: options.name } : {}),
        ...(token ? { token } : {}),
      };
    });
    const s = this.socket;
    this.ready = new Promise((resolve, reject) => {
      s.once('trainee:welcome', resolve);
      s.on('connect_error', (error) => {
        const refusal = refusalCode(s, error);
        this.emit('connection', { connected: false, reason: error.message });
        if (refusal) reject(new ClassroomError(refusal, error.message));
      });
    });
    this.ready.catch(() => {});
    s.on('connect', () => this.emit('connection', { connected: true, recovered: s.recovered }));
    s.on('disconnect', (reason) => this.emit('connection', { connected: false, reason }));
    s.on('trainee:welcome', (welcome) => {
      if (welcome.token) tokens.set(code, welcome.token);
      this.welcome = { ...welcome, token: undefined };
      this.emit('welcome', this.welcome);
    });
    s.on('assignment', ({ assignment }) => this.emit('assignment', assignment));
    s.on('classState', (change) => this.emit('classState', change));
    s.on('message', (message) => this.emit('message', message));
    s.on('error', (error) => this.emit('error', error));
    s.on('fault', (delivery, ack) => {
      void this.applyFault(delivery).then(ack);
    });
  }

  /** The trainee's id (after the welcome). */
  get traineeId(): string | null {
    return this.welcome?.trainee.traineeId ?? null;
  }

  /**
   * Sends progress: the counters now, plus `stepPassed` / `mistake` when one just happened.
   *
   * @example
   * await trainee.reportProgress({ lessonId: 'tmr-vote', stepIndex: 2, stepsTotal: 5, score: 20,
   *   maxScore: 50, mistakes: 0, systemStatus: 'duplex', elapsedMs: 61_000, finished: false,
   *   stepPassed: { index: 1, atMs: 61_000, points: 10 } });
   */
  async reportProgress(progress: ProgressInput): Promise<void> {
    await request(this.socket, 'progress', progress, this.timeoutMs);
  }

  /** Starts a new session log (a lesson (re)started): seed + rack. */
  async startSession(header: SessionHeader): Promise<void> {
    await this.flush();
    this.pendingLog = [];
    await request(this.socket, 'sessionStart', header, this.timeoutMs);
  }

  /** Records one engine command of the session; sent in batches. */
  logCommand(entry: SessionEntry): void {
    this.pendingLog.push(entry);
    if (this.pendingLog.length >= LOG_BATCH) void this.flush();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(), this.options.logFlushMs ?? 100);
    }
  }

  /** Sends the commands logged so far; resolves when the server has them. */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const batch = this.pendingLog.splice(0, this.pendingLog.length);
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing
      .then(async () => {
        for (let i = 0; i < batch.length; i += LOG_BATCH) {
          const entries = batch.slice(i, i + LOG_BATCH);
          await request(this.socket, 'sessionCommands', { entries }, this.timeoutMs);
        }
      })
      .catch((error: ClassroomError) => {
        this.emit('error', { event: 'sessionCommands', code: 'internal', message: error.message });
      });
    return this.flushing;
  }

  close(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.socket.disconnect();
  }

  private async applyFault(delivery: FaultDelivery) {
    const welcome = await this.ready;
    let outcome: FaultOutcome;
    try {
      outcome = await this.options.onFault(delivery);
    } catch (error) {
      outcome = { applied: false, error: error instanceof Error ? error.message : String(error) };
    }
    return {
      traineeId: welcome.trainee.traineeId,
      faultId: delivery.faultId,
      applied: outcome.applied === true,
      ...(outcome.error !== undefined ? { error: String(outcome.error).slice(0, 200) } : {}),
    };
  }
}

/**
 * @example
 * const trainee = connectTrainee({ url: location.origin, code: 'K7QH3M', name: 'Ada',
 *   onFault: ({ command }) => twin.command(command) });
 * const welcome = await trainee.ready; // resume from welcome.session when welcome.resumed
 */
export function connectTrainee(options: TraineeConnectOptions): TraineeClient {
  return new TraineeClient(options);
}
