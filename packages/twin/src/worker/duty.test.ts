import { afterEach, describe, expect, it, vi } from 'vitest';
import { workerDuty } from './duty.ts';

afterEach(() => vi.unstubAllGlobals());

describe('workerDuty', () => {
  it('leaves the renderer more room on small machines', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    expect(workerDuty()).toBe(0.4);
    vi.stubGlobal('navigator', { hardwareConcurrency: 4 });
    expect(workerDuty()).toBe(0.6);
    vi.stubGlobal('navigator', { hardwareConcurrency: 16 });
    expect(workerDuty()).toBe(0.75);
  });
});
