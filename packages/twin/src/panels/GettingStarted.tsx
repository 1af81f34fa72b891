/**
 * Shown while nothing is selected: what the panel is for, and a few one-click scenarios on the
 * first system for a trainee or a demo (each selects the part, so its panel shows what follows).
 */
import type { Command } from '@ft/engine';
import type { RackModel } from '@ft/hardware';
import { useTwin, useTwinInstance } from '../state/context.ts';

interface Scenario {
  label: string;
  testId: string;
  target: string;
  command: Command | null;
  speed?: number;
  /** Stop the clock on the voter's next divergence (so the outvoted mark stays in view). */
  hold?: boolean;
}

function scenarios(rack: RackModel): Scenario[] {
  const system = rack.systems[0];
  if (!system) return [];
  const cpus = system.components.filter((c) => c.kind === 'cpu');
  const cpu = cpus[cpus.length - 1];
  const disk = system.components.find((c) => c.kind === 'disk');
  const out: Scenario[] = [];
  if (cpu) {
    out.push({
      label: `Transient fault in ${cpu.label}: watch it resynchronise`,
      testId: 'try.transient',
      target: cpu.id,
      command: { type: 'inject', target: cpu.id, fault: 'bitflip-register' },
    });
    out.push({
      label: `Hot-swap ${cpu.label}: pull it out while the system runs`,
      testId: 'try.pull',
      target: cpu.id,
      command: { type: 'pull', target: cpu.id },
    });
    out.push({
      label: `Follow the voter in slow motion: a transient in ${cpu.label}, paused on the divergence`,
      testId: 'try.slow',
      target: cpu.id,
      command: { type: 'inject', target: cpu.id, fault: 'bitflip-register' },
      speed: 0.01,
      hold: true,
    });
  }
  if (disk) {
    out.push({
      label: `Fail ${disk.label}: the mirror keeps the data`,
      testId: 'try.disk',
      target: disk.id,
      command: { type: 'inject', target: disk.id, fault: 'disk-failure' },
    });
  }
  return out;
}

export function GettingStarted() {
  const twin = useTwinInstance();
  const rack = useTwin((s) => s.rack);
  const running = useTwin((s) => s.workerStatus === 'running');
  const list = rack ? scenarios(rack) : [];
  return (
    <div className="getting-started">
      <p className="muted">
        Select a component in the rack or in the management console to see its state and act on it:
        inject faults, pull it out, insert a replacement.
      </p>
      {list.length > 0 ? (
        <>
          <h3 className="actions-title">Try this on {rack?.systems[0].config.name}</h3>
          <ul className="try-list">
            {list.map((s) => (
              <li key={s.testId}>
                <button
                  type="button"
                  className="btn try-btn"
                  data-testid={s.testId}
                  disabled={!running}
                  onClick={async () => {
                    twin.ui.select(s.target);
                    if (s.hold) {
                      twin.ui.showTab('overview');
                      await twin.engine.setHoldOnDivergence(true);
                    }
                    if (s.speed !== undefined) await twin.engine.setSpeed(s.speed);
                    if (s.command) await twin.engine.command(s.command);
                  }}
                >
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
