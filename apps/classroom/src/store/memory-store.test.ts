import { describe, expect, it } from 'vitest';
import { MemoryClassStore } from './memory-store.ts';
import { classRecord, storeContract } from './store-contract.ts';

let n = 0;
const unique = () => `m${String(++n).padStart(5, '0')}`;

describe('MemoryClassStore', () => {
  const store = new MemoryClassStore();
  storeContract(() => store, unique);

  it('forgets a class, its code and its key when it expires', async () => {
    let now = 1_000;
    const s = new MemoryClassStore(() => now);
    await s.createClass({ ...classRecord('c1', 'ABCDEF', now), expiresAtMs: now + 100 });
    expect(await s.classIdByCode('ABCDEF')).toBe('c1');
    now += 100;
    expect(await s.classIdByCode('ABCDEF')).toBeNull();
    expect(await s.classIdByKeyHash('hash-c1')).toBeNull();
    expect(await s.getClass('c1')).toBeNull();
    // The code is free again.
    expect(await s.createClass(classRecord('c2', 'ABCDEF', now))).toBe(true);
    await s.close();
  });

  it('hands out copies, not its own objects', async () => {
    const s = new MemoryClassStore();
    await s.createClass(classRecord('c1', 'ABCDEF'));
    const snap = await s.getClass('c1');
    if (snap) snap.record.title = 'changed';
    expect((await s.getClass('c1'))?.record.title).toBe('Class c1');
    await s.close();
  });
});
