/**
 * The end of a year-long run: the three availability figures and what the downtime cost at the
 * cost per hour the presenter sets, the vendor's published figure beside them (labelled as a
 * vendor claim, not measured here), and what was executed and what was modelled in this run.
 */
import type { YearOutcome } from './drive.ts';
import type { CardFigures } from './figures.ts';
import { downtimeCost } from './figures.ts';
import { formatAvailability, formatCount, formatDuration, formatMoney } from './format.ts';
import { MAX_COST_PER_HOUR } from './params.ts';
import { ARCHITECTURE_NAMES } from './setup.ts';
import type { Architecture } from './serviceTracker.ts';

const ARCHS: readonly Architecture[] = ['ftserver', 'cluster', 'conventional'];

export interface YearResult {
  seed: number;
  preset: string;
  durationMs: number;
  wallMs: number;
  outcome: YearOutcome;
  figures: Record<Architecture, CardFigures>;
}

/** The vendor's published availability figures (DESIGN.md §2, [src]); claims, not results. */
const VENDOR_CLAIMS = [
  {
    who: 'Stratus',
    claim: 'ftServer (DMR) designed for 99.999% availability: about 5.3 minutes of downtime a year',
  },
  { who: 'Stratus', claim: 'TMR configurations marketed as higher still (no figure given)' },
];

interface Props {
  result: YearResult;
  costPerHour: number;
  costText: string;
  onCost(text: string): void;
}

export function YearPanel({ result, costPerHour, costText, onCost }: Props) {
  const years = result.durationMs / (365 * 86_400_000);
  const costOk =
    Number.isFinite(costPerHour) && costPerHour >= 0 && costPerHour <= MAX_COST_PER_HOUR;
  return (
    <section
      className="cmp-section cmp-year"
      aria-labelledby="cmp-year-title"
      data-testid="compare.year"
    >
      <h2 id="cmp-year-title">
        {years === 1 ? 'One simulated year' : `${years} simulated years`}, seed {result.seed}
      </h2>
      <p className="cmp-lead">
        {result.outcome.faults.length} faults drawn from the per-part rates struck the{' '}
        {result.preset} and, mapped onto the parts they have, the cluster and the conventional
        server. Quiet time was skipped by time warp ({formatDuration(result.wallMs)} of wall time).
      </p>
      <label className="cmp-cost">
        Cost of one hour of downtime ($)
        <input
          type="number"
          min={0}
          max={MAX_COST_PER_HOUR}
          step={500}
          value={costText}
          onChange={(e) => onCost(e.target.value)}
          aria-invalid={!costOk}
          data-testid="compare.cost"
        />
      </label>
      <table className="cmp-table">
        <thead>
          <tr>
            <th scope="col">Architecture</th>
            <th scope="col">Availability</th>
            <th scope="col">Downtime</th>
            <th scope="col">Outages</th>
            <th scope="col">Cost of downtime</th>
            <th scope="col">Transactions lost</th>
            <th scope="col">Silent corruptions</th>
            <th scope="col">Faults suffered / refused / no such part</th>
          </tr>
        </thead>
        <tbody>
          {ARCHS.map((arch) => {
            const f = result.figures[arch];
            return (
              <tr key={arch} data-arch={arch} data-testid={`compare.year.${arch}`}>
                <th scope="row">{ARCHITECTURE_NAMES[arch]}</th>
                <td className="cmp-num cmp-big" data-testid={`compare.year.availability.${arch}`}>
                  {formatAvailability(f.availability)}
                </td>
                <td className="cmp-num">
                  {formatDuration(f.downtimeMs)}
                  {f.modelledDowntimeMs > 0 ? (
                    <span className="cmp-note">
                      {' '}
                      (of which {formatDuration(f.modelledDowntimeMs)} modelled recovery)
                    </span>
                  ) : null}
                </td>
                <td className="cmp-num">{f.outages}</td>
                <td className="cmp-num cmp-big">
                  {costOk ? formatMoney(downtimeCost(f.downtimeMs, costPerHour)) : '–'}
                </td>
                <td className="cmp-num">{formatCount(f.transactionsLost)}</td>
                <td className="cmp-num">{formatCount(f.silentDataCorruptions)}</td>
                <td className="cmp-num">
                  {result.outcome.applied[arch]} / {result.outcome.refused[arch]} /{' '}
                  {result.outcome.withoutPart[arch]}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <aside className="cmp-claims" aria-label="Vendor claims">
        <h3>Vendor claims (published, not measured here)</h3>
        <ul>
          {VENDOR_CLAIMS.map((c) => (
            <li key={c.claim}>
              <span className="cmp-claim-tag">Vendor claim · {c.who}</span> {c.claim}.
            </li>
          ))}
        </ul>
        <p className="cmp-note">
          This run is one seed of assumed failure rates; the analytics below run many. The figures
          above come from the twins' own events and counters.
        </p>
      </aside>
    </section>
  );
}
