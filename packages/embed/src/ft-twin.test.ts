import { describe, expect, it } from 'vitest';

describe('ft-twin.js in Node (server-side rendering)', () => {
  it('imports without a DOM, defines nothing and touches no global', async () => {
    const before = Object.keys(globalThis).sort();
    const module = await import('./ft-twin.ts');
    expect(module.FtTwinElement).toBeTypeOf('function');
    expect(Object.keys(globalThis).sort()).toEqual(before);
    expect('customElements' in globalThis).toBe(false);
  });
});
