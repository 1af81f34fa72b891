/** Mirrors `prefers-reduced-motion` into a twin's store (the scene turns its animations off). */
import type { TwinStore } from '../state/store.ts';

const QUERY = '(prefers-reduced-motion: reduce)';

export function watchReducedMotion(store: TwinStore): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const media = window.matchMedia(QUERY);
  const apply = () => store.setState({ reducedMotion: media.matches });
  apply();
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
