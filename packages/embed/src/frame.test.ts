import { describe, expect, it, vi } from 'vitest';
import { startFrameBridge } from './frame.ts';
import { parseOrigins, readHostMessage } from './protocol.ts';

/** A fake window pair: the frame's message target and a host that records what it receives. */
function setup(allowed = ['https://docs.example']) {
  const listeners: ((e: MessageEvent) => void)[] = [];
  const target = {
    addEventListener: (_: string, fn: EventListener) => listeners.push(fn as never),
    removeEventListener: () => {},
  };
  const received: unknown[] = [];
  const host = { postMessage: (m: unknown, origin: string) => received.push({ m, origin }) };
  const call = vi.fn(async (method: string, args: unknown[]) => {
    if (method === 'state') return `state of ${String(args[0])}`;
    throw new Error('refused by the engine');
  });
  const bridge = startFrameBridge({
    target: target as never,
    allowedOrigins: allowed,
    instance: 'i-1',
    call: call as never,
  });
  const send = (data: unknown, origin = 'https://docs.example') =>
    listeners.forEach((l) => {
      l({ data, origin, source: host } as unknown as MessageEvent);
    });
  return { bridge, send, received, call };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the frame bridge', () => {
  it('answers a handshake with its instance and methods, to the asking origin only', () => {
    const { send, received } = setup();
    send({ ftTwin: 1, type: 'connect', id: 1 });
    expect(received).toEqual([
      {
        m: expect.objectContaining({ type: 'connected', id: 1, instance: 'i-1' }),
        origin: 'https://docs.example',
      },
    ]);
  });

  it('ignores origins outside the allow-list and anything not tagged ftTwin', async () => {
    const { send, received, call } = setup();
    send({ ftTwin: 1, type: 'connect', id: 1 }, 'https://evil.example');
    send(
      { ftTwin: 1, type: 'call', id: 2, instance: 'i-1', method: 'state', args: [] },
      'https://evil.example',
    );
    send({ hello: 'world' });
    send('text');
    await flush();
    expect(received).toEqual([]);
    expect(call).not.toHaveBeenCalled();
  });

  it('runs calls and answers with results or errors, refusing unknown methods and big arguments', async () => {
    const { send, received } = setup();
    send({ ftTwin: 1, type: 'call', id: 3, instance: 'i-1', method: 'state', args: ['A.cpu-0'] });
    send({ ftTwin: 1, type: 'call', id: 4, instance: 'i-1', method: 'inject', args: [] });
    send({ ftTwin: 1, type: 'call', id: 5, instance: 'i-1', method: 'debug', args: [] });
    send({
      ftTwin: 1,
      type: 'call',
      id: 6,
      instance: 'i-1',
      method: 'state',
      args: ['x'.repeat(70_000)],
    });
    send({ ftTwin: 1, type: 'call', id: 7, instance: 'other', method: 'state', args: [] });
    await flush();
    const results = received.map((r) => (r as { m: Record<string, unknown> }).m);
    expect(results).toContainEqual(
      expect.objectContaining({ id: 3, ok: true, value: 'state of A.cpu-0' }),
    );
    expect(results).toContainEqual(
      expect.objectContaining({ id: 4, ok: false, error: 'refused by the engine' }),
    );
    expect(results).toContainEqual(
      expect.objectContaining({
        id: 5,
        ok: false,
        error: expect.stringMatching(/unknown method "debug"/),
      }),
    );
    expect(results).toContainEqual(
      expect.objectContaining({ id: 6, ok: false, error: expect.stringMatching(/too large/) }),
    );
    expect(results.some((r) => r.id === 7)).toBe(false);
  });

  it('forwards events to connected hosts only', () => {
    const { bridge, send, received } = setup();
    bridge.emit('ft-state', { componentId: 'A.cpu-1' });
    expect(received).toEqual([]);
    send({ ftTwin: 1, type: 'connect', id: 1 });
    bridge.emit('ft-state', { componentId: 'A.cpu-1' });
    expect(received.at(-1)).toEqual({
      m: {
        ftTwin: 1,
        type: 'event',
        instance: 'i-1',
        name: 'ft-state',
        detail: { componentId: 'A.cpu-1' },
      },
      origin: 'https://docs.example',
    });
  });
});

describe('the protocol', () => {
  it('reads only well-formed host messages', () => {
    expect(readHostMessage({ ftTwin: 1, type: 'connect', id: 1 })).not.toBeNull();
    expect(readHostMessage({ ftTwin: 2, type: 'connect', id: 1 })).toBeNull();
    expect(
      readHostMessage({ ftTwin: 1, type: 'call', id: 1, instance: 'x', method: 'm' }),
    ).toBeNull();
    expect(readHostMessage(null)).toBeNull();
  });

  it('parses an origin allow-list, always with the own origin, and says what is wrong', () => {
    expect(parseOrigins(null, 'https://twin.example')).toEqual({
      origins: ['https://twin.example'],
      problems: [],
    });
    const { origins, problems } = parseOrigins(
      'https://docs.example/path, javascript:alert(1), http://localhost:8080',
      'https://twin.example',
    );
    expect(origins).toEqual([
      'https://twin.example',
      'https://docs.example',
      'http://localhost:8080',
    ]);
    expect(problems).toHaveLength(1);
  });
});
