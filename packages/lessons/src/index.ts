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

// Lessons
export type * from './lesson/types.ts';
export { LESSON_ID_PATTERN, LEVELS, lessonSchema, PENALTY_KINDS } from './lesson/schema.ts';
export { instantiate, lessonIssues, parseLesson, type LessonSource } from './lesson/load.ts';
export { drawVariables, substitute } from './lesson/variables.ts';
export { DEFAULT_PENALTIES, findMistakes } from './lesson/penalties.ts';
export {
  addTime,
  answersOf,
  enterStep,
  evaluate,
  giveUp,
  recordEvaluation,
  showSolution,
  startAttempt,
  takeHint,
  type CheckResult,
  type Evaluation,
} from './lesson/progress.ts';
export { scoreAttempt, type Score, type StepScore } from './lesson/scoring.ts';
export { finishReport, type FinishReport } from './lesson/report.ts';
export { LessonPlayer, type LessonPlayerOptions } from './lesson/player.ts';
export { DEFAULT_SETTLE_MS, playLesson, type PlayOptions, type PlayResult } from './lesson/play.ts';
export { parseLessonIndex, type LessonIndex, type LessonIndexEntry } from './lesson/index-file.ts';

// Sessions
export type * from './session/types.ts';
export { makeSession, type SessionParts } from './session/make.ts';
export { parseSession, sessionSchema } from './session/schema.ts';
export {
  decodeSession,
  encodeSession,
  LINK_KEY,
  MAX_LINK_CHARS,
  MAX_SESSION_JSON_BYTES,
  sessionFileText,
  shareLink,
  type ShareLink,
} from './session/encode.ts';
export { replaySession, sameBytes, type Replay } from './session/replay.ts';
