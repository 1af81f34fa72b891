/**
 * The selected component as Redfish JSON: "Show Redfish JSON" opens it below, "Copy Redfish
 * JSON" puts it on the clipboard, or, where the clipboard is not available, shows it selected
 * in a read-only text box to copy by hand.
 */
import { useState } from 'react';
import { useTwinInstance } from '../state/context.ts';

type View = { mode: 'show' | 'copy-fallback'; json: string; note: string } | null;

export function RedfishView({ id }: { id: string }) {
  const twin = useTwinInstance();
  const [view, setView] = useState<View>(null);
  const [copied, setCopied] = useState('');

  const fetchJson = async (): Promise<string> => {
    const doc = await twin.engine.redfish(id);
    return doc ? JSON.stringify(doc, null, 2) : '(no Redfish resource for this component)';
  };

  const show = async () => {
    if (view?.mode === 'show') {
      setView(null);
      return;
    }
    setView({ mode: 'show', json: await fetchJson(), note: '' });
  };

  const copy = async () => {
    const json = await fetchJson();
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(json);
      setCopied('Redfish JSON copied to the clipboard.');
    } catch {
      setCopied('');
      setView({
        mode: 'copy-fallback',
        json,
        note: 'The clipboard is not available here: the JSON is selected below, copy it with Ctrl+C.',
      });
    }
  };

  return (
    <div className="redfish">
      <div className="mgmt-buttons">
        <button
          type="button"
          className="btn"
          aria-expanded={view?.mode === 'show'}
          data-testid="redfish.show"
          onClick={() => void show()}
        >
          {view?.mode === 'show' ? 'Hide Redfish JSON' : 'Show Redfish JSON'}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="redfish.copy"
          onClick={() => void copy()}
        >
          Copy Redfish JSON
        </button>
      </div>
      <p className="action-outcome" role="status" data-testid="redfish.outcome">
        {view?.note || copied}
      </p>
      {view?.mode === 'show' ? (
        <textarea
          className="redfish-json"
          data-testid="redfish.json"
          aria-label="Redfish JSON"
          readOnly
          value={view.json}
          rows={12}
          ref={(el) => el?.scrollIntoView({ block: 'nearest' })}
        />
      ) : null}
      {view?.mode === 'copy-fallback' ? (
        <textarea
          className="redfish-json"
          data-testid="redfish.fallback"
          aria-label="Redfish JSON to copy"
          readOnly
          value={view.json}
          rows={10}
          ref={(el) => {
            el?.scrollIntoView({ block: 'nearest' });
            el?.select();
          }}
        />
      ) : null}
    </div>
  );
}
