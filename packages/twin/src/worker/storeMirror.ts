/**
 * The engine's news into the twin's store: drained events into the log (toasts, listeners on
 * the bus), and the records an event says changed (components, counters, systems, service calls,
 * dumps) read again from the worker. The store changes only on news, so React re-renders only
 * then. One worker at a time is the source; answers from a replaced worker are ignored.
 */
import type { EngineEvent, WorkerApi, WorkerJob } from '@ft/engine';
import { appendEvents } from '../model/events.ts';
import type { TwinStore, TwinUi } from '../state/store.ts';
import type { CallOutcome, CallWorker } from './calls.ts';
import type { ClientEvents, EngineSnapshotRecords } from './clientEvents.ts';
import type { Emitter } from './emitter.ts';
import type { Journal } from './journal.ts';
import { mergeComponents } from './mergeComponents.ts';

/** The worker calls the mirror makes. */
export type MirroredApi = Pick<
  WorkerApi,
  'drainBatch' | 'components' | 'counters' | 'systems' | 'serviceCalls' | 'dumps'
>;

export class StoreMirror {
  private source: { api: MirroredApi; current: () => boolean } | null = null;

  constructor(
    private readonly store: TwinStore,
    private readonly ui: TwinUi,
    private readonly bus: Emitter<ClientEvents>,
    private readonly journal: Journal,
    private readonly call: CallWorker,
  ) {}

  /** From now on the records come from `api`, as long as `current()` says it is the one. */
  attach(api: MirroredApi, current: () => boolean): void {
    this.source = { api, current };
  }

  detach(): void {
    this.source = null;
  }

  /** The worker's new events and time; a divergence hold stops the store's clock too. */
  async poll(): Promise<void> {
    const source = this.source;
    if (!source) return;
    const outcome = await this.call('drainEvents', source.api.drainBatch());
    if (outcome.kind !== 'answered' || !source.current()) return;
    const { events, timeMs, hold } = outcome.value;
    this.receive(events, timeMs);
    if (hold) {
      this.store.setState({ speed: 0, voterHold: hold });
      this.bus.emit('hold', hold);
    }
  }

  /** The worker's long job and its progress (from heartbeats); the store changes on news only. */
  job(job: WorkerJob | null): void {
    const before = this.store.getState().job;
    const same =
      before === job ||
      (before !== null && job !== null && before.doneMs === job.doneMs && before.kind === job.kind);
    if (same) return;
    this.store.setState({ job });
    this.bus.emit('progress', job);
  }

  /** Engine events into the log and to listeners; the journal learns how far the log goes. */
  receive(batch: EngineEvent[], timeMs: number): void {
    this.journal.drained(batch, timeMs);
    if (batch.length === 0) return;
    this.store.setState((s) => ({ events: appendEvents(s.events, batch) }));
    let components = false;
    let counters = false;
    for (const event of batch) {
      this.bus.emit('event', event);
      if (event.kind === 'alert' && event.notify) {
        this.ui.pushToast({ systemId: event.systemId, text: event.message, timeMs: event.timeMs });
      }
      if (event.kind === 'state') {
        components = true;
        this.bus.emit('state', event);
      } else if (event.kind === 'system') {
        counters = true;
        this.bus.emit('system', event);
      } else if (event.kind !== 'log' && event.kind !== 'vote') components = true;
    }
    if (components || counters) void this.refresh({ components, counters });
  }

  /** Every component's state again, then the per-system records. */
  components(): Promise<void> {
    return this.refresh({ components: true });
  }

  /** Every system's counters again, then the per-system records. */
  counters(): Promise<void> {
    return this.refresh({ counters: true });
  }

  /**
   * Reads again what changed (components, counters or both, in parallel), then the per-system
   * records once.
   */
  async refresh(what: { components?: boolean; counters?: boolean }): Promise<void> {
    const source = this.source;
    if (!source) return;
    const { api, current } = source;
    await Promise.all([
      what.components &&
        this.call('components', api.components()).then((list) => {
          if (list.kind !== 'answered' || !current()) return;
          this.store.setState((s) => ({ components: mergeComponents(s.components, list.value) }));
        }),
      what.counters &&
        this.call('counters', api.counters()).then((counters) => {
          if (counters.kind === 'answered' && current()) {
            this.store.setState({ counters: counters.value });
          }
        }),
    ]);
    await this.systems(source);
  }

  /** Per-system info (versions, Active Upgrade, gateway, SAM), service calls and dumps. */
  private async systems(source: NonNullable<StoreMirror['source']>): Promise<void> {
    const { api } = source;
    const [systems, serviceCalls, dumps] = await Promise.all([
      this.call('systems', api.systems()),
      this.call('serviceCalls', api.serviceCalls()),
      this.call('dumps', api.dumps()),
    ]);
    if (!source.current()) return;
    const now = this.store.getState();
    const changed: Partial<typeof now> = {};
    const news = <T>(
      outcome: CallOutcome<T>,
      before: unknown,
    ): outcome is { kind: 'answered'; value: T } =>
      outcome.kind === 'answered' && JSON.stringify(outcome.value) !== JSON.stringify(before);
    if (news(systems, now.systems)) changed.systems = systems.value;
    if (news(serviceCalls, now.serviceCalls)) changed.serviceCalls = serviceCalls.value;
    if (news(dumps, now.dumps)) changed.dumps = dumps.value;
    if (Object.keys(changed).length > 0) this.store.setState(changed);
  }

  /**
   * The engine's plain records now, in one round trip's worth of calls (what scenario and lesson
   * checks are evaluated over), or null when the worker could not answer them all.
   */
  async records(timeMs: () => number): Promise<EngineSnapshotRecords | null> {
    const source = this.source;
    if (!source) return null;
    const { api } = source;
    const [components, counters, systems, serviceCalls, dumps] = await Promise.all([
      this.call('components', api.components()),
      this.call('counters', api.counters()),
      this.call('systems', api.systems()),
      this.call('serviceCalls', api.serviceCalls()),
      this.call('dumps', api.dumps()),
    ]);
    if (
      components.kind !== 'answered' ||
      counters.kind !== 'answered' ||
      systems.kind !== 'answered' ||
      serviceCalls.kind !== 'answered' ||
      dumps.kind !== 'answered'
    ) {
      return null;
    }
    return {
      timeMs: timeMs(),
      components: components.value,
      counters: counters.value,
      systems: systems.value,
      serviceCalls: serviceCalls.value,
      dumps: dumps.value,
    };
  }
}
