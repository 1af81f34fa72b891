/**
 * The three twins of the comparison page and what the page knows about them: each mounted with
 * `createTwin` (its own worker, store and scene), a service tracker fed by its events, the times
 * faults were injected, the latest notable lines, and one speed kept for all three (a small
 * governor holds back whichever twin runs ahead, since each paces itself in its own worker).
 * No React here: the page's components read it and its one animation-frame loop draws it.
 */
import type { EngineEvent, FaultKind } from '@ft/engine';
import { ALTERNATIVES } from '@ft/engine/alternatives';
import { createTwin, type TwinHandle } from '@ft/twin';
import {
  ARCHS,
  type InjectionOutcome,
  injectAll,
  runYear,
  setSpeedAll,
  skipToNextEvent,
  type Twins,
  type YearOutcome,
  type YearProgress,
} from './drive.ts';
import { ARCHITECTURE_NAMES, type ComparisonSetup } from './setup.ts';
import { type Architecture, ServiceTracker } from './serviceTracker.ts';

/** Lines kept per twin for its ticker. */
const TICKER_LINES = 4;
/** How far (simulated ms per unit of speed) a twin may run ahead before it is held back. */
const AHEAD_PER_SPEED_MS = 1_000;
const AHEAD_MIN_MS = 2_000;

const NOTABLE = new Set<EngineEvent['kind']>(['state', 'system', 'alert', 'serviceCall', 'log']);

export class CompareSession {
  readonly handles: Record<Architecture, TwinHandle>;
  readonly trackers: Record<Architecture, ServiceTracker>;
  /** Simulated times of the faults injected into each twin. */
  readonly marks: Record<Architecture, number[]> = { ftserver: [], cluster: [], conventional: [] };
  /** Latest notable lines of each twin, newest last. */
  readonly tickers: Record<Architecture, EngineEvent[]> = {
    ftserver: [],
    cluster: [],
    conventional: [],
  };
  readonly names = ARCHITECTURE_NAMES;
  /** Bumped on every change a drawing should show (events, marks). */
  version = 0;
  /** The speed asked for (0: paused). */
  speed = 1;
  private readonly heldBack = new Set<Architecture>();
  private readonly offs: (() => void)[] = [];
  private disposed = false;

  constructor(
    readonly setup: ComparisonSetup,
    readonly seed: number,
    hosts: Record<Architecture, HTMLElement>,
    /** The speed the twins start at (0: paused, as a year run wants them). */
    initialSpeed = 1,
  ) {
    this.speed = initialSpeed;
    const handles = {} as Record<Architecture, TwinHandle>;
    const trackers = {} as Record<Architecture, ServiceTracker>;
    for (const arch of ARCHS) {
      trackers[arch] = new ServiceTracker({
        architecture: arch,
        services: setup.services[arch],
        recoveryMs: ALTERNATIVES.applicationRecoveryMs.value,
      });
      handles[arch] = createTwin(hosts[arch], {
        layout: 'embed',
        panels: [],
        interaction: 'view',
        label: `${ARCHITECTURE_NAMES[arch]} twin`,
        rack: setup.choices[arch],
        seed,
        autoRepair: true,
      });
      // The engine client applies the store's speed once the rack is loaded.
      handles[arch].instance.store.setState({ speed: initialSpeed });
      this.offs.push(handles[arch].api.on('event', (event) => this.onEvent(arch, event)));
    }
    this.handles = handles;
    this.trackers = trackers;
  }

  private onEvent(arch: Architecture, event: EngineEvent): void {
    if (this.trackers[arch].ingest(event)) this.version++;
    if (!NOTABLE.has(event.kind)) return;
    // Routine chatter (each part's ordinary state steps) would drown what matters.
    if ((event.kind === 'log' || event.kind === 'state') && event.severity === 'info') return;
    const lines = this.tickers[arch];
    lines.push(event);
    if (lines.length > TICKER_LINES) lines.shift();
    this.version++;
  }

  /** The twin APIs in the shape the drive functions take. */
  get twins(): Twins {
    return {
      ftserver: this.handles.ftserver.api,
      cluster: this.handles.cluster.api,
      conventional: this.handles.conventional.api,
    };
  }

  async ready(): Promise<void> {
    await Promise.all(ARCHS.map((a) => this.handles[a].api.ready()));
    // A rack of one machine: look at it; a cluster (nodes and array) is seen whole.
    for (const arch of ARCHS) {
      const systems = this.setup.racks[arch].systems;
      if (systems.length === 1)
        this.handles[arch].instance.ui.requestCamera('focus', systems[0].config.id);
    }
  }

  /** Simulated time of each twin now. */
  clock(arch: Architecture): number {
    return this.handles[arch].api.simTimeMs();
  }

  /** The time all three have reached (the slowest clock). */
  commonTimeMs(): number {
    return Math.min(...ARCHS.map((a) => this.clock(a)));
  }

  async setSpeed(speed: number): Promise<void> {
    this.speed = speed;
    this.heldBack.clear();
    await setSpeedAll(this.twins, speed);
  }

  /**
   * Keeps the clocks together: a twin ahead of the slowest by more than a margin pauses until
   * the others catch up. Called a few times a second by the page's loop.
   */
  governClocks(): void {
    if (this.speed === 0 || this.disposed) return;
    const slowest = this.commonTimeMs();
    const margin = Math.max(AHEAD_MIN_MS, this.speed * AHEAD_PER_SPEED_MS);
    for (const arch of ARCHS) {
      const ahead = this.clock(arch) - slowest;
      const api = this.handles[arch].api;
      if (ahead > margin && !this.heldBack.has(arch)) {
        this.heldBack.add(arch);
        void api.setSpeed(0);
      } else if (ahead <= margin / 4 && this.heldBack.has(arch)) {
        this.heldBack.delete(arch);
        void api.setSpeed(this.speed);
      }
    }
  }

  /** One click: the fault into all three, each onto the part it has. */
  async inject(partId: string, fault: FaultKind): Promise<InjectionOutcome[]> {
    const results = await injectAll(this.setup, this.twins, partId, fault);
    for (const r of results) if (r.ok) this.marks[r.architecture].push(this.clock(r.architecture));
    this.version++;
    return results;
  }

  /** Skips quiet time to the next event; the twins stay paused there. */
  async skip(): Promise<number> {
    this.speed = 0;
    this.heldBack.clear();
    const t = await skipToNextEvent(this.twins);
    this.version++;
    return t;
  }

  /** A year (or `durationMs`) of the seed's fault schedule on the three, by time warp. */
  async runYear(
    durationMs: number,
    signal: AbortSignal,
    onProgress: (p: YearProgress) => void,
  ): Promise<YearOutcome> {
    this.speed = 0;
    this.heldBack.clear();
    return runYear(this.setup, this.twins, {
      seed: this.seed,
      durationMs,
      signal,
      onProgress,
      onInjected: (_fault, results) => {
        for (const r of results)
          if (r.ok) this.marks[r.architecture].push(this.clock(r.architecture));
        this.version++;
      },
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const off of this.offs) off();
    for (const arch of ARCHS) this.handles[arch].dispose();
  }
}
