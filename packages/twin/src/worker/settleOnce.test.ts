import { describe, expect, it } from 'vitest';
import { SettleOnce } from './settleOnce.ts';

describe('SettleOnce', () => {
  it('keeps its first settlement', async () => {
    const ready = new SettleOnce();
    ready.resolve();
    ready.reject(new Error('too late'));
    await expect(ready.promise).resolves.toBeUndefined();
    const failed = new SettleOnce();
    failed.reject(new Error('could not load'));
    failed.resolve();
    await expect(failed.promise).rejects.toThrow('could not load');
  });
});
