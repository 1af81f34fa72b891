/** A message to everyone, a group or some trainees; it appears in their class panel. */
import type { InstructorClient } from '@ft/classroom/client';
import { type FormEvent, useId, useState } from 'react';
import { formatClockTime } from '../shared/format.ts';
import type { InstructorSession } from './instructorSession.ts';
import { pickTarget, type TargetOption } from './targets.ts';

interface Props {
  session: InstructorSession;
  client: InstructorClient;
  targets: TargetOption[];
}

export function MessagePanel({ session, client, targets }: Props) {
  const [text, setText] = useState('');
  const [targetKey, setTargetKey] = useState('all');
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { text: useId(), target: useId() };
  const target = pickTarget(targets, targetKey);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    try {
      const { atMs } = await client.broadcast(text, target.target);
      setSent(`Sent to ${target.label} at ${formatClockTime(atMs)}.`);
      setText('');
    } catch (error) {
      session.fail('Message', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="cls-card cls-form" onSubmit={submit} aria-labelledby={`${ids.text}-h`}>
      <h2 id={`${ids.text}-h`}>Message</h2>
      <label htmlFor={ids.text}>Message text</label>
      <textarea
        id={ids.text}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={500}
        rows={2}
      />
      <div className="cls-row">
        <div className="cls-field">
          <label htmlFor={ids.target}>Message to</label>
          <select id={ids.target} value={target.key} onChange={(e) => setTargetKey(e.target.value)}>
            {targets.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="cls-primary cls-end" disabled={busy || !text.trim()}>
          Send
        </button>
      </div>
      {sent && (
        <p className="cls-ok" role="status">
          {sent}
        </p>
      )}
    </form>
  );
}
