/**
 * The ftServer's alternatives for the comparison of issue 11 (docs/comparison.md): a
 * conventional server and a two-node failover cluster as twins behind the engine's API, one
 * fault schedule for all three architectures, the Monte Carlo runner and the Markov closed forms.
 */
export { ALTERNATIVES, inFlightTransactions, nodeDetectionMs } from './parameters.ts';
export {
  AlternativeSimulation,
  type AlternativeOptions,
  type ServiceRecord,
} from './alternativeSimulation.ts';
export {
  ARCHITECTURES,
  type Architecture,
  architectureOf,
  createSimulation,
  restoreSimulation,
  serviceRecords,
  type Simulation,
  type SimulationOptions,
  snapshotLayoutOf,
} from './simulation.ts';
export { faultSchedule, type ScheduledFault } from './schedule.ts';
export {
  type ComparisonRackOptions,
  type ComparisonRacks,
  comparisonRacks,
  FaultMap,
  mapFault,
} from './equivalents.ts';
export {
  type ComparisonInput,
  type PreparedComparison,
  prepareComparison,
  runAlternativeSeed,
  runFtServerSeed,
  runSeed,
  type SeedOutcome,
  type SeedResult,
} from './montecarlo.ts';
export { type ArchitectureSummary, type ComparisonSummary, summarize } from './summary.ts';
export { type ClosedForm, closedForms } from './chains.ts';
export { ci95, DOWNTIME_BIN_EDGES_S, type Histogram, histogram } from './stats.ts';
export { FAULT_EFFECTS, type FaultEffect } from './sim/faults.ts';
