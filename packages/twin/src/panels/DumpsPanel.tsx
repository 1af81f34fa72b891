/**
 * Memory dumps: every dump of the rack (after an OS crash one CPU element holds its memory
 * while the system reboots on the other; on request it is taken from a running system), and
 * "Take dump now" for each system.
 */
import type { DumpRecord } from '@ft/engine';
import { useCommand } from '../hooks/useCommand.ts';
import { dumpTarget } from '../model/dumps.ts';
import { formatGB, formatSimTime } from '../model/format.ts';
import { componentLabel, systemName } from '../state/names.ts';
import { useTwin, useTwinInstance } from '../state/context.ts';
import { CommandOutcome } from './CommandOutcome.tsx';

export function DumpsPanel() {
  const twin = useTwinInstance();
  const dumps = useTwin((s) => s.dumps);
  const rack = useTwin((s) => s.rack);
  const { pending, outcome, run } = useCommand();
  const takeDump = (systemId: string) => {
    const components = Object.values(twin.store.getState().components);
    const target = dumpTarget(systemId, components);
    const name = systemName(twin.store.getState(), systemId);
    // No element to spare: the engine explains why (it would stop the system).
    const fallback = components.find((c) => c.systemId === systemId && c.kind === 'cpu');
    const id = target ?? fallback?.id;
    if (id) void run({ type: 'takeDump', target: id }, `Take dump now on ${name}`);
  };
  return (
    <div className="mgmt-split" data-testid="dumps">
      <section className="mgmt-main" aria-labelledby="dumps-title">
        <h3 className="mgmt-title" id="dumps-title">
          Dumps <span className="muted">({dumps.length})</span>
        </h3>
        {dumps.length === 0 ? (
          <p className="muted mgmt-empty">
            No dumps yet. An OS crash writes one from the CPU element held back while the system
            reboots; "Take dump now" takes one from a running system without downtime.
          </p>
        ) : (
          <table className="mgmt-table" data-testid="dumps.list">
            <thead>
              <tr>
                <th scope="col">Dump</th>
                <th scope="col">System</th>
                <th scope="col">Element</th>
                <th scope="col">Cause</th>
                <th scope="col">Size</th>
                <th scope="col">Started</th>
                <th scope="col">Written</th>
              </tr>
            </thead>
            <tbody>
              {[...dumps].reverse().map((d) => (
                <DumpRow key={d.id} dump={d} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="mgmt-aside" aria-labelledby="dumps-take-title">
        <h3 className="mgmt-title" id="dumps-take-title">
          Take dump now
        </h3>
        <div className="mgmt-buttons mgmt-buttons-col">
          {rack?.systems.map((s) => (
            <button
              key={s.config.id}
              type="button"
              className="btn"
              disabled={pending}
              data-testid={`dumps.take.${s.config.id}`}
              onClick={() => takeDump(s.config.id)}
            >
              Take dump now · {s.config.name}
            </button>
          ))}
        </div>
        <p className="muted mgmt-help">
          One CPU element leaves lockstep with its memory and writes it out; the others keep the
          system running. A CPU element's own panel offers the same.
        </p>
        <CommandOutcome outcome={outcome} testId="dumps.outcome" />
      </section>
    </div>
  );
}

function DumpRow({ dump }: { dump: DumpRecord }) {
  const system = useTwin((s) => systemName(s, dump.systemId));
  const element = useTwin((s) => componentLabel(s, dump.componentId));
  const writing = dump.completedMs === null;
  return (
    <tr data-testid={`dumps.row.${dump.id}`} data-cause={dump.cause} data-written={!writing}>
      <td className="mono">{dump.id}</td>
      <td>{system}</td>
      <td>{element}</td>
      <td>{dump.cause === 'crash' ? 'OS crash' : 'requested'}</td>
      <td>{formatGB(dump.sizeBytes)}</td>
      <td className="mono">{formatSimTime(dump.startedMs)}</td>
      <td className="mono">
        {writing ? (
          <span className="badge" data-tone="busy">
            writing…
          </span>
        ) : (
          formatSimTime(dump.completedMs ?? 0)
        )}
      </td>
    </tr>
  );
}
