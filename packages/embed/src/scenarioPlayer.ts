/**
 * Plays a scenario (the `scenario` attribute of `<ft-twin>`, the iframe's `scenario` parameter)
 * on a mounted twin through the shared @ft/lessons runner and the twin's live driver. A bad
 * scenario never stops the twin: it raises ft-error with the field at fault and nothing plays.
 * Loaded only when a page gives a scenario.
 */
import { checkIds, parseScenario, runScenario, type Scenario, stepsIds } from '@ft/lessons';
import { LiveDriver, type TwinInstance } from '@ft/twin';

export interface ScenarioHooks {
  emit(name: string, detail: unknown): void;
  /** Where the scenario's speed steps go (the host keeps an off-screen twin paused). */
  setSpeed(multiplier: number): Promise<void>;
}

export interface LoadedScenario {
  play(): void;
  stop(): void;
  dispose(): void;
}

/** Validates `source` (JSON text or parsed data) against the twin's rack; null when unusable. */
export function loadScenario(
  twin: TwinInstance,
  source: unknown,
  options: { autoplay: boolean; loop: boolean },
  hooks: ScenarioHooks,
): LoadedScenario | null {
  const parsed = parseScenario(source);
  const fail = (message: string) => hooks.emit('ft-error', { source: 'scenario', message });
  if (!parsed.ok) {
    const issue = parsed.issues[0];
    fail(`scenario: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
    return null;
  }
  const scenario: Scenario = parsed.value;
  const rack = twin.store.getState().rack;
  if (rack) {
    const issues = checkIds(stepsIds(scenario.steps, 'steps'), rack, rack.config.name);
    if (issues.length > 0) {
      fail(`scenario: ${issues[0].path}: ${issues[0].message}`);
      return null;
    }
  }
  const { ui, store } = twin;
  const title = scenario.title ?? 'Scenario';
  const total = scenario.steps.length;
  const status = (s: 'ready' | 'playing' | 'done' | 'stopped', step = 0, failed = 0) =>
    store.setState({ scenario: { title, status: s, step, steps: total, failed } });
  status('ready');
  let controller: AbortController | null = null;
  let driver: LiveDriver | null = null;

  const play = () => {
    if (controller) return;
    const abort = new AbortController();
    controller = abort;
    driver = new LiveDriver(twin, hooks.setSpeed);
    let failed = 0;
    status('playing');
    void runScenario(scenario, driver, {
      signal: abort.signal,
      loop: options.loop || scenario.loop === true,
      onStepStart(index, step, loop) {
        status('playing', index, failed);
        hooks.emit('ft-scenario-step', { index, loop, do: step.do, step });
      },
      onStepEnd(report) {
        if (report.ok) return;
        failed++;
        fail(`scenario step ${report.index + 1} (${report.step.do}): ${report.error ?? 'failed'}`);
      },
    }).then((run) => {
      driver?.dispose();
      driver = null;
      if (controller === abort) controller = null;
      ui.setCaption(null);
      status(run.status === 'completed' ? 'done' : 'stopped', total - 1, run.failed);
      hooks.emit('ft-scenario-end', {
        status: run.status,
        loops: run.loops,
        failed: run.failed,
        ...(run.error ? { error: run.error } : {}),
      });
    });
  };
  const stop = () => controller?.abort();
  twin.scenarioControl = { play, stop };
  if (options.autoplay) play();
  return {
    play,
    stop,
    dispose() {
      stop();
      twin.scenarioControl = null;
      store.setState({ scenario: null });
    },
  };
}
