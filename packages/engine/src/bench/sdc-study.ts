/**
 * `pnpm bench:sdc [--years N] [--seed S]`: silent data corruptions per DMR system-year under
 * random MTBF faults, over N simulated system-years (default 104: thirteen years of the
 * eight-4300 rack), run as `pnpm sim --faults mtbf` runs them. Prints one JSON line with the
 * measured rate, the unflagged transients that were drawn, the software-rule picks, and the rate
 * the fault model predicts (docs/design.md, "Which faults a board flags").
 */
import { parseArgs } from 'node:util';
import { getPreset } from '@ft/hardware';
import { runSimulation } from '../cli/run.ts';
import { Engine } from '../engine.ts';
import { UNFLAGGED_PER_ELEMENT_YEAR } from '../timing.ts';

const YEAR_MS = 365 * 86_400_000;

const { values } = parseArgs({
  options: { years: { type: 'string' }, seed: { type: 'string' } },
  strict: true,
});
const years = Number(values.years ?? 104);
const seed = Number(values.seed ?? 1);
if (!Number.isInteger(years) || years < 8 || years > 100_000) {
  throw new Error('--years must be an integer in 8..100000');
}
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
  throw new Error('--seed must be an integer in 0..4294967295');
}

const rack = getPreset('rack-8x4300');
const perRun = rack.systems.length;
const runs = Math.ceil(years / perRun);
let sdc = 0;
let picks = 0;
let unflagged = 0;
let executed = 0;
const started = performance.now();
for (let i = 0; i < runs; i++) {
  const engine = Engine.fromConfig(rack, {
    seed: (seed + i) >>> 0,
    randomFaults: true,
    autoRepair: true,
  });
  runSimulation(engine, YEAR_MS, [], {
    onEvents: (events) => {
      for (const e of events) {
        if (e.kind === 'log' && /\(not flagged\)$/.test(e.message)) unflagged++;
      }
    },
  });
  for (const c of engine.counters()) {
    sdc += c.silentDataCorruptions;
    picks += c.softwareRulePicks;
    executed += c.transactionsExecuted;
  }
  process.stderr.write(
    `bench:sdc: ${(i + 1) * perRun}/${runs * perRun} system-years, ${sdc} SDC\n`,
  );
}
const systemYears = runs * perRun;
process.stdout.write(
  `${JSON.stringify({
    metric: 'sim.dmr.silentCorruptionsPerSystemYear',
    value: sdc / systemYears,
    unit: '1/system-year',
    systemYears,
    silentDataCorruptions: sdc,
    unflaggedTransientsDrawn: unflagged,
    softwareRulePicks: picks,
    transactionsExecuted: executed,
    modelUnflaggedPerSystemYear: 2 * UNFLAGGED_PER_ELEMENT_YEAR,
    wallS: Number(((performance.now() - started) / 1000).toFixed(1)),
  })}\n`,
);
