/** Saving a session as a file (a download) and making its share link. */
import { type Session, sessionFileText, shareLink } from '@ft/lessons';

/**
 * A file name for a session: the lesson (or "session"), its seed and the moment it was saved.
 *
 * @example
 * sessionFileName(session, new Date(2026, 0, 2, 3, 4)); // 'cpu-hot-swap-seed1-20260102-0304.json'
 */
export function sessionFileName(session: Session, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  return `${session.lesson?.id ?? 'session'}-seed${session.seed}-${stamp}.json`;
}

/** Offers the session as a JSON file download. */
export function downloadSession(session: Session): void {
  const blob = new Blob([sessionFileText(session)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = sessionFileName(session, new Date());
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ShareResult = { ok: true; url: string } | { ok: false; reason: string };

/**
 * The share link of a session: this page with `?replay` and the session in the fragment (never
 * sent to a server), or why it does not fit in a link.
 *
 * @example
 * shareUrl(session, 'http://127.0.0.1:4173/?lesson=x'); // { ok: true, url: 'http://127.0.0.1:4173/?replay#session=…' }
 */
export function shareUrl(session: Session, pageUrl: string): ShareResult {
  const link = shareLink(session);
  if (!link.ok) return { ok: false, reason: link.reason };
  const url = new URL(pageUrl);
  url.search = '?replay';
  url.hash = link.fragment;
  return { ok: true, url: url.href };
}
