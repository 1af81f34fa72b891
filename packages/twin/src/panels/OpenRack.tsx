/**
 * "Open rack…": loads a rack configuration (JSON) from a file, picked here or dropped anywhere
 * on the app (see useRackDrop). Shown only when the page that hosts the twin can load another
 * rack (`onOpenRack` in the twin's options). A refused file says why in the notice.
 */
import { useRef } from 'react';
import { rackFromFile } from '../model/rackFile.ts';
import type { TwinInstance } from '../instance.ts';
import { useTwinInstance } from '../state/context.ts';

/** Reads `file` and hands a valid configuration to the host; a refusal goes to the notice. */
export async function openRackFile(twin: TwinInstance, file: File): Promise<void> {
  const open = twin.openRack;
  if (!open) return;
  const result = await rackFromFile(file);
  if (result.ok) open(result.config, result.name);
  else twin.store.setState({ notice: { level: 'error', text: result.error } });
}

export function OpenRack() {
  const twin = useTwinInstance();
  const input = useRef<HTMLInputElement>(null);
  if (!twin.openRack) return null;
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        data-testid="open-rack"
        title="Load a rack configuration (JSON) from a file; you can also drop one on the page"
        onClick={() => input.current?.click()}
      >
        Open rack…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="open-rack.input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void openRackFile(twin, file);
        }}
      />
    </>
  );
}
