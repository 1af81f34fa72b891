/**
 * Lessons and troubleshooting drills, and the attempt (progress) model that a browser player and
 * the classroom server both hold. Everything here is plain, serialisable data.
 */
import type { Predicate } from '../predicate/types.ts';
import type { ScenarioStep, SolutionStep } from '../scenario/types.ts';
import type { RackRef } from '../schema/rack.ts';
import type { Anchor } from '../view.ts';

export type Level = 'beginner' | 'intermediate' | 'advanced';

/** A value drawn from a pool: a string (`{{cpu}}`) or a record of strings (`{{fault.target}}`). */
export type VariableValue = string | Record<string, string>;

/** A pool the lesson draws one value from, by seed (which CPU element fails, which disk…). */
export interface Variable {
  name: string;
  pool: VariableValue[];
}

export interface Hint {
  text: string;
  /** Points taken off the step's points when the hint is shown. */
  cost: number;
}

export interface QuestionOption {
  value: string;
  label: string;
}

/** A multiple-choice question the trainee answers from what the twin shows. */
export interface Question {
  id: string;
  prompt: string;
  options: QuestionOption[];
  /** The correct option's value. */
  answer: string;
  /** Why that answer is right (shown after a wrong answer and in the finish report). */
  explanation?: string;
}

export interface StepFeedback {
  /** Shown when the step passes. */
  pass: string;
  /** Shown when "check my work" finds a check not yet passing. */
  fail?: string;
}

export interface LessonStep {
  id: string;
  title: string;
  /** What to do, for the trainee. */
  text: string;
  /** Played when the step is entered (a fault appears, the camera moves, a caption…). */
  actions?: ScenarioStep[];
  question?: Question;
  /** All must hold at the same moment for the step to pass. */
  checks: Predicate[];
  hints?: Hint[];
  /** Steps that pass the step, shown only after every hint (and applied by `lesson run --solution`). */
  solution: SolutionStep[];
  /** The solution in words, shown with it. */
  solutionText?: string;
  points: number;
  feedback: StepFeedback;
}

export type PenaltyKind =
  | 'unsafe-pull'
  | 'pull-healthy-partner'
  | 'pull-healthy'
  | 'system-down'
  | 'wrong-answer';

/** Points taken off for a kind of wrong move. */
export interface Penalty {
  kind: PenaltyKind;
  points: number;
  /** Replaces the built-in "what a real ftServer would have done and why". */
  explanation?: string;
}

export interface TimeBonus {
  points: number;
  /** Full bonus at or under this much trainee time; none at twice it; linear between. */
  targetMs: number;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  level: Level;
  /** Expected duration, for the lesson list. */
  minutes: number;
  /** `drill`: a troubleshooting drill (a symptom, a hidden fault); default `lesson`. */
  kind: 'lesson' | 'drill';
  /** Drills: what the trainee is told at the start ("the console shows a warning"). */
  symptom?: string;
  rack: RackRef;
  /** Engine seed and variable draw; a class may override it. */
  seed: number;
  variables: Variable[];
  /** Trainee time allowed; past it the attempt ends as timed out. */
  timeLimitMs?: number;
  timeBonus?: TimeBonus;
  /** Wrong moves and their cost; absent: {@link DEFAULT_PENALTIES}. */
  penalties?: Penalty[];
  steps: LessonStep[];
}

/** A lesson with its variables drawn and substituted: what a player runs. */
export interface LessonInstance extends Lesson {
  /** The seed actually used (the lesson's, or one set for the class). */
  seed: number;
  /** The drawn value of each variable. */
  drawn: Record<string, VariableValue>;
}

export interface Mistake {
  kind: PenaltyKind;
  timeMs: number;
  points: number;
  /** What the trainee did. */
  what: string;
  /** What a real ftServer would have done, and why. */
  realFtServer: string;
  /** Index of the action in the action list. */
  actionIndex: number;
}

export interface StepProgress {
  /** Where the step began (null until it is entered). */
  anchor: Anchor | null;
  /** Each check's result at the last evaluation. */
  checks: boolean[];
  /** Simulated time the step passed, or null. */
  passedAtMs: number | null;
  hintsTaken: number;
  solutionShown: boolean;
}

export type AttemptStatus = 'running' | 'passed' | 'failed' | 'timed-out';

/** One trainee's progress through one lesson. Plain data: stored, sent, replayed. */
export interface Attempt {
  lessonId: string;
  seed: number;
  status: AttemptStatus;
  /** The current step (equals steps.length once passed). */
  stepIndex: number;
  /** Trainee time so far, as the host measures it (wall clock in a browser, see docs). */
  elapsedMs: number;
  lessonAnchor: Anchor | null;
  steps: StepProgress[];
  mistakes: Mistake[];
}
