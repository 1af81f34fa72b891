/**
 * Save, share: the session as a file (a download) or as a link that carries it in the URL
 * fragment; a session too long for a link says so and offers the file.
 */
import type { Session } from '@ft/lessons';
import { type ReactNode, useState } from 'react';
import { downloadSession, type ShareResult, shareUrl } from './sessionFiles.ts';

export function SessionTools({
  getSession,
  problem,
  children,
}: {
  /** More buttons for the same row (restart, end). */
  children?: ReactNode;
  /** The session now (awaited: pending actions are recorded first). */
  getSession: () => Promise<Session>;
  /** Why a saved session may not replay exactly, or null. */
  problem: string | null;
}) {
  const [share, setShare] = useState<(ShareResult & { copied?: boolean }) | null>(null);
  const save = async () => downloadSession(await getSession());
  const makeLink = async () => {
    const result = shareUrl(await getSession(), window.location.href);
    if (!result.ok) return setShare(result);
    let copied = false;
    try {
      await navigator.clipboard.writeText(result.url);
      copied = true;
    } catch {
      // No clipboard permission: the link is shown to copy by hand.
    }
    setShare({ ...result, copied });
  };
  return (
    <div className="lp-session" data-testid="lesson.session">
      <div className="lp-row">
        <button
          type="button"
          className="lp-button"
          onClick={() => void save()}
          data-testid="lesson.save"
        >
          Save session
        </button>
        <button
          type="button"
          className="lp-button"
          onClick={() => void makeLink()}
          data-testid="lesson.share"
        >
          Share link
        </button>
        <span className="lp-spacer" />
        {children}
      </div>
      {problem && <p className="lp-warn lp-small">Note: {problem}.</p>}
      {share?.ok && (
        <div className="lp-share">
          <label className="lp-small" htmlFor="lp-share-url">
            {share.copied
              ? 'Link copied. It replays this session:'
              : 'Copy this link; it replays this session:'}
          </label>
          <input
            id="lp-share-url"
            className="lp-share-url"
            readOnly
            value={share.url}
            data-testid="lesson.share-url"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      {share && !share.ok && (
        <div className="lp-share" role="alert" data-testid="lesson.share-too-long">
          <p className="lp-warn lp-small">{share.reason.replace(/^./, (c) => c.toUpperCase())}.</p>
          <button type="button" className="lp-button" onClick={() => void save()}>
            Save session file
          </button>
        </div>
      )}
    </div>
  );
}
