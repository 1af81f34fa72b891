/** React binding for the twin store: re-renders only when the selected slice changes. */
import { useStore } from 'zustand';
import { type TwinState, twinStore } from './store.ts';

export function useTwin<T>(selector: (state: TwinState) => T): T {
  return useStore(twinStore, selector);
}
