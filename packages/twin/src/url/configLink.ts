/**
 * A rack configuration in a link: the URL fragment `#config=…` (never sent to a server, so a
 * rack of any reasonable size fits, where a query string over ~16 KB gets HTTP 431). The value
 * is either the JSON itself (URL-encoded) or, shorter, the JSON deflated (fflate) in base64url.
 */
import { MAX_CONFIG_CHARS, type RackConfig, rackConfigToJson } from '@ft/hardware';
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';

/** The fragment key: `#config=…`. */
export const CONFIG_KEY = 'config';

/** Text that can only be JSON (a compressed value is base64url letters, digits, `-` and `_`). */
const JSON_START = /^\s*([{["\d-]|(null|true|false)\s*$)/;

/**
 * The fragment that carries `config`, compressed.
 *
 * @example
 * location.hash = configFragment(config); // '#config=q1ZKy8_…'
 */
export function configFragment(config: RackConfig): string {
  const json = JSON.stringify(JSON.parse(rackConfigToJson(config)));
  return `${CONFIG_KEY}=${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/**
 * The JSON text a `config` value carries (plain or compressed), or what is wrong with it.
 *
 * @example
 * configText('%7B%22systems%22%3A%5B%5D%7D'.replace(/%../g, decodeURIComponent)); // { ok: true, text: '{"systems":[]}' }
 */
export function configText(
  value: string,
): { ok: true; text: string } | { ok: false; error: string } {
  if (JSON_START.test(value)) return { ok: true, text: value };
  const bytes = fromBase64Url(value.trim());
  if (!bytes) {
    return {
      ok: false,
      error:
        'it is neither JSON (it would start with "{") nor a compressed configuration (base64url text)',
    };
  }
  const inflated = inflateCapped(bytes, MAX_CONFIG_CHARS);
  if (typeof inflated === 'string') return { ok: false, error: inflated };
  try {
    return { ok: true, text: strFromU8(inflated) };
  } catch {
    return { ok: false, error: 'the compressed configuration is not UTF-8 text' };
  }
}

function inflateCapped(data: Uint8Array, maxBytes: number): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > maxBytes) throw new RangeError('too big');
      chunks.push(chunk);
    });
    inflater.push(data, true);
  } catch (e) {
    if (e instanceof RangeError && total > maxBytes) {
      return `the compressed configuration inflates to more than ${maxBytes} bytes`;
    }
    return 'the compressed configuration is damaged (it does not inflate)';
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
