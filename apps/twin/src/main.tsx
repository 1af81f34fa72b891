/**
 * Entry point: reads the URL parameters (falling back to the default rack with a notice when
 * one is bad), starts the engine worker, installs `window.ftTwin` and renders the app.
 */
import { ConfigError, parseRackConfig, presetNames } from '@ft/hardware';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { installFtTwin } from './api/ftTwin.ts';
import { watchReducedMotion } from './hooks/reducedMotion.ts';
import { twinStore } from './state/store.ts';
import { DEFAULT_PRESET, parseParams } from './url/params.ts';
import { CONFIG_SOURCE, resolveRack } from './worker/rackSource.ts';
import { engine } from './worker/instance.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/console.css';
import './styles/panels.css';
import './styles/management.css';

const params = parseParams(window.location.search, {
  presetNames: presetNames(),
  parseRackConfig(config) {
    try {
      return parseRackConfig(config, CONFIG_SOURCE);
    } catch (error) {
      // The parameter is named by the caller; keep the field path and what is wrong.
      if (error instanceof ConfigError) throw new Error(`${error.path}: ${error.detail}`);
      throw error;
    }
  },
});
if (params.problems.length > 0) {
  twinStore.setState({ notice: { level: 'error', text: params.problems.join(' ') } });
}

watchReducedMotion();
installFtTwin(window, engine);

function startEngine(): void {
  let resolved: ReturnType<typeof resolveRack>;
  try {
    resolved = resolveRack(params.rack);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    twinStore.setState({
      notice: {
        level: 'error',
        text: `The rack could not be built (${why}). Showing the default rack.`,
      },
    });
    resolved = resolveRack({ preset: DEFAULT_PRESET });
  }
  void engine.start(resolved.model, { ...params, rackRequest: resolved.rack });
}
startEngine();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App seed={params.seed} />
    </StrictMode>,
  );
}
