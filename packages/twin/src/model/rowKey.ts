/**
 * Stable React keys for engine events in lists: events are immutable objects, so each gets a
 * number the first time it is seen (no two events share one, even with equal contents).
 */
import type { EngineEvent } from '@ft/engine';

const keys = new WeakMap<EngineEvent, number>();
let next = 0;

export function eventRowKey(e: EngineEvent): number {
  let key = keys.get(e);
  if (key === undefined) {
    key = next++;
    keys.set(e, key);
  }
  return key;
}
