/**
 * The component's LEDs as the snapshot drives them (off / on / blinking), updated in an
 * animation-frame loop by writing attributes: the same information as the 3D view, in words.
 */
import { ledDrive } from '@ft/engine/snapshot';
import type { LedSpec } from '@ft/hardware';
import { useEffect, useRef } from 'react';
import { useTwinInstance } from '../state/context.ts';

const DRIVE_NAMES = ['off', 'on', 'blinking slowly', 'blinking fast'];

export function LiveLeds({ id, leds }: { id: string; leds: readonly LedSpec[] }) {
  const twin = useTwinInstance();
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    let frame = 0;
    let shownWord = -1;
    const tick = () => {
      const views = twin.live.views;
      const index = twin.live.index.get(id);
      const word = views && index !== undefined ? views.leds[index] : 0;
      const items = listRef.current?.children;
      if (word !== shownWord && items) {
        shownWord = word;
        for (let i = 0; i < items.length; i++) {
          const drive = ledDrive(word, i);
          const item = items[i] as HTMLElement;
          item.dataset.drive = String(drive);
          const state = item.querySelector('.led-state');
          if (state) state.textContent = DRIVE_NAMES[drive];
        }
      }
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [twin, id]);
  return (
    <ul className="led-list" ref={listRef}>
      {leds.map((led) => (
        <li key={led.role} data-color={led.color.value} data-drive="0">
          <span className="led-dot" aria-hidden="true" />
          <span>{led.label}</span>
          <span className="led-state muted">off</span>
        </li>
      ))}
    </ul>
  );
}
