/**
 * Active Upgrade as the guided flow shows it: the documented steps in order, which one is
 * current, the buttons the state allows, and the preconditions the engine checks before a
 * split. Pure: the engine's SystemInfo and component states are passed in.
 */
import type { SystemInfo, UpgradeState } from '@ft/engine';

export const UPGRADE_STEPS: readonly UpgradeState[] = [
  'Idle',
  'PrepareSplit',
  'Split',
  'PrepareMerge',
  'Merge',
  'Commit',
  'Finish',
];

/** States from which an upgrade can be backed out (abort is allowed up to Merge). */
const ABORTABLE: readonly UpgradeState[] = ['PrepareSplit', 'Split', 'PrepareMerge'];

export interface UpgradeButtons {
  start: boolean;
  merge: boolean;
  abort: boolean;
}

/**
 * Which of Start, Merge and Back out the state allows. Start needs an idle system and every
 * precondition met (see {@link startBlockedBy} for why not); Merge, the upgrade side installed.
 *
 * @example
 * upgradeButtons({ state: 'Split', progress: 1 }); // { start: false, merge: true, abort: true }
 */
export function upgradeButtons(
  u: Pick<SystemInfo['upgrade'], 'state' | 'progress'>,
  checks: readonly Precondition[] = [],
): UpgradeButtons {
  return {
    start: u.state === 'Idle' && checks.every((c) => c.ok),
    merge: u.state === 'Split' && u.progress >= 1,
    abort: ABORTABLE.includes(u.state),
  };
}

/**
 * Why Start is disabled while the system is idle, in a sentence; null when it is not.
 *
 * @example
 * startBlockedBy([{ label: 'System duplex', ok: false, detail: 'simplex' }]);
 * // 'Start needs every precondition: System duplex is not met (simplex).'
 */
export function startBlockedBy(checks: readonly Precondition[]): string | null {
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) return null;
  const list = failed.map((c) => `${c.label} (${c.detail})`).join('; ');
  return `Start needs every precondition: ${list} ${failed.length === 1 ? 'is' : 'are'} not met.`;
}

export type StepMark = 'done' | 'current' | 'todo';

/** Each step marked done, current or to do; at Idle nothing is done yet. */
export function upgradeStepMarks(state: UpgradeState): StepMark[] {
  const at = UPGRADE_STEPS.indexOf(state);
  return UPGRADE_STEPS.map((_, i) => (i === at ? 'current' : i < at ? 'done' : 'todo'));
}

/** What happens in each step, in a sentence. */
export const UPGRADE_STEP_HELP: Readonly<Record<UpgradeState, string>> = {
  Idle: 'Running as one fault-tolerant machine.',
  PrepareSplit: 'Checking the pair and quiescing before the split.',
  Split:
    'Production side keeps running the workload; the upgrade side installs the new version and may not touch the data disks.',
  PrepareMerge: 'Stopping the application on the production side.',
  Merge: 'A short pause while the application moves to the upgraded side.',
  Commit: 'The upgraded side is production; the old side resynchronises to it.',
  Finish: 'Finishing: the pair is whole again on the new version.',
};

export interface Precondition {
  label: string;
  ok: boolean;
  detail: string;
}

/**
 * The engine's preconditions for a split, checked from what the page knows: DMR, the system
 * duplex, every component duplex and the network ports teamed.
 */
export function upgradePreconditions(
  mode: string,
  statusName: string,
  components: readonly { label: string; kind: string; stateName: string }[],
): Precondition[] {
  const parts = components.filter((c) => c.kind !== 'psu');
  const nics = parts.filter((c) => c.kind === 'nic');
  const notDuplex = parts.find((c) => c.kind !== 'nic' && c.stateName !== 'duplex');
  const untamed = nics.find((c) => c.stateName !== 'duplex');
  return [
    {
      label: 'DMR pair',
      ok: mode.toLowerCase() === 'dmr',
      detail:
        mode.toLowerCase() === 'dmr'
          ? 'DMR'
          : `${mode.toUpperCase()}: Active Upgrade splits a DMR pair`,
    },
    {
      label: 'System duplex',
      ok: statusName === 'duplex',
      detail: statusName,
    },
    {
      label: 'Every element duplex',
      ok: !notDuplex,
      detail: notDuplex ? `${notDuplex.label} is ${notDuplex.stateName}` : 'all duplex',
    },
    {
      label: 'NICs teamed',
      ok: !untamed,
      detail: untamed ? `${untamed.label} is ${untamed.stateName}` : `${nics.length} teamed`,
    },
  ];
}
