/**
 * The instructor's read-only view of one trainee's twin: a twin on the instructor's page (embed
 * layout, interaction 'view') replaying that trainee's session log as it grows. The engine is
 * deterministic, so replaying the same rack, seed and timed commands gives the trainee's states.
 * Between commands the mirror advances to the simulated time the trainee last reported (their
 * progress heartbeat, every 2 s), never past it, so a command never arrives in its past.
 */
import type { InstructorClient, SessionView, TraineeWatch } from '@ft/classroom/client';
import type { TwinHandle } from '@ft/twin';
import { SessionFollower } from '../session/follower.ts';
import { mountPausedTwin, rackChoice, twinTarget } from '../shared/twin.ts';

export interface MirrorStatus {
  state: 'loading' | 'no-session' | 'following' | 'stopped' | 'failed';
  /** Commands replayed so far. */
  commands: number;
  /** Simulated time the mirror has reached. */
  simTimeMs: number;
  /** Commands that arrived after the mirror had passed their time (the mirror is approximate). */
  late: number;
  error?: string;
}

export class TraineeMirror {
  twin: TwinHandle | null = null;
  private watch: TraineeWatch | null = null;
  private follower: SessionFollower | null = null;
  private headerKey: string | null = null;
  private latest: SessionView | null = null;
  private targetMs = 0;
  private stopped = false;
  private twinOff: (() => void) | null = null;
  private building: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: InstructorClient,
    readonly traineeId: string,
    private readonly host: HTMLElement,
    private readonly onStatus: (status: MirrorStatus) => void,
    private readonly onTwin: (twin: TwinHandle | null) => void = () => {},
  ) {}

  async start(): Promise<void> {
    this.onStatus({ state: 'loading', commands: 0, simTimeMs: 0, late: 0 });
    try {
      this.watch = await this.client.watchTrainee(this.traineeId, (view) => this.onView(view));
      if (this.stopped) {
        void this.watch.stop().catch(() => {});
        return;
      }
      this.onView(this.watch.session);
    } catch (error) {
      this.onStatus({
        state: 'failed',
        commands: 0,
        simTimeMs: 0,
        late: 0,
        error: (error as Error).message,
      });
    }
  }

  /** The simulated time the trainee reported (from the roster) for the session of `lessonId`. */
  setTargetMs(lessonId: string | null, simTimeMs: number | undefined): void {
    const header = this.latest?.header;
    if (!header || header.lessonId !== lessonId) return;
    if (simTimeMs === undefined || simTimeMs <= this.targetMs) return;
    this.targetMs = simTimeMs;
    this.pump();
  }

  stop(): void {
    this.stopped = true;
    this.twinOff?.();
    this.follower?.stop();
    void this.watch?.stop().catch(() => {});
    this.twin?.dispose();
    this.twin = null;
    this.onTwin(null);
  }

  private onView(view: SessionView): void {
    if (this.stopped) return;
    this.latest = view;
    if (!view.header) {
      this.reset();
      this.onStatus({ state: 'no-session', commands: 0, simTimeMs: 0, late: 0 });
      return;
    }
    const key = JSON.stringify(view.header);
    if (key !== this.headerKey) {
      // A new session (a lesson assigned or restarted): a fresh twin for it.
      this.reset();
      this.headerKey = key;
      this.targetMs = 0;
      const header = view.header;
      this.building = this.building.then(async () => {
        if (this.stopped || this.headerKey !== key) return;
        const twin = mountPausedTwin(this.host, {
          layout: 'embed',
          interaction: 'view',
          panels: ['console', 'status'],
          rack: rackChoice(header.rack),
          seed: header.seed,
          label: 'The trainee’s twin (read-only mirror)',
        });
        this.twin = twin;
        hideTimeControls(this.host);
        this.onTwin(twin);
        await twin.api.ready();
        if (this.stopped || this.headerKey !== key) return;
        const follower = new SessionFollower(twinTarget(twin));
        this.follower = follower;
        // The mirror's time is the trainee's: if anything runs it, stop it and take its clock.
        this.twinOff = twin.instance.store.subscribe((state, previous) => {
          if (state.speed === 0 || state.speed === previous.speed) return;
          void twin.instance.engine.setSpeed(0).then(() => follower.resync());
        });
        this.pump();
      });
      return;
    }
    this.pump();
  }

  private pump(): void {
    const follower = this.follower;
    const view = this.latest;
    if (!follower || !view || this.stopped) return;
    void follower
      .follow(view.entries, 0, this.targetMs)
      .then(() => {
        if (this.follower !== follower || this.stopped) return;
        this.onStatus({
          state: 'following',
          commands: follower.applied,
          simTimeMs: follower.timeMs,
          late: follower.late,
        });
      })
      .catch((error: Error) => {
        this.onStatus({
          state: 'failed',
          commands: follower.applied,
          simTimeMs: follower.timeMs,
          late: follower.late,
          error: error.message,
        });
      });
  }

  private reset(): void {
    this.twinOff?.();
    this.twinOff = null;
    this.follower?.stop();
    this.follower = null;
    this.headerKey = null;
    this.twin?.dispose();
    this.twin = null;
    this.onTwin(null);
  }
}

/**
 * The embed layout's play/pause button would let the mirror run on its own, away from the
 * trainee's clock: hidden with a sheet adopted into the twin's (open) shadow root. The guard in
 * `onView` covers a twin that gets the button some other way.
 */
function hideTimeControls(host: HTMLElement): void {
  const shadow = host.shadowRoot;
  if (!shadow || typeof CSSStyleSheet !== 'function') return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('[data-testid="embed.playpause"] { display: none !important; }');
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
}
