/**
 * A polite live region announcing component state and system status changes to screen
 * readers ("CPU element 1 of ft4300-A: duplex → shot"). Several changes in one poll are
 * joined into one announcement.
 */
import { useEffect, useState } from 'react';
import { announcement } from '../model/events.ts';
import { storeNamer } from '../state/names.ts';
import { useTwinInstance } from '../state/context.ts';

const BATCH_MS = 250;

export function Announcer() {
  const twin = useTwinInstance();
  const [text, setText] = useState('');
  useEffect(() => {
    let pending: string[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const namer = storeNamer(twin.store);
    const off = twin.engine.bus.on('event', (e) => {
      const line = announcement(e, namer);
      if (!line) return;
      pending.push(line);
      timer ??= setTimeout(() => {
        setText(pending.slice(-4).join('. '));
        pending = [];
        timer = null;
      }, BATCH_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [twin]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
