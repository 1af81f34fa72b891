/**
 * Drag and drop of a rack configuration file onto the app: while a file is dragged over it the
 * app shows where to drop it; a dropped file is read and checked like a picked one.
 */
import { type DragEvent, useState } from 'react';
import type { TwinInstance } from '../instance.ts';
import { openRackFile } from '../panels/OpenRack.tsx';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function useRackDrop(twin: TwinInstance) {
  const [over, setOver] = useState(false);
  if (!twin.openRack) return { over: false, handlers: {} };
  return {
    over,
    handlers: {
      onDragOver(e: DragEvent) {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      },
      onDragLeave(e: DragEvent) {
        if (e.currentTarget === e.target) setOver(false);
      },
      onDrop(e: DragEvent) {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) void openRackFile(twin, file);
      },
    },
  };
}
