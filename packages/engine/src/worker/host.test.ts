import { describe, expect, it } from 'vitest';
import { EngineHost } from './host.ts';

const HOUR_MS = 3_600_000;

/** A host whose pacing loop never runs: the test moves simulated time itself. */
function host(): EngineHost {
  return new EngineHost({ now: () => 0, setTimer: () => null, clearTimer: () => {} });
}

async function warpTo(h: EngineHost, targetMs: number): Promise<void> {
  for (let now = 0; now < targetMs; ) now = await h.jumpToNextEvent(targetMs - now);
}

async function stateOf(h: EngineHost, id: string): Promise<string | undefined> {
  return (await h.components()).find((c) => c.id === id)?.stateName;
}

describe('EngineHost autoRepair (the comparison page asks for it)', () => {
  it.each([
    ['4300-dmr', 'A.cpu-1'],
    ['conventional', 'A.cpu-0'],
    ['cluster-2node', 'A1.cpu-0'],
  ])('%s: a part broken by a hard fault is fitted when it arrives', async (preset, target) => {
    const h = host();
    const loaded = await h.load({ rack: { preset }, seed: 3, autoRepair: true });
    expect(loaded.ok).toBe(true);
    expect((await h.command({ type: 'inject', target, fault: 'stuck-at' })).ok).toBe(true);
    await warpTo(h, 6 * HOUR_MS);
    expect(await stateOf(h, target)).not.toBe('broken');
    h.stop();
  });

  it('without it, the broken part waits for a person', async () => {
    const h = host();
    await h.load({ rack: { preset: 'conventional' }, seed: 3 });
    await h.command({ type: 'inject', target: 'A.cpu-0', fault: 'stuck-at' });
    await warpTo(h, 6 * HOUR_MS);
    expect(await stateOf(h, 'A.cpu-0')).toBe('broken');
    h.stop();
  });
});
