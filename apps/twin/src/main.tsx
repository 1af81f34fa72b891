/**
 * The full application: reads the URL parameters (a bad one falls back to the default with a
 * notice), mounts one twin with the application layout and installs `window.ftTwin`.
 */
import { ConfigError, parseRackConfig, presetNames } from '@ft/hardware';
import { createTwin, parseParams } from '@ft/twin';
import './page.css';

const params = parseParams(window.location.search, {
  presetNames: presetNames(),
  parseRackConfig(config) {
    try {
      return parseRackConfig(config, 'URL parameter config');
    } catch (error) {
      // The parameter is named by the caller; keep the field path and what is wrong.
      if (error instanceof ConfigError) throw new Error(`${error.path}: ${error.detail}`);
      throw error;
    }
  },
});

const host = document.getElementById('root');
if (host) {
  const twin = createTwin(host, {
    layout: 'app',
    rack: params.rack,
    seed: params.seed,
    randomFaults: params.randomFaults,
    notices: params.problems,
  });
  window.ftTwin = twin.api;
}
