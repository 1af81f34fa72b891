/**
 * `@ft/lessons`: scenarios, predicates, lessons, scoring and sessions — pure TypeScript shared by
 * the app, the `<ft-twin>` element, the CLI, tests and the classroom server. No DOM, no clock, no
 * unseeded randomness. See packages/lessons/README.md.
 */

// Views, actions, anchors
export {
  anchorOf,
  buildView,
  commandAction,
  COUNTER_NAMES,
  engineView,
  type Anchor,
  type ComponentView,
  type CounterName,
  type CounterValues,
  type DumpView,
  type EngineRecords,
  type Observation,
  type ServiceCallView,
  type StateView,
  type SystemView,
  type UserAction,
} from './view.ts';

// Schema helpers
export { type FieldIssue, formatIssue, firstProblem, type Parsed, quote } from './schema/issues.ts';
export { commandSchema, FAULT_KINDS, faultsFor } from './schema/command.ts';
export { COMPONENT_ID_PATTERN } from './schema/fields.ts';
export { rackConfigOf, rackModelOf, rackName, rackRefSchema, type RackRef } from './schema/rack.ts';

// Predicates
export type * from './predicate/types.ts';
export { predicateSchema } from './predicate/schema.ts';
export { evaluatePredicate, type EvalContext } from './predicate/evaluate.ts';
export { describePredicate } from './predicate/describe.ts';

// Scenarios
export type * from './scenario/types.ts';
export {
  isCameraTarget,
  parseScenario,
  scenarioSchema,
  scenarioStepSchema,
  solutionStepSchema,
} from './scenario/schema.ts';
export { checkIds, predicateIds, stepsIds, type IdRef } from './scenario/ids.ts';
export { pollUntil, type ScenarioDriver } from './scenario/driver.ts';
export {
  MAX_STEP_REPORTS,
  runScenario,
  type RunOptions,
  type ScenarioRun,
  type StepReport,
} from './scenario/runner.ts';
export {
  EngineDriver,
  type EngineDriverOptions,
  type Presentation,
} from './scenario/engine-driver.ts';
export { ADVANCE_GRID_MS, advanceTo } from './time.ts';
