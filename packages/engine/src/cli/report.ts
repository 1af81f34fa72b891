/** The result of a headless run, as JSON and as a human-readable table. */
import type { Engine } from '../engine.ts';
import type { EngineEvent } from '../types.ts';
import type { SimArgs } from './args.ts';

export interface SystemReport {
  id: string;
  name: string;
  model: string;
  mode: string;
  availability: number;
  downtimeS: number;
  /** Resync stop-and-copy pauses: up, but not running. */
  pausedS: number;
  /** Up but unreachable (a NIC team or an adapter pair lost both halves). */
  unreachableS: number;
  /** Executed for real plus extrapolated over time-warped running time (measured rate). */
  transactionsCommitted: number;
  /** Ran through the voter for real. */
  transactionsExecuted: number;
  transactionsLost: number;
  silentDataCorruptions: number;
  outputsSuppressed: number;
  /** DMR disagreements the software rule decided with no board evidence. */
  softwareRulePicks: number;
  events: Record<string, number>;
  traps: Record<string, number>;
  /** Service calls opened (calls, not their lifecycle events). */
  serviceCalls: number;
}

export interface SimReport {
  rack: string;
  seed: number;
  durationS: number;
  faults: string;
  systems: SystemReport[];
}

export class EventTally {
  readonly events = new Map<string, Record<string, number>>();
  readonly traps = new Map<string, Record<string, number>>();

  add(batch: readonly EngineEvent[]): void {
    for (const e of batch) {
      const byKind = this.events.get(e.systemId) ?? {};
      byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
      this.events.set(e.systemId, byKind);
      if (e.kind === 'trap') {
        const t = this.traps.get(e.systemId) ?? {};
        t[e.trap] = (t[e.trap] ?? 0) + 1;
        this.traps.set(e.systemId, t);
      }
    }
  }
}

const seconds = (ms: number) => Math.round(ms) / 1000;

export function buildReport(engine: Engine, args: SimArgs, tally: EventTally): SimReport {
  const counters = engine.counters();
  return {
    rack: engine.rack.config.name,
    seed: args.seed,
    durationS: args.durationMs / 1000,
    faults: args.faults,
    systems: engine.rack.systems.map((sys, i) => {
      const c = counters[i];
      return {
        id: sys.config.id,
        name: sys.config.name,
        model: sys.config.model,
        mode: sys.config.mode,
        availability: c.availability,
        downtimeS: seconds(c.downtimeMs),
        pausedS: seconds(c.pausedMs),
        unreachableS: seconds(c.unreachableMs),
        transactionsCommitted: Math.round(c.transactionsCommitted),
        transactionsExecuted: c.transactionsExecuted,
        transactionsLost: Math.round(c.transactionsLost),
        silentDataCorruptions: c.silentDataCorruptions,
        outputsSuppressed: c.outputsSuppressed,
        softwareRulePicks: c.softwareRulePicks,
        events: tally.events.get(sys.config.id) ?? {},
        traps: tally.traps.get(sys.config.id) ?? {},
        serviceCalls: c.serviceCalls,
      };
    }),
  };
}

function nines(availability: number): string {
  if (availability >= 1) return '∞';
  return (-Math.log10(1 - availability)).toFixed(1);
}

function percent(part: number, whole: number): string {
  if (whole <= 0) return '0';
  const p = (part / whole) * 100;
  return p >= 0.01 ? p.toFixed(2) : p.toExponential(1);
}

export function formatReport(r: SimReport): string {
  const lines = [
    `${r.rack}: ${r.systems.length} system(s), ${r.durationS} s simulated, seed ${r.seed}, faults ${r.faults}`,
  ];
  for (const s of r.systems) {
    lines.push('');
    lines.push(`${s.name} (ftServer ${s.model}, ${s.mode.toUpperCase()})`);
    lines.push(
      `  availability   ${(s.availability * 100).toFixed(6)} %  (${nines(s.availability)} nines)`,
    );
    lines.push(`  downtime       ${s.downtimeS.toFixed(3)} s`);
    lines.push(
      `  paused         ${s.pausedS.toFixed(3)} s (resync stop-and-copy: up, not running)`,
    );
    lines.push(
      `  unreachable    ${s.unreachableS.toFixed(3)} s (up, but a NIC team or adapter pair lost)`,
    );
    lines.push(`  transactions   ${s.transactionsCommitted} committed, ${s.transactionsLost} lost`);
    lines.push(
      `                 ${s.transactionsExecuted} executed through the voter (${percent(s.transactionsExecuted, s.transactionsCommitted)} %), the rest extrapolated over time warp at the measured rate`,
    );
    lines.push(
      `  integrity      ${s.silentDataCorruptions} silent data corruptions (against a fault-free reference), ${s.outputsSuppressed} outputs suppressed, ${s.softwareRulePicks} DMR software-rule picks`,
    );
    const ev = Object.entries(s.events)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(`  events         ${ev || 'none'}`);
    const tr = Object.entries(s.traps)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(`  traps          ${tr || 'none'}`);
    lines.push(`  service calls  ${s.serviceCalls}`);
  }
  return lines.join('\n');
}
