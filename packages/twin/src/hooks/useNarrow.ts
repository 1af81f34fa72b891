/**
 * Whether the twin's own box is narrow (a phone, a narrow tablet, a small embed): measured on the
 * element, not the window, since a twin may be one column of a page.
 */
import { type RefObject, useLayoutEffect, useState } from 'react';

/** Below this width (CSS px) the full app uses its compact layout. */
export const COMPACT_MAX_PX = 720;

export function useNarrow(ref: RefObject<HTMLElement | null>, maxPx = COMPACT_MAX_PX): boolean {
  const [narrow, setNarrow] = useState(
    () => typeof window !== 'undefined' && window.innerWidth < maxPx,
  );
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = el.getBoundingClientRect().width;
      if (width > 0) setNarrow(width < maxPx);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, maxPx]);
  return narrow;
}
