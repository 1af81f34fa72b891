/**
 * `ft-twin-frame.js`: drives a twin embedded as an iframe (`embed.html`) from the host page,
 * with promises. The frame must list the host's origin in its `origins` parameter (unless both
 * share one origin).
 *
 * @example
 * import { connectFrame } from 'https://twin.example.com/embed/ft-twin-frame.js';
 * const twin = await connectFrame(document.querySelector('iframe'));
 * twin.on('ft-state', (e) => console.log(e.componentId, e.to));
 * await twin.ready();
 * await twin.call('inject', 'A.cpu-1', 'bitflip-register');
 */
import type { FrameMessage, FrameMethod, HostMessage } from './protocol.ts';

export interface FrameTwin {
  /** The twin instance inside the frame (changes when the frame reloads). */
  readonly instance: string;
  readonly methods: readonly string[];
  /** Calls an API method in the frame; rejects with the twin's error message. */
  call<T = unknown>(method: FrameMethod, ...args: unknown[]): Promise<T>;
  ready(): Promise<void>;
  /** Listens to forwarded events: ft-ready, ft-state, ft-system, ft-error, ft-scenario-*. */
  on(name: string, handler: (detail: unknown) => void): () => void;
  /** Stops listening; pending calls reject. */
  close(): void;
}

export interface ConnectOptions {
  /** The frame's origin (default: from the iframe's src). */
  origin?: string;
  /** Give up connecting after this long (default 15 s). */
  timeoutMs?: number;
  /** A call unanswered for this long rejects (default 60 s). */
  callTimeoutMs?: number;
}

const RETRY_MS = 250;

export function connectFrame(
  iframe: HTMLIFrameElement,
  options: ConnectOptions = {},
): Promise<FrameTwin> {
  const origin = options.origin ?? new URL(iframe.src, location.href).origin;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const callTimeoutMs = options.callTimeoutMs ?? 60_000;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }
  >();
  const listeners = new Map<string, Set<(detail: unknown) => void>>();
  let instance = '';
  let methods: readonly string[] = [];

  const send = (message: HostMessage) => iframe.contentWindow?.postMessage(message, origin);

  return new Promise<FrameTwin>((resolve, reject) => {
    const connectId = nextId++;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin || event.source !== iframe.contentWindow) return;
      const m = event.data as FrameMessage;
      if (m?.ftTwin !== 1) return;
      if (m.type === 'connected' && m.id === connectId && !instance) {
        instance = m.instance;
        methods = m.methods;
        clearInterval(retry);
        clearTimeout(giveUp);
        resolve(twin);
      } else if (m.type === 'result' && m.instance === instance) {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        clearTimeout(p.timer);
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.error));
      } else if (m.type === 'event' && m.instance === instance) {
        for (const h of listeners.get(m.name) ?? []) h(m.detail);
      }
    };
    window.addEventListener('message', onMessage);
    const retry = setInterval(() => send({ ftTwin: 1, type: 'connect', id: connectId }), RETRY_MS);
    send({ ftTwin: 1, type: 'connect', id: connectId });
    const giveUp = setTimeout(() => {
      clearInterval(retry);
      window.removeEventListener('message', onMessage);
      reject(
        new Error(
          `ft-twin frame at ${origin} did not answer within ${timeoutMs} ms (is this page's origin in its origins parameter?)`,
        ),
      );
    }, timeoutMs);

    const twin: FrameTwin = {
      get instance() {
        return instance;
      },
      get methods() {
        return methods;
      },
      call<T>(method: FrameMethod, ...args: unknown[]): Promise<T> {
        const id = nextId++;
        return new Promise<T>((res, rej) => {
          const timer = setTimeout(() => {
            pending.delete(id);
            rej(new Error(`${method}: no answer from the frame within ${callTimeoutMs} ms`));
          }, callTimeoutMs);
          pending.set(id, { resolve: res as (v: unknown) => void, reject: rej, timer });
          send({ ftTwin: 1, type: 'call', id, instance, method, args });
        });
      },
      ready: () => twin.call<void>('ready'),
      on(name, handler) {
        let set = listeners.get(name);
        if (!set) {
          set = new Set();
          listeners.set(name, set);
        }
        set.add(handler);
        return () => set?.delete(handler);
      },
      close() {
        window.removeEventListener('message', onMessage);
        for (const [, p] of pending) {
          clearTimeout(p.timer);
          p.reject(new Error('connection closed'));
        }
        pending.clear();
      },
    };
  });
}
