/**
 * The iframe page (`embed.html?preset=…&panels=…&scenario=…&origins=…`): one twin filling the
 * frame, configured by the `<ft-twin>` attributes given as query parameters, and driven by its
 * host page over postMessage (packages/embed/src/frame.ts). Hosts on other origins must be listed
 * in `origins`; everything else is ignored.
 */
import { ATTRIBUTE_NAMES, parseAttributes, shown } from '@ft/embed/attributes';
import { startFrameBridge } from '@ft/embed/frame';
import { parseOrigins } from '@ft/embed/protocol';
import { checkPreset, mountTwin } from '@ft/embed/runtime';
import './embed-page.css';

const query = new URLSearchParams(location.search);
const problems: string[] = [];
const known = new Set<string>([...ATTRIBUTE_NAMES, 'origins']);
for (const key of new Set(query.keys())) {
  if (!known.has(key)) problems.push(`Unknown parameter ${shown(key, 40)} ignored.`);
  else if (query.getAll(key).length > 1)
    problems.push(`?${key} was given more than once: the first one is used.`);
}
const { value: a, problems: attrProblems } = parseAttributes((name) => query.get(name));
problems.push(...attrProblems);
const { origins, problems: originProblems } = parseOrigins(query.get('origins'), location.origin);
problems.push(...originProblems);
if (a.configUrl) problems.push('?config is not supported in the frame: pass a preset.');
let preset = a.preset ?? '4300-dmr';
const bad = a.preset ? checkPreset(a.preset) : null;
if (bad) {
  problems.push(bad);
  preset = '4300-dmr';
}

const host = document.getElementById('twin');
if (host) {
  const instance = crypto.randomUUID();
  let bridge: ReturnType<typeof startFrameBridge> | null = null;
  const twin = mountTwin(
    host,
    {
      rack: { preset },
      seed: a.seed,
      speed: a.speed,
      camera: a.camera,
      panels: a.panels,
      interaction: a.interaction,
      label: a.alt ?? 'ftServer rack twin',
      workerUrl: null,
      offscreen: 'run',
      notices: problems.length > 0 ? [problems.join(' ')] : [],
    },
    {
      emit: (name, detail) => bridge?.emit(name, detail),
      firstFrame: () => document.body.classList.add('drawn'),
    },
  );
  bridge = startFrameBridge({
    target: window,
    allowedOrigins: origins,
    instance,
    onRejected: (origin) =>
      console.warn(`ft-twin frame: ignored messages from ${origin} (not in the origins parameter)`),
    async call(method, args) {
      const api = twin.api as unknown as Record<string, (...xs: unknown[]) => unknown>;
      if (method === 'setCamera') {
        const { parseCamera } = await import('@ft/embed/attributes');
        const spec = parseCamera(String(args[0] ?? ''));
        if (typeof spec === 'string') throw new Error(spec);
        twin.setCamera(spec);
        return null;
      }
      await twin.api.ready();
      return api[method](...args);
    },
  });
  (window as unknown as { ftTwin: unknown }).ftTwin = twin.api;
  const scenarioProblem = (message: string) => {
    twin.handle.instance.store.setState({ notice: { level: 'error', text: message } });
    bridge?.emit('ft-error', { source: 'scenario', message });
  };
  if (a.scenarioUrl) {
    // A scenario file from this site (relative or same-origin), as the element's attribute.
    const url = new URL(a.scenarioUrl, location.href);
    if (url.origin !== location.origin) {
      scenarioProblem(
        `scenario=${shown(a.scenarioUrl)}: only files from this site can be played in the frame.`,
      );
    } else {
      fetch(url)
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then((text) => twin.setScenario(text, { autoplay: a.autoplay, loop: a.loop }))
        .catch((error: unknown) =>
          scenarioProblem(
            `scenario=${shown(a.scenarioUrl ?? '')} could not be read (${error instanceof Error ? error.message : String(error)}).`,
          ),
        );
    }
  }
}
