/**
 * Opening local files: a labelled file button (keyboard and screen-reader friendly, the input
 * itself is visually hidden) and a whole-page drop target.
 */
import { type ReactNode, useEffect, useId, useState } from 'react';

export function FileButton({
  label,
  onFile,
  testId,
  className = 'lp-button',
}: {
  label: string;
  onFile: (file: File) => void;
  testId: string;
  className?: string;
}) {
  const id = useId();
  return (
    <>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="lp-visually-hidden lp-file-input"
        data-testid={testId}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={id} className={className}>
        {label}
      </label>
    </>
  );
}

/** While a file is dragged over the page, shows `hint`; a dropped file goes to `onFile`. */
export function DropZone({ hint, onFile }: { hint: ReactNode; onFile: (file: File) => void }) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, [onFile]);
  if (!over) return null;
  return (
    <div className="lp-drop" aria-hidden="true">
      <p>{hint}</p>
    </div>
  );
}
