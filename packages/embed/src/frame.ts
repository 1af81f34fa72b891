/**
 * The frame side of the iframe embed: answers a host page's `connect` and `call` messages and
 * forwards the twin's events to every connected host. Messages from origins outside the
 * allow-list (default: the frame's own origin only) are ignored, and replies go to the asking
 * origin alone.
 */
import {
  FRAME_METHODS,
  type FrameMessage,
  type FrameMethod,
  MAX_MESSAGE_CHARS,
  readHostMessage,
} from './protocol.ts';

interface Peer {
  source: MessageEventSource;
  origin: string;
}

export interface FrameBridgeOptions {
  /** The frame's window (where messages arrive). */
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  allowedOrigins: readonly string[];
  instance: string;
  /** Runs an API method of the twin; its result must be plain data. */
  call(method: FrameMethod, args: unknown[]): Promise<unknown>;
  /** Told once per origin that was turned away (for a console line). */
  onRejected?(origin: string): void;
}

export interface FrameBridge {
  /** Sends a twin event to every connected host. */
  emit(name: string, detail: unknown): void;
  stop(): void;
}

function post(peer: Peer, message: FrameMessage): void {
  try {
    (peer.source as Window).postMessage(message, peer.origin);
  } catch (error) {
    // A value that cannot be cloned: say so instead of leaving the host waiting.
    if (message.type === 'result' && message.ok) {
      const why = error instanceof Error ? error.message : String(error);
      (peer.source as Window).postMessage(
        { ...message, ok: false, value: undefined, error: `result could not be sent: ${why}` },
        peer.origin,
      );
    }
  }
}

export function startFrameBridge(options: FrameBridgeOptions): FrameBridge {
  const peers: Peer[] = [];
  const rejected = new Set<string>();
  const methods = new Set<string>(FRAME_METHODS);

  const onMessage = (event: MessageEvent) => {
    const message = readHostMessage(event.data);
    if (!message || !event.source) return;
    if (!options.allowedOrigins.includes(event.origin)) {
      if (!rejected.has(event.origin)) {
        rejected.add(event.origin);
        options.onRejected?.(event.origin);
      }
      return;
    }
    const peer: Peer = { source: event.source, origin: event.origin };
    if (message.type === 'connect') {
      if (!peers.some((p) => p.source === peer.source && p.origin === peer.origin))
        peers.push(peer);
      post(peer, {
        ftTwin: 1,
        type: 'connected',
        id: message.id,
        instance: options.instance,
        methods: FRAME_METHODS,
      });
      return;
    }
    if (message.instance !== options.instance) return;
    const fail = (error: string) =>
      post(peer, {
        ftTwin: 1,
        type: 'result',
        id: message.id,
        instance: options.instance,
        ok: false,
        error,
      });
    if (!methods.has(message.method)) {
      fail(
        `unknown method ${JSON.stringify(message.method.slice(0, 40))}; expected one of ${FRAME_METHODS.join(', ')}`,
      );
      return;
    }
    let size = 0;
    try {
      size = JSON.stringify(message.args).length;
    } catch {
      size = Number.POSITIVE_INFINITY;
    }
    if (size > MAX_MESSAGE_CHARS) {
      fail(`arguments too large (more than ${MAX_MESSAGE_CHARS} characters of JSON)`);
      return;
    }
    options.call(message.method as FrameMethod, message.args).then(
      (value) =>
        post(peer, {
          ftTwin: 1,
          type: 'result',
          id: message.id,
          instance: options.instance,
          ok: true,
          value,
        }),
      (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
    );
  };

  options.target.addEventListener('message', onMessage as EventListener);
  return {
    emit(name, detail) {
      for (const peer of peers) {
        post(peer, { ftTwin: 1, type: 'event', instance: options.instance, name, detail });
      }
    },
    stop() {
      options.target.removeEventListener('message', onMessage as EventListener);
      peers.length = 0;
    },
  };
}
