/** React binding for the framework-free controllers here (zustand-style transient state). */
import { useSyncExternalStore } from 'react';

export interface External<S> {
  subscribe(listener: () => void): () => void;
  getState(): S;
}

/** The controller's current state; re-renders when it changes. */
export function useExternal<S>(source: External<S>): S {
  return useSyncExternalStore(source.subscribe, source.getState);
}
