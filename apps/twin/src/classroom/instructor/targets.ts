/**
 * Who an instructor's command goes to: everyone, the trainees ticked in the roster, a group, or
 * one trainee, as the protocol's targets, each with the trainees it names now (for the fault
 * picker's racks and the button's count).
 */
import type { RosterEntry, Target } from '@ft/classroom/client';

export interface TargetOption {
  /** Stable key for a select's value. */
  key: string;
  label: string;
  target: Target;
  traineeIds: string[];
}

/**
 * The targets the roster offers now.
 *
 * @example
 * targetOptions(roster, new Set([id]))[0]; // { key: 'all', label: 'Everyone (12)', … }
 */
export function targetOptions(
  roster: readonly RosterEntry[],
  selected: ReadonlySet<string>,
): TargetOption[] {
  const all = roster.map((t) => t.traineeId);
  const options: TargetOption[] = [
    { key: 'all', label: `Everyone (${all.length})`, target: { to: 'all' }, traineeIds: all },
  ];
  const ticked = all.filter((id) => selected.has(id));
  if (ticked.length > 0) {
    options.push({
      key: 'selected',
      label: `Ticked in the roster (${ticked.length})`,
      target: { to: 'trainees', traineeIds: ticked },
      traineeIds: ticked,
    });
  }
  const groups = [
    ...new Set(roster.map((t) => t.group).filter((g): g is string => g !== null)),
  ].sort();
  for (const group of groups) {
    const ids = roster.filter((t) => t.group === group).map((t) => t.traineeId);
    options.push({
      key: `group:${group}`,
      label: `Group ${group} (${ids.length})`,
      target: { to: 'group', group },
      traineeIds: ids,
    });
  }
  for (const t of roster) {
    options.push({
      key: `trainee:${t.traineeId}`,
      label: t.name,
      target: { to: 'trainees', traineeIds: [t.traineeId] },
      traineeIds: [t.traineeId],
    });
  }
  return options;
}

/** The option with `key`, or the first (everyone) when it is gone (its trainees left). */
export function pickTarget(options: readonly TargetOption[], key: string): TargetOption {
  return options.find((o) => o.key === key) ?? options[0];
}
