import { buildRack, getPreset } from '@ft/hardware';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLive } from '../state/live.ts';
import { createTwinStore, createUi } from '../state/store.ts';
import { EngineClient } from './engineClient.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('EngineClient', () => {
  it('a twin removed while its rack was being resolved never starts a worker', async () => {
    const started = vi.fn();
    vi.stubGlobal('Worker', started);
    const store = createTwinStore();
    const client = new EngineClient(store, createLive(), createUi(store));
    client.stop();
    await expect(client.ready()).rejects.toThrow('removed before it started');
    const model = buildRack(getPreset('4300-dmr'));
    const booted = await client.start(model, {
      rack: { preset: '4300-dmr' },
      seed: 1,
      randomFaults: false,
      rackRequest: { preset: '4300-dmr' },
    });
    expect(booted).toBe(false);
    expect(started).not.toHaveBeenCalled();
  });
});
