/**
 * The web app's entry: a page from `routes.ts` when the URL asks for one (lessons, the sales
 * comparison and tour, the classroom), else the full application: the URL (`?preset`, `?seed`,
 * `?randomFaults`, a rack in `#config=`; a bad, repeated or unknown parameter falls back to the
 * default with a notice), one twin with the application layout, and `window.ftTwin`. A rack file
 * opened or dropped on the page replaces the twin, and the URL fragment then carries that rack.
 */
import { ConfigError, presetNames, type RackConfig, rackConfigFromValue } from '@ft/hardware';
import {
  configFragment,
  createTwin,
  parseParams,
  type RackChoice,
  type TwinHandle,
} from '@ft/twin';
import { ROUTES } from './routes.ts';
import './page.css';

function mountApp(host: HTMLElement): void {
  const params = parseParams(
    window.location.search,
    {
      presetNames: presetNames(),
      parseRackConfig(config) {
        try {
          return rackConfigFromValue(config, 'config');
        } catch (error) {
          // The parameter is named by the caller; keep the field path and what is wrong.
          if (error instanceof ConfigError) throw new Error(`${error.path}: ${error.detail}`);
          throw error;
        }
      },
    },
    window.location.hash,
  );
  let twin: TwinHandle | null = null;
  const open = (rack: RackChoice, notices: string[]) => {
    twin?.dispose();
    twin = createTwin(host, {
      layout: 'app',
      rack,
      seed: params.seed,
      randomFaults: params.randomFaults,
      notices,
      onOpenRack: (config: RackConfig, source: string) => {
        // The rack travels in the fragment (any size; never sent to the server).
        const query = new URLSearchParams(window.location.search);
        query.delete('preset');
        query.delete('config');
        const search = query.toString();
        window.history.replaceState(
          null,
          '',
          `${window.location.pathname}${search ? `?${search}` : ''}#${configFragment(config)}`,
        );
        open({ config, source }, []);
      },
    });
    window.ftTwin = twin.api;
  };
  open(params.rack, params.problems);
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
