import type { EngineEvent } from '@ft/engine';
import { describe, expect, it } from 'vitest';
import { eventRowKey } from './rowKey.ts';

describe('eventRowKey', () => {
  it('is stable per event and distinct between equal-looking events', () => {
    const a = { kind: 'log', timeMs: 1 } as EngineEvent;
    const b = { kind: 'log', timeMs: 1 } as EngineEvent;
    expect(eventRowKey(a)).toBe(eventRowKey(a));
    expect(eventRowKey(a)).not.toBe(eventRowKey(b));
  });
});
