/** Builds alternative racks for tests, with the expected durations from the parameters file. */
import { buildRack, getComparisonPreset, type RackConfig } from '@ft/hardware';
import { AlternativeSimulation, type AlternativeOptions } from '../alternativeSimulation.ts';
import { ALTERNATIVES, inFlightTransactions, nodeDetectionMs } from '../parameters.ts';

export const P = ALTERNATIVES;
export const RATE = 1_000;

export function altSim(
  preset: 'conventional' | 'cluster-2node' | RackConfig,
  options: Partial<AlternativeOptions> = {},
): AlternativeSimulation {
  const config = typeof preset === 'string' ? getComparisonPreset(preset) : preset;
  return new AlternativeSimulation(buildRack(config), {
    seed: 1,
    autoRepair: true,
    transactionsPerS: RATE,
    ...options,
  });
}

/** Durations the service is down for, by cause (what the parameters say it should be). */
export const EXPECTED = {
  reboot: P.bootMs.value + P.applicationRecoveryMs.value,
  hardRepair:
    P.partReplacementMs.value + P.coldSwapMs.value + P.bootMs.value + P.applicationRecoveryMs.value,
  failover: nodeDetectionMs() + P.groupOnlineMs.value + P.applicationRecoveryMs.value,
  groupStart: P.groupOnlineMs.value + P.applicationRecoveryMs.value,
  inFlight: inFlightTransactions(RATE),
};

/** A draw that crashes the OS, and one that corrupts silently. */
export const CRASH_DRAW = 0;
export const SILENT_DRAW = 0.99;

export function service(sim: AlternativeSimulation) {
  return sim.services()[0];
}
