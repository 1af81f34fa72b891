/**
 * Availability analytics: the Monte Carlo over many seeds in module workers (progress bar,
 * cancel), then per architecture the mean availability with its 95% interval beside the Markov
 * closed form from the same rates, the downtime, losses and corruptions per run, and the
 * charts. The same pure functions as `pnpm compare`, so the figures match it seed for seed.
 */
import { useEffect, useRef, useState } from 'react';
import { formatAvailability, formatCount, formatDuration } from '../format.ts';
import { ARCHITECTURE_NAMES } from '../setup.ts';
import type { Architecture } from '../serviceTracker.ts';
import { DowntimeHistogram, IntervalChart } from './charts.tsx';
import { MAX_SEEDS } from '../params.ts';
import {
  type MonteCarloResult,
  type MonteCarloRun,
  startMonteCarlo,
  workerCount,
} from './runMonteCarlo.ts';

const ARCHS: readonly Architecture[] = ['ftserver', 'cluster', 'conventional'];
const YEAR_MS = 365 * 86_400_000;

interface Props {
  preset: string;
  mirroredDisks: boolean;
  defaultSeeds: number;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; etaMs: number | null }
  | { kind: 'done'; result: MonteCarloResult }
  | { kind: 'error'; message: string };

export function AnalyticsPanel({ preset, mirroredDisks, defaultSeeds }: Props) {
  const [seedsText, setSeedsText] = useState(String(defaultSeeds));
  const [years, setYears] = useState(1);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const run = useRef<MonteCarloRun | null>(null);
  useEffect(() => () => run.current?.cancel(), []);

  const seeds = Number(seedsText);
  const seedsOk = /^\d+$/.test(seedsText) && seeds >= 2 && seeds <= MAX_SEEDS;
  const workers = workerCount(navigator.hardwareConcurrency);

  const start = () => {
    if (!seedsOk) return;
    run.current?.cancel();
    const current = startMonteCarlo({
      preset,
      durationMs: years * YEAR_MS,
      seeds,
      firstSeed: 1,
      mirroredDisks,
      workers,
      onProgress: (done, total, etaMs) => setStatus({ kind: 'running', done, total, etaMs }),
    });
    run.current = current;
    current.done.then(
      (result) => {
        if (run.current !== current) return;
        run.current = null;
        setStatus(result ? { kind: 'done', result } : { kind: 'idle' });
      },
      (error: unknown) => {
        run.current = null;
        setStatus({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
  };
  const cancel = () => {
    run.current?.cancel();
    run.current = null;
    setStatus({ kind: 'idle' });
  };

  const result = status.kind === 'done' ? status.result : null;
  return (
    <section
      className="cmp-section"
      aria-labelledby="cmp-analytics-title"
      data-testid="compare.analytics"
    >
      <h2 id="cmp-analytics-title">Availability analytics: many seeds</h2>
      <p className="cmp-lead">
        Each seed is one fault schedule drawn from the per-part failure rates, run on all three: the
        real ftServer engine (executed) and the two modelled alternatives. The Markov closed form is
        computed from the same rates and durations; it should fall inside each 95% interval.
      </p>
      <form
        className="cmp-mc-form"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label>
          Seeds
          <input
            type="number"
            min={2}
            max={MAX_SEEDS}
            value={seedsText}
            onChange={(e) => setSeedsText(e.target.value)}
            aria-invalid={!seedsOk}
            aria-describedby="cmp-mc-hint"
            data-testid="compare.mc.seeds"
          />
        </label>
        <label>
          Simulated years per seed
          <select value={years} onChange={(e) => setYears(Number(e.target.value))}>
            {[1, 2, 5, 10].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {status.kind === 'running' ? (
          <button
            type="button"
            className="cmp-btn"
            onClick={cancel}
            data-testid="compare.mc.cancel"
          >
            Cancel
          </button>
        ) : (
          <button
            type="submit"
            className="cmp-btn cmp-btn-primary"
            disabled={!seedsOk}
            data-testid="compare.mc.run"
          >
            Run the Monte Carlo
          </button>
        )}
        <span id="cmp-mc-hint" className="cmp-hint">
          {seedsOk
            ? `${workers} worker(s); the ${preset} engine runs every seed for real.`
            : `From 2 to ${MAX_SEEDS} seeds.`}
        </span>
      </form>
      {status.kind === 'running' ? (
        <div className="cmp-progress" data-testid="compare.mc.progress">
          <progress max={status.total} value={status.done} aria-label="Monte Carlo progress" />
          <span aria-live="polite">
            {status.done} of {status.total} seeds
            {status.etaMs !== null ? `, about ${formatDuration(status.etaMs)} left` : ''}
          </span>
        </div>
      ) : null}
      {status.kind === 'error' ? (
        <p className="cmp-error" role="alert">
          {status.message}
        </p>
      ) : null}
      {result ? <Results result={result} /> : null}
    </section>
  );
}

function Results({ result }: { result: MonteCarloResult }) {
  const { summary, closedForm } = result;
  const years = result.durationMs / YEAR_MS;
  return (
    <div className="cmp-mc-results" data-testid="compare.mc.results">
      <table className="cmp-table">
        <caption>
          {result.preset}: {result.seeds} seeds × {years} simulated year(s), in{' '}
          {formatDuration(result.wallMs)} on {result.workers} worker(s). Per run of the whole rack.
        </caption>
        <thead>
          <tr>
            <th scope="col">Architecture</th>
            <th scope="col">Availability (mean)</th>
            <th scope="col">95% interval</th>
            <th scope="col">Markov closed form</th>
            <th scope="col">Downtime / run</th>
            <th scope="col">Outages / run</th>
            <th scope="col">Transactions lost / run</th>
            <th scope="col">Silent corruptions / run</th>
          </tr>
        </thead>
        <tbody>
          {ARCHS.map((arch) => {
            const s = summary[arch];
            const closed = closedForm[arch].availability;
            const inside = s.ci95 ? closed >= s.ci95[0] && closed <= s.ci95[1] : null;
            return (
              <tr key={arch} data-arch={arch}>
                <th scope="row">{ARCHITECTURE_NAMES[arch]}</th>
                <td className="cmp-num">{formatAvailability(s.availability)}</td>
                <td className="cmp-num">
                  {s.ci95
                    ? `${formatAvailability(s.ci95[0])} – ${formatAvailability(s.ci95[1])}`
                    : '–'}
                </td>
                <td className="cmp-num">
                  {formatAvailability(closed)}{' '}
                  {inside === null ? null : (
                    <span className={inside ? 'cmp-ok' : 'cmp-warn'}>
                      {inside ? 'inside' : 'outside'}
                    </span>
                  )}
                </td>
                <td className="cmp-num">{formatDuration(s.downtimeS * 1000)}</td>
                <td className="cmp-num">{s.outages.toFixed(2)}</td>
                <td className="cmp-num">{formatCount(s.transactionsLost)}</td>
                <td className="cmp-num">{s.silentDataCorruptions.toFixed(2)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="cmp-charts">
        <figure>
          <IntervalChart summary={summary} closedForm={closedForm} />
          <figcaption>
            Downtime per service and year (log scale): dot = Monte Carlo mean, bar = its 95%
            interval, diamond = Markov closed form.
          </figcaption>
        </figure>
        <figure>
          <DowntimeHistogram summary={summary} />
          <figcaption>
            How the downtime of a run is spread: runs per bin, for each architecture.
          </figcaption>
        </figure>
      </div>
    </div>
  );
}
