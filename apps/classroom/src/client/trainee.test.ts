import { afterEach, describe, expect, it } from 'vitest';
import { defaultTokenStore } from './trainee.ts';

const g = globalThis as { localStorage?: unknown };
afterEach(() => {
  delete g.localStorage;
});

describe('defaultTokenStore', () => {
  it('keeps tokens in memory where there is no localStorage (Node)', () => {
    const store = defaultTokenStore();
    expect(store.get('K7QH3M')).toBeNull();
    store.set('K7QH3M', 'tok');
    expect(store.get('K7QH3M')).toBe('tok');
  });

  it('keeps tokens in localStorage per join code in a browser', () => {
    const data = new Map<string, string>();
    g.localStorage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    defaultTokenStore().set('K7QH3M', 'tok');
    expect([...data]).toEqual([['ft-classroom:token:K7QH3M', 'tok']]);
    // A reloaded page (a new store) finds it.
    expect(defaultTokenStore().get('K7QH3M')).toBe('tok');
  });

  it('falls back to memory when storage throws (private windows, full quota)', () => {
    g.localStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = defaultTokenStore();
    store.set('K7QH3M', 'tok');
    expect(store.get('K7QH3M')).toBe('tok');
  });
});
