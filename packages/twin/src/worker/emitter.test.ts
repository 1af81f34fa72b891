import { describe, expect, it, vi } from 'vitest';
import { Emitter } from './emitter.ts';

describe('Emitter', () => {
  it('delivers to listeners until they unsubscribe', () => {
    const e = new Emitter<{ n: number }>();
    const seen: number[] = [];
    const off = e.on('n', (n) => seen.push(n));
    e.emit('n', 1);
    off();
    e.emit('n', 2);
    expect(seen).toEqual([1]);
  });
  it('keeps going when a listener throws', () => {
    const e = new Emitter<{ n: number }>();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: number[] = [];
    e.on('n', () => {
      throw new Error('boom');
    });
    e.on('n', (n) => seen.push(n));
    e.emit('n', 3);
    expect(seen).toEqual([3]);
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
  });
});
