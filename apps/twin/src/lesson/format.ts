/** Words and clocks for the lesson pages: trainee time, simulated time, commands, log entries. */
import type { Command } from '@ft/engine';
import {
  describePredicate,
  type LessonStep,
  type SessionEntry,
  type SolutionStep,
} from '@ft/lessons';

const MS_PER_S = 1000;
const MS_PER_MIN = 60 * MS_PER_S;
const MS_PER_H = 60 * MS_PER_MIN;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Trainee (wall-clock) time as `m:ss`, or `h:mm:ss` from an hour on.
 *
 * @example
 * formatClock(754_000); // '12:34'
 */
export function formatClock(ms: number): string {
  const t = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / MS_PER_S));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/**
 * Simulated time as `hh:mm:ss.s` (tenths), with days in front past a day: the timeline's clock.
 *
 * @example
 * formatSimClock(3_723_456); // '01:02:03.4'
 */
export function formatSimClock(ms: number): string {
  const t = Math.max(0, Math.floor(Number.isFinite(ms) ? ms : 0));
  const days = Math.floor(t / (24 * MS_PER_H));
  const h = Math.floor((t % (24 * MS_PER_H)) / MS_PER_H);
  const m = Math.floor((t % MS_PER_H) / MS_PER_MIN);
  const s = Math.floor((t % MS_PER_MIN) / MS_PER_S);
  const tenths = Math.floor((t % MS_PER_S) / 100);
  const clock = `${pad(h)}:${pad(m)}:${pad(s)}.${tenths}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/**
 * A span of simulated time in words, largest two units.
 *
 * @example
 * formatSpan(14_460_000); // '4 h 1 min'
 */
export function formatSpan(ms: number): string {
  const t = Math.max(0, Number.isFinite(ms) ? ms : 0);
  if (t < MS_PER_MIN) return `${(t / MS_PER_S).toFixed(t < 10 * MS_PER_S ? 1 : 0)} s`;
  if (t < MS_PER_H) {
    const m = Math.floor(t / MS_PER_MIN);
    const s = Math.floor((t % MS_PER_MIN) / MS_PER_S);
    return s > 0 ? `${m} min ${s} s` : `${m} min`;
  }
  const h = Math.floor(t / MS_PER_H);
  const m = Math.floor((t % MS_PER_H) / MS_PER_MIN);
  return m > 0 ? `${h} h ${m} min` : `${h} h`;
}

/**
 * An engine command as a short sentence for people.
 *
 * @example
 * describeCommand({ type: 'insert', target: 'A.cpu-1', replacement: true }); // 'Insert a new A.cpu-1'
 */
export function describeCommand(c: Command): string {
  switch (c.type) {
    case 'inject':
      return `Inject ${c.fault} into ${c.target}`;
    case 'pull':
      return `Pull ${c.target}`;
    case 'insert':
      return c.replacement ? `Insert a new ${c.target}` : `Insert ${c.target} back`;
    case 'system':
      return `System ${c.target}: ${c.action}`;
    case 'upgrade':
      return `Active Upgrade of ${c.target}: ${c.action}${c.version ? ` ${c.version}` : ''}`;
    case 'gatewayLink':
      return `Call-home link of ${c.target} ${c.up ? 'up' : 'down'}`;
    case 'samAlert':
      return `SAM alert on ${c.target}: ${c.metric} over ${c.thresholdPct}% (${c.action})`;
    case 'samClearAlerts':
      return `Clear the SAM alerts of ${c.target}`;
    case 'setRestartPolicy':
      return `Restart policy of ${c.target}: ${c.policy}`;
    case 'setDiskPriority':
      return `Rebuild priority of ${c.target}: ${c.priority}`;
    case 'updateFirmware':
      return `Update the firmware of ${c.target}${c.version ? ` to ${c.version}` : ''}`;
    case 'takeDump':
      return `Take a dump from ${c.target}`;
    case 'runDiagnostics':
      return `Run diagnostics on ${c.target}`;
    case 'bringDown':
      return `Bring ${c.target} down`;
    case 'bringUp':
      return `Bring ${c.target} up`;
    case 'clearMtbf':
      return `Clear the MTBF of ${c.target}`;
    case 'restoreLink':
      return `Restore the link of ${c.target}`;
    default:
      return `${(c as { type: string }).type} on ${(c as { target: string }).target}`;
  }
}

/**
 * A session log entry for the replay timeline.
 *
 * @example
 * describeEntry({ timeMs: 0, warpToNextEvent: 28_800_000 }); // 'Skip to the next event (at most 8 h)'
 */
export function describeEntry(entry: SessionEntry): string {
  if ('command' in entry) return describeCommand(entry.command);
  return `Skip to the next event (at most ${formatSpan(entry.warpToNextEvent)})`;
}

/** "1 point" / "5 points". */
export function points(n: number): string {
  return `${n} ${n === 1 ? 'point' : 'points'}`;
}

/**
 * A solution step as an instruction for the trainee (answers use the option's label).
 *
 * @example
 * describeSolutionStep({ do: 'pull', target: 'A.cpu-1' }, step); // 'Pull A.cpu-1'
 */
export function describeSolutionStep(s: SolutionStep, step: LessonStep): string {
  switch (s.do) {
    case 'inject':
      return `Inject ${s.fault} into ${s.target}`;
    case 'pull':
      return s.force ? `Pull ${s.target} (confirm the warning)` : `Pull ${s.target}`;
    case 'insert':
      return s.replacement ? `Insert a new ${s.target}` : `Insert ${s.target} back`;
    case 'command':
      return describeCommand(s.command);
    case 'speed':
      return s.speed === 'max' ? 'Run as fast as possible' : `Set the speed to ${s.speed}×`;
    case 'camera':
      return `Look at ${s.view.replace(/^(system|part):/, '')}`;
    case 'select':
      return s.target === null ? 'Clear the selection' : `Select ${s.target}`;
    case 'caption':
      return s.text ?? 'Clear the caption';
    case 'wait':
      if (s.until) return `Wait until ${describePredicate(s.until)}`;
      return `Let ${formatSpan(s.ms ?? 0)} pass`;
    case 'hold':
      return `Watch for ${formatSpan(s.ms)}`;
    case 'warp':
      return 'Skip to the next event';
    case 'reset':
      return 'Start the rack again';
    case 'answer': {
      const label = step.question?.options.find((o) => o.value === s.value)?.label ?? s.value;
      return `Answer "${label}"`;
    }
    default:
      return String((s as { do: string }).do);
  }
}
