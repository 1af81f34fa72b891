/**
 * The voter's divergence in words, for the slow-motion view that stops on it: which element
 * offered what, what the voter did, and how to go on. Pure: the hold and the names are passed in.
 */
import type { DivergenceHold } from '@ft/engine';
import { LaneFlag } from '@ft/engine/snapshot';
import { formatCount, formatSimTime } from './format.ts';

const hex = (value: number): string => `0x${(value >>> 0).toString(16).padStart(8, '0')}`;

/**
 * @param elements the CPU elements of the system, by element number (0..2), with their labels
 * @example
 * voterHoldText(hold, [{ element: 0, label: 'CPU element 0' }, { element: 1, label: 'CPU element 1' }]);
 * // 'Paused on the divergence at compare 1,234 (00:00:02.500): CPU element 1 offered …'
 */
export function voterHoldText(
  hold: DivergenceHold,
  elements: readonly { element: number; label: string }[],
): string {
  const present = elements.filter((e) => hold.flags[e.element] !== LaneFlag.None);
  const outvoted = present.filter((e) => hold.flags[e.element] === LaneFlag.Outvoted);
  const agreed = present.filter((e) => hold.flags[e.element] === LaneFlag.Agree);
  const suppressed = present.some((e) => hold.flags[e.element] === LaneFlag.Suppressed);
  const where = `Paused on the divergence at compare ${formatCount(hold.compare)} (${formatSimTime(hold.timeMs)})`;
  const offered = present
    .map((e) => `${e.label} offered ${hex(hold.values[e.element])}`)
    .join(', ');
  let what: string;
  if (suppressed) {
    what =
      'No majority: the voter held the output back, so nothing wrong reached the disks or the network.';
  } else if (outvoted.length > 0 && agreed.length > 0) {
    const names = outvoted.map((e) => e.label).join(' and ');
    const winner = agreed.map((e) => e.label).join(' and ');
    what = `The voter sent ${winner}'s output on and took ${names} out of lockstep (it is marked red in the lanes).`;
  } else {
    what = 'The elements disagreed; the lanes mark the compare.';
  }
  return `${where}: ${offered}. ${what} Choose a speed or Step to go on.`;
}
