/**
 * Places an element made outside React (a twin's host, which owns its own React root and
 * worker) into the page, once; React re-renders never re-create it.
 */
import { useEffect, useRef } from 'react';

export function ElementSlot({ element, className }: { element: HTMLElement; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const slot = ref.current;
    if (!slot) return;
    slot.appendChild(element);
    return () => {
      if (element.parentNode === slot) slot.removeChild(element);
    };
  }, [element]);
  return <div ref={ref} className={className} />;
}
