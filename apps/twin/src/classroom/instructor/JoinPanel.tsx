/**
 * How trainees join, large enough for a projector: the code, the link, and a copy button (the
 * Clipboard API where the page is a secure context, else the selected text and execCommand).
 */
import { useRef, useState } from 'react';
import { plural } from '../shared/format.ts';

interface Props {
  code: string;
  joinUrl: string;
  ended: boolean;
  count: number;
}

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall back to the selection below.
  }
  if (!input) return false;
  input.select();
  return document.execCommand('copy');
}

export function JoinPanel({ code, joinUrl, ended, count }: Props) {
  const [copied, setCopied] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  return (
    <section
      className={`cls-card cls-joinpanel${ended ? ' is-ended' : ''}`}
      aria-labelledby="cls-join-title"
    >
      <div className="cls-join-code">
        <h2 id="cls-join-title">{ended ? 'Class ended' : 'Join with code'}</h2>
        <output className="cls-code" data-testid="class.code" aria-label="Join code">
          {code}
        </output>
      </div>
      <div className="cls-join-link">
        <label htmlFor="cls-join-url">or open this link</label>
        <div className="cls-row">
          <input
            id="cls-join-url"
            ref={input}
            readOnly
            value={joinUrl}
            data-testid="class.joinUrl"
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            className="cls-secondary"
            onClick={async () =>
              setCopied(
                (await copyText(joinUrl, input.current)) ? 'Link copied.' : 'Copy it from the box.',
              )
            }
          >
            Copy link
          </button>
        </div>
        <p className="cls-muted" role="status">
          {copied ?? `${plural(count, 'trainee')} in the class.`}
        </p>
      </div>
    </section>
  );
}
