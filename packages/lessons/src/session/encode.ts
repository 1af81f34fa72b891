/**
 * Sessions in share links: JSON, deflated (fflate), base64url, in the URL fragment
 * (`#session=…`, never sent to a server). A session too long for a link is saved as a file.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import type { Parsed } from '../schema/issues.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { parseSession } from './schema.ts';
import type { Session } from './types.ts';

/**
 * Longest encoded session put in a link. Browsers accept far longer URLs, but links are pasted
 * into mail, chat and learning platforms that cut or refuse long ones [assumed, conservative].
 */
export const MAX_LINK_CHARS = 8000;
/** Largest decoded session accepted from a link or file: 8 MB of JSON. */
export const MAX_SESSION_JSON_BYTES = 8 * 1024 * 1024;
/** The fragment key: `#session=…`. */
export const LINK_KEY = 'session';

/**
 * The session as compact text: deflated JSON in base64url.
 *
 * @example
 * const text = encodeSession(session); // 'q1ZKy8_...'
 */
export function encodeSession(session: Session): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(session)), { level: 9 }));
}

function inflateCapped(data: Uint8Array, maxBytes: number): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  try {
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > maxBytes) {
        tooBig = true;
        throw new Error('too big');
      }
      chunks.push(chunk);
    });
    inflater.push(data, true);
  } catch (e) {
    if (tooBig) return `the session inflates to more than ${maxBytes} bytes`;
    return `not a compressed session (${e instanceof Error ? e.message.slice(0, 60) : 'corrupt'})`;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A session from {@link encodeSession} text (or a whole `#session=…` fragment). Never throws;
 * says what is wrong: not base64url, not compressed, too big, not JSON, or which field.
 */
export function decodeSession(text: string): Parsed<Session> {
  const fail = (message: string): Parsed<Session> => ({
    ok: false,
    issues: [{ path: '(root)', message }],
  });
  if (typeof text !== 'string') return fail('expected text');
  let payload = text.trim();
  if (payload.startsWith('#')) payload = payload.slice(1);
  if (payload.startsWith(`${LINK_KEY}=`)) payload = payload.slice(LINK_KEY.length + 1);
  if (payload.length === 0) return fail('the link holds no session');
  if (payload.length > (MAX_SESSION_JSON_BYTES * 4) / 3)
    return fail('the session text is too long');
  const bytes = fromBase64Url(payload);
  if (!bytes) return fail('the link is damaged: not base64url text');
  const json = inflateCapped(bytes, MAX_SESSION_JSON_BYTES);
  if (typeof json === 'string') return fail(json);
  let text8: string;
  try {
    text8 = strFromU8(json);
  } catch {
    return fail('the session is not UTF-8 text');
  }
  return parseSession(text8);
}

export type ShareLink =
  | { ok: true; fragment: string; chars: number }
  | { ok: false; chars: number; reason: string };

/**
 * The URL fragment for a share link, or why the session does not fit in one.
 *
 * @example
 * const link = shareLink(session);
 * if (link.ok) location.hash = link.fragment; else offerFileDownload(link.reason);
 */
export function shareLink(session: Session, maxChars = MAX_LINK_CHARS): ShareLink {
  const fragment = `${LINK_KEY}=${encodeSession(session)}`;
  if (fragment.length <= maxChars) return { ok: true, fragment, chars: fragment.length };
  return {
    ok: false,
    chars: fragment.length,
    reason: `this session needs ${fragment.length} characters, more than a link holds (${maxChars}): save it as a file instead`,
  };
}

/** The session as a file's text (pretty JSON). */
export function sessionFileText(session: Session): string {
  return `${JSON.stringify(session, null, 2)}\n`;
}
