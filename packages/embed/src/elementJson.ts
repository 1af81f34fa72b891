/**
 * The JSON an `<ft-twin>` element is given: a child `<script type="application/json"
 * data-for="config|scenario">` (a lone untagged one counts as the configuration), or a file at
 * the `config-url`/`scenario-url` address. Part of the loader, so small and DOM-only.
 */
import { shown } from './attributes.ts';

/** Largest JSON an element reads, inline or fetched. */
export const MAX_JSON_BYTES = 1_000_000;

/**
 * The parsed JSON, or undefined when there is none or it is unusable (then `fail` says why).
 * @example await elementJson(el, 'scenario', null, (m) => console.warn(m))
 */
export async function elementJson(
  element: Element,
  what: 'config' | 'scenario',
  url: string | null,
  fail: (message: string) => void,
): Promise<unknown> {
  const scripts = Array.from(element.querySelectorAll('script[type="application/json"]'));
  const tagged = scripts.find((s) => s.getAttribute('data-for') === what);
  const inline =
    tagged ??
    (what === 'config' && scripts.length === 1 && !scripts[0].hasAttribute('data-for')
      ? scripts[0]
      : undefined);
  try {
    let text: string | null = null;
    if (url) {
      const response = await fetch(new URL(url, document.baseURI));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } else if (inline) text = inline.textContent ?? '';
    if (text === null) return undefined;
    if (text.length > MAX_JSON_BYTES) throw new Error(`larger than ${MAX_JSON_BYTES} bytes`);
    return JSON.parse(text) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const from = url ? `${what}=${shown(url)}` : `the inline ${what} JSON`;
    fail(
      `${from} could not be read (${why}).${what === 'config' ? ' Showing the default rack.' : ''}`,
    );
    return undefined;
  }
}
