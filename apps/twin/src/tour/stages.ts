/**
 * The tour's two stages, behind the player's StageProvider: the ftServer twin alone (mounted
 * here with createTwin into a host element, its status, lockstep and log panels beside it), and
 * the comparison's three twins (rendered by the page, which hands the session back). Each stage
 * finds the elements its highlights name.
 */
import { createTwin, type TwinHandle } from '@ft/twin';
import type { CompareSession } from '../compare/session.ts';
import { type CaptionSink, CompareTourDriver, type TourDriver, TwinTourDriver } from './drivers.ts';
import type { PauseGate } from './pauseGate.ts';
import type { StageProvider } from './player.ts';
import type { Stage, Tour } from './tourSchema.ts';

export interface StageHost {
  /** Where the ftServer twin is mounted. */
  twinHost: HTMLElement;
  /** The caption bar (a highlight area on both stages). */
  caption: HTMLElement;
  /** Shows a stage; resolves with the comparison session once its three twins are mounted. */
  show(stage: Stage): Promise<CompareSession | null>;
}

const TWIN_AREAS: Record<string, string> = {
  scene: '.embed-stage',
  status: '[data-testid="status"]',
  lockstep: '[data-testid="lockstep"]',
  log: '[data-testid="event-log"]',
};

const COMPARE_AREAS: Record<string, string> = {
  cards: '.cmp-grid',
  ftserver: '[data-testid="compare.card.ftserver"]',
  cluster: '[data-testid="compare.card.cluster"]',
  conventional: '[data-testid="compare.card.conventional"]',
};

export class TourStages implements StageProvider {
  private twin: TwinHandle | null = null;
  private session: CompareSession | null = null;
  private stage: Stage | null = null;

  constructor(
    private readonly tour: Tour,
    private readonly host: StageHost,
    private readonly gate: PauseGate,
    private readonly pace: number,
    private readonly sink: CaptionSink,
  ) {}

  /** The ftServer twin of the tour (tests and scripts reach it as `window.ftTwin`). */
  get twinHandle(): TwinHandle | null {
    return this.twin;
  }

  async enter(stage: Stage, fresh: boolean, signal: AbortSignal): Promise<TourDriver> {
    if (stage === 'ftserver') {
      this.session = null;
      await this.host.show('ftserver');
      if (fresh || !this.twin) {
        this.twin?.dispose();
        this.twin = createTwin(this.host.twinHost, {
          layout: 'embed',
          panels: ['status', 'lockstep', 'log'],
          interaction: 'view',
          label: 'ftServer twin of the tour',
          rack: this.tour.rack,
          seed: this.tour.seed,
        });
        window.ftTwin = this.twin.api;
      }
      await Promise.race([this.twin.api.ready(), aborted(signal)]);
      this.stage = 'ftserver';
      return new TwinTourDriver(this.twin.instance, this.gate, this.pace, this.sink);
    }
    // The comparison brings its own three twins; the tour's single twin is not needed there.
    this.twin?.dispose();
    this.twin = null;
    const session = await this.host.show('compare');
    if (!session) throw new Error('the comparison stage did not start');
    await Promise.race([session.ready(), aborted(signal)]);
    this.session = session;
    this.stage = 'compare';
    return new CompareTourDriver(session, this.gate, this.pace, this.sink);
  }

  /** The element a highlight names on the stage showing now, or null. */
  find(area: string): Element | null {
    if (area === 'caption') return this.host.caption;
    if (this.stage === 'ftserver') {
      const selector = TWIN_AREAS[area];
      return selector ? (this.twin ? queryShadow(this.host.twinHost, selector) : null) : null;
    }
    const selector = COMPARE_AREAS[area];
    return selector && this.session ? document.querySelector(selector) : null;
  }

  dispose(): void {
    this.twin?.dispose();
    this.twin = null;
    if (window.ftTwin) delete window.ftTwin;
  }
}

function queryShadow(host: HTMLElement, selector: string): Element | null {
  return host.shadowRoot?.querySelector(selector) ?? null;
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
