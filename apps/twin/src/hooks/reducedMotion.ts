/** Mirrors `prefers-reduced-motion` into the store (the scene turns its animations off). */
import { twinStore } from '../state/store.ts';

const QUERY = '(prefers-reduced-motion: reduce)';

export function watchReducedMotion(): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const media = window.matchMedia(QUERY);
  const apply = () => twinStore.setState({ reducedMotion: media.matches });
  apply();
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
