/**
 * The comparison page (`?demo=compare`): the ftServer, its failover-cluster equivalent and its
 * conventional-server equivalent side by side, each a twin from the same component; one fault
 * picker, one speed control, "skip to the next event" and a year-long run drive all three; the
 * Monte Carlo analytics below. React renders only on discrete changes (a click, a run's step);
 * the live figures and strips are drawn by `liveLoop.ts`.
 */
import type { FaultKind } from '@ft/engine';
import { useEffect, useMemo, useRef, useState } from 'react';
import { AnalyticsPanel } from './analytics/AnalyticsPanel.tsx';
import { ARCHS, type InjectionOutcome, type YearProgress } from './drive.ts';
import { cardFigures } from './figures.ts';
import { DriveBar } from './DriveBar.tsx';
import { FaultPicker } from './FaultPicker.tsx';
import { type CardElements, startLiveLoop } from './liveLoop.ts';
import { Notes } from './Notes.tsx';
import { outcomes, pickableParts } from './outcomes.ts';
import type { CompareParams } from './params.ts';
import { CompareSession } from './session.ts';
import { ARCHITECTURE_NAMES, comparisonSetup } from './setup.ts';
import type { Architecture } from './serviceTracker.ts';
import { TwinCard } from './TwinCard.tsx';
import { type YearResult, YearPanel } from './YearPanel.tsx';

const YEAR_MS = 365 * 86_400_000;
/** The engine client drains events every 100 ms: three polls and the last ones are in. */
const EVENT_SETTLE_MS = 350;

const BLURBS: Record<Architecture, string> = {
  ftserver: 'Lockstep CPU-memory units, duplicated I/O, mirrored disks: one OS, faults masked.',
  cluster: 'Two conventional nodes and a shared disk array: the application fails over.',
  conventional: 'One CPU-memory unit, one I/O board, RAID 1 disks: down until repaired.',
};

const SINGLE_DISKS_BLURB =
  'One CPU-memory unit, one I/O board, single disks (no RAID): down until repaired.';

export interface ComparePageProps {
  params: CompareParams;
  presetNames: readonly string[];
  /** Exposes the running session (the page's `window.ftCompare`, for tests and scripts). */
  onSession?(session: CompareSession | null): void;
  /** 'tour': the three cards only, driven by the guided tour. Default 'page'. */
  variant?: 'page' | 'tour';
}

type Busy = null | 'inject' | 'skip' | 'year';

