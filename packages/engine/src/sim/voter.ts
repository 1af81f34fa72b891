/**
 * The DMR decision when two CPU elements disagree (DESIGN.md §4). With two boards there is no
 * majority, so:
 * 1. a board whose own fault-detection logic flagged an error leaves;
 * 2. otherwise both run a quick board self-test: a board with a hard fault fails it and leaves;
 * 3. otherwise (a transient that left no trace) a software rule picks [assumed]: the board with
 *    more faults in its MTBF history leaves; on a tie, the higher-numbered board leaves.
 * Step 3 can pick the wrong board: that is the honest weakness of DMR, counted as a silent data
 * corruption when it happens.
 */
import type { World } from './world.ts';

export function chooseDmrVictim(w: World, s: number, a: number, b: number): number {
  const ra = s * 3 + a;
  const rb = s * 3 + b;
  if (w.flagged[ra] !== w.flagged[rb]) return w.flagged[ra] ? a : b;
  const ca = w.sysCpu[ra];
  const cb = w.sysCpu[rb];
  const hardA = w.defect[ca] !== 0;
  const hardB = w.defect[cb] !== 0;
  if (hardA !== hardB) return hardA ? a : b;
  if (w.faultCount[ca] !== w.faultCount[cb]) return w.faultCount[ca] > w.faultCount[cb] ? a : b;
  return Math.max(a, b);
}
