/**
 * The instructor's client: connects with the instructor key, keeps the live roster (welcome,
 * then joins and patches), and turns every instructor command into a promise of its reply. A
 * page draws `roster()` on each `roster` event; a reload reconnects with the same key and gets
 * the roster back.
 */
import type {
  Assignment,
  ClassroomErrorEvent,
  ClassState,
  CreatedClass,
  FaultKindName,
  FaultReport,
  InstructorClassView,
  InstructorWelcome,
  RosterEntry,
  SessionView,
  Target,
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

export interface InstructorConnectOptions extends ConnectOptions {
  instructorKey: string;
  /** Roster changes are gathered into one `roster` event at most this often. Default 50 ms. */
  rosterIntervalMs?: number;
}

export interface InstructorEvents {
  welcome: InstructorWelcome;
  /** The whole roster, in join order, after changes (gathered, see rosterIntervalMs). */
  roster: RosterEntry[];
  classState: { state: ClassState; atMs: number };
  faultReport: FaultReport;
  error: ClassroomErrorEvent;
  connection: ConnectionEvent;
}

/** A trainee's session as the instructor watches it; `stop()` ends the mirroring. */
export interface TraineeWatch {
  session: SessionView;
  stop(): Promise<void>;
}

/**
 * Creates a class over HTTP; the answer holds the instructor key (keep it private) and the
 * join code and link for trainees.
 *
 * @example
 * const created = await createClass('http://127.0.0.1:4180', { title: 'Monday 9:00' });
 * const instructor = connectInstructor({ url, instructorKey: created.instructorKey });
 */
export async function createClass(
  url: string,
  body: { title?: string } = {},
): Promise<CreatedClass> {
  const res = await fetch(new URL('/api/classes', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as
    | CreatedClass
    | { error?: { code?: string; message?: string } }
    | null;
  if (res.status !== 201 || !json || 'error' in json) {
    const error = json && 'error' in json ? json.error : undefined;
    throw new ClassroomError(error?.code ?? 'internal', error?.message ?? `HTTP ${res.status}`);
  }
  return json as CreatedClass;
}

export class InstructorClient extends Emitter<InstructorEvents> {
  readonly socket: ClassroomClientSocket;
  /** Resolves with the first welcome; rejects when the server refuses the key. */
  readonly ready: Promise<InstructorWelcome>;
  classInfo: InstructorClassView | null = null;
  private readonly entries = new Map<string, RosterEntry>();
  private readonly watches = new Map<
    string,
    { view: SessionView; onChange: (v: SessionView) => void }
  >();
  private readonly timeoutMs: number;
  private readonly rosterIntervalMs: number;
  private rosterTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: InstructorConnectOptions) {
    super();
    this.timeoutMs = options.requestTimeoutMs ?? 10_000;
    this.rosterIntervalMs = options.rosterIntervalMs ?? 50;
    this.socket = openSocket(options, () => ({ role: 'instructor', key: options.instructorKey }));
    const s = this.socket;
    this.ready = new Promise((resolve, reject) => {
      s.once('instructor:welcome', resolve);
      s.on('connect_error', (error) => {
        const code = refusalCode(s, error);
        this.emit('connection', { connected: false, reason: error.message });
        if (code) reject(new ClassroomError(code, error.message));
      });
    });
    this.ready.catch(() => {}); // the page may never await it
    s.on('connect', () => this.emit('connection', { connected: true, recovered: s.recovered }));
    s.on('disconnect', (reason) => this.emit('connection', { connected: false, reason }));
    s.on('instructor:welcome', (welcome) => {
      this.classInfo = welcome.class;
      this.entries.clear();
      for (const e of welcome.roster) this.entries.set(e.traineeId, e);
      this.emit('welcome', welcome);
      this.emitRoster();
      // Watches survive a reconnection: the server forgot them with the old socket.
      for (const traineeId of this.watches.keys()) void this.rewatch(traineeId);
    });
    s.on('roster:joined', (entry) => {
      this.entries.set(entry.traineeId, entry);
      this.scheduleRoster();
    });
    s.on('roster:update', (updates) => {
      for (const { traineeId, patch } of updates) {
        const entry = this.entries.get(traineeId);
        if (entry) this.entries.set(traineeId, { ...entry, ...patch });
      }
      this.scheduleRoster();
    });
    s.on('classState', (change) => {
      if (this.classInfo) this.classInfo = { ...this.classInfo, state: change.state };
      this.emit('classState', change);
    });
    s.on('faultReport', (report) => this.emit('faultReport', report));
    s.on('error', (error) => this.emit('error', error));
    s.on('session:start', ({ traineeId, header }) => {
      const watch = this.watches.get(traineeId);
      if (!watch) return;
      watch.view = { traineeId, header, entries: [] };
      watch.onChange(watch.view);
    });
    s.on('session:append', ({ traineeId, entries }) => {
      const watch = this.watches.get(traineeId);
      if (!watch) return;
      const log = watch.view.entries;
      if (entries.some((e) => e.seq > log.length)) {
        // A gap (relays missed while reconnecting): take the whole log again.
        void this.rewatch(traineeId);
        return;
      }
      for (const e of entries) if (e.seq === log.length) log.push(e); // seen seqs are skipped
      watch.onChange(watch.view);
    });
  }

  /** The roster in join order. */
  roster(): RosterEntry[] {
    return [...this.entries.values()];
  }

  /** Gives everyone (default) or the target a lesson or drill with its seed. */
  assignLesson(assignment: Assignment, target?: Target) {
    return request(this.socket, 'assignLesson', { assignment, target }, this.timeoutMs);
  }

  setClassState(state: 'running' | 'paused' | 'ended') {
    return request(this.socket, 'setClassState', { state }, this.timeoutMs);
  }

  /** Resolves once every targeted trainee acknowledged, or at the server's ack timeout. */
  injectFault(fault: { target: Target; component: string; fault: FaultKindName }) {
    return request(this.socket, 'injectFault', fault, this.timeoutMs);
  }

  broadcast(text: string, target?: Target) {
    return request(this.socket, 'broadcast', { text, target }, this.timeoutMs);
  }

  setGroup(traineeIds: string[], group: string | null) {
    return request(this.socket, 'setGroup', { traineeIds, group }, this.timeoutMs);
  }

  /**
   * Mirrors one trainee's session: the log so far, then every new command as it comes
   * (`onChange` gets the whole view each time; replay it into a read-only twin).
   *
   * @example
   * const watch = await instructor.watchTrainee(id, (view) => twin.replay(view.header, view.entries));
   * await watch.stop();
   */
  async watchTrainee(
    traineeId: string,
    onChange: (view: SessionView) => void,
  ): Promise<TraineeWatch> {
    const session = await request(this.socket, 'watchTrainee', { traineeId }, this.timeoutMs);
    const watch = { view: session, onChange };
    this.watches.set(traineeId, watch);
    return {
      session,
      stop: async () => {
        this.watches.delete(traineeId);
        await request(this.socket, 'unwatchTrainee', { traineeId }, this.timeoutMs);
      },
    };
  }

  /** The roster as the server has it (the live one is `roster()`). */
  async refreshRoster(): Promise<RosterEntry[]> {
    const { roster } = await request(this.socket, 'getRoster', {}, this.timeoutMs);
    this.entries.clear();
    for (const e of roster) this.entries.set(e.traineeId, e);
    this.emitRoster();
    return roster;
  }

  /** The end-of-class report, as JSON and as CSV text. */
  report() {
    return request(this.socket, 'getReport', {}, this.timeoutMs);
  }

  close(): void {
    if (this.rosterTimer) clearTimeout(this.rosterTimer);
    this.socket.disconnect();
  }

  private emitRoster(): void {
    if (this.rosterTimer) clearTimeout(this.rosterTimer);
    this.rosterTimer = null;
    this.emit('roster', this.roster());
  }

  /** Joins and patches come in bursts (a fault to 200 trainees): one `roster` event per interval. */
  private scheduleRoster(): void {
    this.rosterTimer ??= setTimeout(() => this.emitRoster(), this.rosterIntervalMs);
  }

  private async rewatch(traineeId: string): Promise<void> {
    try {
      const session = await request(this.socket, 'watchTrainee', { traineeId }, this.timeoutMs);
      const watch = this.watches.get(traineeId);
      if (!watch) return;
      watch.view = session;
      watch.onChange(session);
    } catch (error) {
      const e = error as ClassroomError;
      this.emit('error', { event: 'watchTrainee', code: 'internal', message: e.message });
    }
  }
}

/**
 * @example
 * const instructor = connectInstructor({ url: location.origin, instructorKey });
 * instructor.on('roster', (roster) => render(roster));
 * await instructor.ready;
 * const report = await instructor.injectFault({ target: { to: 'all' }, component: 'A.cpu-1', fault: 'stuck-at' });
 */
export function connectInstructor(options: InstructorConnectOptions): InstructorClient {
  return new InstructorClient(options);
}