export function ComparePage({
  params,
  presetNames,
  onSession,
  variant = 'page',
}: ComparePageProps) {
  const full = variant === 'page';
  const setup = useMemo(
    () => comparisonSetup(params.preset, !params.singleDisks),
    [params.preset, params.singleDisks],
  );
  const parts = useMemo(() => pickableParts(setup), [setup]);
  const hosts = {
    ftserver: useRef<HTMLDivElement>(null),
    cluster: useRef<HTMLDivElement>(null),
    conventional: useRef<HTMLDivElement>(null),
  };
  const cards = {
    ftserver: useRef<CardElements | null>(null),
    cluster: useRef<CardElements | null>(null),
    conventional: useRef<CardElements | null>(null),
  };
  const clockEl = useRef<HTMLSpanElement>(null);
  const reachedEl = useRef<HTMLSpanElement>(null);
  const liveEl = useRef<HTMLParagraphElement>(null);
  const session = useRef<CompareSession | null>(null);
  const pendingYear = useRef(false);
  const yearAbort = useRef<AbortController | null>(null);

  const [generation, setGeneration] = useState(0);
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [speed, setSpeed] = useState(1);
  const [partId, setPartId] = useState(() =>
    parts.some((p) => p.id === 'A.cpu-0') ? 'A.cpu-0' : parts[0].id,
  );
  const [fault, setFault] = useState<FaultKind>('stuck-at');
  const [injected, setInjected] = useState<InjectionOutcome[] | null>(null);
  const [activeNodes, setActiveNodes] = useState<ReadonlySet<string>>(() => new Set());
  const [yearProgress, setYearProgress] = useState<YearProgress | null>(null);
  const [year, setYear] = useState<YearResult | null>(null);
  const [costText, setCostText] = useState(String(params.costPerHour));
  const [error, setError] = useState<string | null>(null);
  const yearPanel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!year || !yearPanel.current) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    yearPanel.current.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
  }, [year]);

  // The session is rebuilt for a new setup or a fresh year run, never for other state.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refs, params and callbacks are stable
  useEffect(() => {
    const hostEls = {
      ftserver: hosts.ftserver.current,
      cluster: hosts.cluster.current,
      conventional: hosts.conventional.current,
    };
    const cardEls = {
      ftserver: cards.ftserver.current,
      cluster: cards.cluster.current,
      conventional: cards.conventional.current,
    };
    if (!hostEls.ftserver || !hostEls.cluster || !hostEls.conventional) return;
    if (!cardEls.ftserver || !cardEls.cluster || !cardEls.conventional) return;
    if (!liveEl.current) return;
    const s = new CompareSession(
      setup,
      params.seed,
      {
        ftserver: hostEls.ftserver,
        cluster: hostEls.cluster,
        conventional: hostEls.conventional,
      },
      pendingYear.current ? 0 : 1,
    );
    session.current = s;
    onSession?.(s);
    const stopLoop = startLiveLoop(
      s,
      { ftserver: cardEls.ftserver, cluster: cardEls.cluster, conventional: cardEls.conventional },
      { clock: clockEl.current, reached: reachedEl.current, live: liveEl.current },
    );
    let alive = true;
    setReady(false);
    s.ready().then(() => {
      if (!alive) return;
      setReady(true);
      setSpeed(s.speed);
      if (pendingYear.current) {
        pendingYear.current = false;
        void runYear(s);
      }
    });
    const nodes = setInterval(() => {
      const active = new Set(
        s.handles.cluster.api
          .systems()
          .filter((sys) => sys.sam.applicationUp)
          .map((sys) => sys.systemId),
      );
      setActiveNodes((old) =>
        [...old].sort().join() === [...active].sort().join() ? old : active,
      );
    }, 1000);
    return () => {
      alive = false;
      clearInterval(nodes);
      yearAbort.current?.abort();
      stopLoop();
      s.dispose();
      session.current = null;
      onSession?.(null);
    };
  }, [setup, generation]);

  const act = async (kind: Exclude<Busy, null>, job: (s: CompareSession) => Promise<void>) => {
    const s = session.current;
    if (!s || busy) return;
    setBusy(kind);
    setError(null);
    try {
      await job(s);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (session.current === s) setBusy(null);
    }
  };

  const inject = () =>
    act('inject', async (s) => {
      setInjected(await s.inject(partId, fault));
    });
  const skip = () =>
    act('skip', async (s) => {
      await s.skip();
      setSpeed(0);
    });
  const changeSpeed = (value: number) => {
    const s = session.current;
    if (!s || busy) return;
    setSpeed(value);
    void s.setSpeed(value);
  };

  async function runYear(s: CompareSession) {
    const abort = new AbortController();
    yearAbort.current = abort;
    setBusy('year');
    setSpeed(0);
    setYearProgress({ timeMs: 0, durationMs: YEAR_MS, faultsDone: 0, faults: 0 });
    const started = performance.now();
    try {
      const outcome = await s.runYear(YEAR_MS, abort.signal, setYearProgress);
      if (outcome.status !== 'completed') return;
      await new Promise((resolve) => setTimeout(resolve, EVENT_SETTLE_MS));
      const figures = {} as YearResult['figures'];
      for (const arch of ARCHS) {
        const records = await s.handles[arch].instance.engine.records();
        const counters = records?.counters ?? s.handles[arch].api.counters();
        figures[arch] = cardFigures(s.trackers[arch], counters, s.clock(arch));
      }
      setYear({
        seed: s.seed,
        preset: setup.preset,
        durationMs: YEAR_MS,
        wallMs: performance.now() - started,
        outcome,
        figures,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (yearAbort.current === abort) yearAbort.current = null;
      setYearProgress(null);
      if (session.current === s) setBusy(null);
    }
  }

  const startYear = () => {
    if (busy) return;
    // A year from a fresh start: new twins, the same seed.
    pendingYear.current = true;
    setYear(null);
    setInjected(null);
    setBusy('year');
    setGeneration((g) => g + 1);
  };

  const disabled = !ready || busy !== null;
  const predicted = outcomes(setup, partId, fault, activeNodes);
  const cost = Number(costText);
  return (
    <div
      className="cmp"
      data-variant={variant}
      data-testid="compare.page"
      data-ready={ready ? 'yes' : 'no'}
    >
      {full ? (
        <>
          <header className="cmp-head">
            <div>
              <h1>Same faults, three architectures</h1>
              <p className="cmp-sub">
                The ftServer beside a two-node failover cluster and a conventional server built from
                the same parts. One click strikes all three.
              </p>
            </div>
            <nav className="cmp-head-nav" aria-label="Comparison settings">
              <label>
                ftServer
                <select
                  value={params.preset}
                  onChange={(e) => {
                    const q = new URLSearchParams(window.location.search);
                    q.set('preset', e.target.value);
                    window.location.search = q.toString();
                  }}
                  data-testid="compare.preset"
                >
                  {presetNames.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>
              <a className="cmp-link" href="?demo=tour">
                Guided tour
              </a>
            </nav>
          </header>
          {params.problems.length > 0 ? (
            <p className="cmp-notice" role="status">
              {params.problems.join(' ')}
            </p>
          ) : null}
          <div className="cmp-controls">
            <FaultPicker
              parts={parts}
              partId={partId}
              fault={fault}
              disabled={disabled}
              onPart={(id) => {
                setPartId(id);
                const next = parts.find((p) => p.id === id);
                if (next && !next.faults.includes(fault)) setFault(next.faults[0]);
              }}
              onFault={setFault}
              onInject={inject}
            />
            <DriveBar
              speed={speed}
              disabled={disabled}
              yearRunning={busy === 'year'}
              seed={params.seed}
              yearProgress={yearProgress}
              clockRef={clockEl}
              reachedRef={reachedEl}
              onSpeed={changeSpeed}
              onSkip={skip}
              onYear={startYear}
              onStopYear={() => yearAbort.current?.abort()}
            />
          </div>
        </>
      ) : null}
      {injected ? (
        <p className="cmp-injected" role="status" data-testid="compare.injected">
          {injected.map((r) => (
            <span key={r.architecture} data-ok={r.ok ? 'yes' : 'no'}>
              {ARCHITECTURE_NAMES[r.architecture]}:{' '}
              {r.ok
                ? `${r.target} struck`
                : r.target === null
                  ? 'no such part'
                  : `refused (${r.error})`}
            </span>
          ))}
        </p>
      ) : null}
      {error ? (
        <p className="cmp-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite" ref={liveEl} />
      <div className="cmp-grid">
        {ARCHS.map((arch) => (
          <TwinCard
            key={arch}
            ref={cards[arch]}
            architecture={arch}
            name={ARCHITECTURE_NAMES[arch]}
            blurb={
              arch === 'conventional' && params.singleDisks ? SINGLE_DISKS_BLURB : BLURBS[arch]
            }
            outcome={predicted.find((o) => o.architecture === arch) ?? null}
            host={hosts[arch]}
          />
        ))}
      </div>
      {full ? (
        <>
          <div ref={yearPanel}>
            {year ? (
              <YearPanel
                result={year}
                costPerHour={cost}
                costText={costText}
                onCost={setCostText}
              />
            ) : null}
          </div>
          <AnalyticsPanel
            preset={params.preset}
            mirroredDisks={!params.singleDisks}
            defaultSeeds={params.seeds}
          />
          <Notes />
        </>
      ) : null}
    </div>
  );
}
