import { describe, expect, it } from 'vitest';
import { type ClientEvents, untilRunningAgain } from './clientEvents.ts';
import { Emitter } from './emitter.ts';

describe('untilRunningAgain', () => {
  it('resolves on ready, rejects with the reason on stopped', async () => {
    const bus = new Emitter<ClientEvents>();
    const back = untilRunningAgain(bus);
    bus.emit('ready', undefined);
    await expect(back).resolves.toBeUndefined();
    const given = untilRunningAgain(bus);
    bus.emit('stopped', { reason: 'stopped 4 times' });
    await expect(given).rejects.toThrow('stopped 4 times');
  });
});
