/**
 * The iframe embed's postMessage protocol, shared by the page inside the frame (frame.ts) and the
 * tiny client a host page loads (frame-client.ts). Every message is a plain object tagged
 * `ftTwin: 1`, so a page can tell the twin's traffic from its own.
 *
 * host → frame  { ftTwin: 1, type: 'connect', id }
 * frame → host  { ftTwin: 1, type: 'connected', id, instance, methods }
 * host → frame  { ftTwin: 1, type: 'call', id, instance, method, args }
 * frame → host  { ftTwin: 1, type: 'result', id, instance, ok: true, value }
 *               { ftTwin: 1, type: 'result', id, instance, ok: false, error }
 * frame → host  { ftTwin: 1, type: 'event', instance, name, detail }   (after a connect)
 */

export const PROTOCOL_VERSION = 1;

/** The methods a host may call through the frame (the public API, no debug hooks). */
export const FRAME_METHODS = [
  'ready',
  'components',
  'state',
  'inject',
  'pull',
  'insert',
  'command',
  'setSpeed',
  'step',
  'jumpToNextEvent',
  'counters',
  'systems',
  'serviceCalls',
  'dumps',
  'traps',
  'systemStatus',
  'simTimeMs',
  'select',
  'redfish',
  'setCamera',
] as const;

export type FrameMethod = (typeof FRAME_METHODS)[number];

export type HostMessage =
  | { ftTwin: 1; type: 'connect'; id: number }
  | { ftTwin: 1; type: 'call'; id: number; instance: string; method: string; args: unknown[] };

export type FrameMessage =
  | { ftTwin: 1; type: 'connected'; id: number; instance: string; methods: readonly string[] }
  | { ftTwin: 1; type: 'result'; id: number; instance: string; ok: true; value: unknown }
  | { ftTwin: 1; type: 'result'; id: number; instance: string; ok: false; error: string }
  | { ftTwin: 1; type: 'event'; instance: string; name: string; detail: unknown };

/** Largest request accepted by the frame (characters of its JSON). */
export const MAX_MESSAGE_CHARS = 64_000;

/** A host message, or null for anything else (other traffic, wrong shapes). */
export function readHostMessage(data: unknown): HostMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.ftTwin !== PROTOCOL_VERSION || typeof m.id !== 'number' || !Number.isInteger(m.id)) {
    return null;
  }
  if (m.type === 'connect') return { ftTwin: 1, type: 'connect', id: m.id };
  if (
    m.type === 'call' &&
    typeof m.instance === 'string' &&
    typeof m.method === 'string' &&
    Array.isArray(m.args)
  ) {
    return {
      ftTwin: 1,
      type: 'call',
      id: m.id,
      instance: m.instance,
      method: m.method,
      args: m.args,
    };
  }
  return null;
}

/** Origins from a comma list (`https://docs.example.com, http://localhost:8080`), normalised. */
export function parseOrigins(
  list: string | null,
  own: string,
): { origins: string[]; problems: string[] } {
  const origins = [own];
  const problems: string[] = [];
  if (!list) return { origins, problems };
  for (const raw of list.split(',')) {
    const text = raw.trim();
    if (!text) continue;
    try {
      const url = new URL(text);
      if (url.origin === 'null' || !/^https?:$/.test(url.protocol)) throw new Error('not http(s)');
      if (!origins.includes(url.origin)) origins.push(url.origin);
    } catch {
      problems.push(`origins: ${JSON.stringify(text.slice(0, 80))} is not an http(s) origin.`);
    }
  }
  return { origins, problems };
}
