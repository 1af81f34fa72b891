/**
 * The web app's entry: a page from `routes.ts` when the URL asks for one (lessons, the sales
 * comparison and tour, the classroom), else the full application: the URL parameters (a bad one
 * falls back to the default with a notice), one twin with the application layout, and
 * `window.ftTwin`.
 */
import { ConfigError, parseRackConfig, presetNames } from '@ft/hardware';
import { createTwin, parseParams } from '@ft/twin';
import { ROUTES } from './routes.ts';
import './page.css';

function mountApp(host: HTMLElement): void {
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
  const twin = createTwin(host, {
    layout: 'app',
    rack: params.rack,
    seed: params.seed,
    randomFaults: params.randomFaults,
    notices: params.problems,
  });
  window.ftTwin = twin.api;
}

const host = document.getElementById('root');
if (host) {
  const query = new URLSearchParams(window.location.search);
  const route = ROUTES.find((r) => r.test(query, window.location.hash));
  if (route) {
    route
      .load()
      .then((page) => page.mount(host, query))
      .catch((error: unknown) => {
        host.textContent = `The ${route.name} page could not start: ${error instanceof Error ? error.message : String(error)}`;
      });
  } else mountApp(host);
}
