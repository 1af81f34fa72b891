/**
 * React access to the twin a component belongs to. Every panel and scene component reads its
 * twin from context, never from a module: many twins can share one page.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { TwinInstance } from '../instance.ts';
import type { TwinState } from './store.ts';

export const TwinContext = createContext<TwinInstance | null>(null);

/** The twin instance of the surrounding `<TwinContext.Provider>`. */
export function useTwinInstance(): TwinInstance {
  const twin = useContext(TwinContext);
  if (!twin) throw new Error('useTwinInstance: no TwinContext.Provider above this component');
  return twin;
}

/** A slice of the twin's store; re-renders only when that slice changes. */
export function useTwin<T>(selector: (state: TwinState) => T): T {
  return useStore(useTwinInstance().store, selector);
}
