/**
 * The instructor's page state: creating the class, the instructor key kept in sessionStorage
 * (this tab only; a reload reconnects with it and gets the roster back), the live roster, the
 * class, the last fault report and errors. React reads `view` through `subscribe` /
 * `getSnapshot`; commands go straight to `client`.
 */
import {
  type ConnectionEvent,
  connectInstructor,
  createClass,
  type FaultReport,
  type InstructorClassView,
  type InstructorClient,
  type RosterEntry,
} from '@ft/classroom/client';
import * as v from 'valibot';

const KEY_STORAGE = 'ft-classroom:instructor';
const KeptSchema = v.object({ key: v.string(), code: v.string() });

export type InstructorPhase = 'create' | 'connecting' | 'ready';

export interface InstructorView {
  phase: InstructorPhase;
  classInfo: InstructorClassView | null;
  roster: RosterEntry[];
  connection: ConnectionEvent;
  /** The newest fault report (from this tab or another instructor tab). */
  lastReport: FaultReport | null;
  /** A problem to show at the top of the page. */
  error: string | null;
}

type Listener = () => void;

function kept(): { key: string; code: string } | null {
  try {
    const text = sessionStorage.getItem(KEY_STORAGE);
    if (!text) return null;
    const parsed = v.safeParse(KeptSchema, JSON.parse(text));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

export class InstructorSession {
  client: InstructorClient | null = null;
  private snapshot: InstructorView = {
    phase: 'create',
    classInfo: null,
    roster: [],
    connection: { connected: false },
    lastReport: null,
    error: null,
  };
  private readonly listeners = new Set<Listener>();
  private offs: (() => void)[] = [];

  constructor(private readonly url: string) {
    const k = kept();
    if (k) this.connect(k.key);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): InstructorView => this.snapshot;

  /** Creates a class and connects as its instructor. */
  async create(title: string): Promise<void> {
    this.set({ error: null });
    try {
      const created = await createClass(this.url, { title });
      try {
        sessionStorage.setItem(
          KEY_STORAGE,
          JSON.stringify({ key: created.instructorKey, code: created.code }),
        );
      } catch {
        this.set({
          error: 'This browser does not keep the instructor key: a reload will lose the class.',
        });
      }
      this.connect(created.instructorKey);
    } catch (error) {
      this.set({ error: `The class could not be created: ${(error as Error).message}` });
    }
  }

  /** Leaves the class on this tab (the class goes on; the key is forgotten here). */
  leave(): void {
    try {
      sessionStorage.removeItem(KEY_STORAGE);
    } catch {
      // Nothing kept.
    }
    this.close();
    this.set({ phase: 'create', classInfo: null, roster: [], lastReport: null });
  }

  dispose(): void {
    this.close();
  }

  /** Shows a problem from a command (the page's forms call this with what they caught). */
  fail(what: string, error: unknown): void {
    this.set({ error: `${what}: ${error instanceof Error ? error.message : String(error)}` });
  }

  clearError(): void {
    this.set({ error: null });
  }

  private connect(key: string): void {
    this.close();
    const client = connectInstructor({ url: this.url, instructorKey: key });
    this.client = client;
    this.set({ phase: 'connecting', error: null });
    this.offs = [
      client.on('welcome', (w) => this.set({ phase: 'ready', classInfo: w.class })),
      client.on('roster', (roster) => this.set({ roster })),
      client.on('classState', () => this.set({ classInfo: client.classInfo })),
      client.on('faultReport', (lastReport) => this.set({ lastReport })),
      client.on('connection', (connection) => this.set({ connection })),
      client.on('error', (e) => this.set({ error: `${e.event}: ${e.message}` })),
    ];
    client.ready.catch((error: Error & { code?: string }) => {
      // The class expired or the key is unknown here: start again.
      this.leave();
      this.set({
        error:
          error.code === 'unknown-class'
            ? 'The class this tab was running is gone (it ended and expired). Create a new one.'
            : `Could not reconnect to the class: ${error.message}`,
      });
    });
  }

  private close(): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.client?.close();
    this.client = null;
  }

  private set(patch: Partial<InstructorView>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
