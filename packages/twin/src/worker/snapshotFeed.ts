/**
 * Keeps `live.views` pointing at the latest consistent engine snapshot, by one of two paths:
 *
 * - shared: the worker writes into a SharedArrayBuffer (the page is cross-origin isolated).
 *   Once per animation frame, and only when the sequence moved, we copy it with
 *   `readConsistent` into the back one of two private buffers and swap: readers never see a
 *   torn or half-written frame, and nothing is allocated per frame.
 * - transfer: the worker hands over a fresh ArrayBuffer per published snapshot
 *   (`nextSnapshot`); we wrap it in views and ask for the next one.
 */
import {
  readConsistent,
  type SnapshotLayout,
  type SnapshotViews,
  snapshotViews,
} from '@ft/engine/snapshot';
import type { WorkerApi } from '@ft/engine';
import type { Remote } from 'comlink';
import type { Live } from '../state/live.ts';

/** Where a feed publishes the latest views (a twin's `live`). */
export type ViewsTarget = Pick<Live, 'views'>;

export interface SnapshotFeed {
  readonly path: 'shared' | 'transfer';
  /**
   * Brings `live.views` up to date now, outside the frame loop (for API reads while frames are
   * slow, e.g. under software WebGL). The transfer path is always as fresh as it can be.
   */
  refresh(): void;
  stop(): void;
}

export function startSharedFeed(shared: SnapshotViews, live: ViewsTarget): SnapshotFeed {
  const layout = shared.layout;
  const source = new Uint8Array(shared.buffer, 0, layout.byteLength);
  const copies = [makeCopy(layout), makeCopy(layout)];
  let front = 0;
  let lastSeq = -1;
  let frame = 0;
  let stopped = false;
  const refresh = (): void => {
    const seq = Atomics.load(shared.control, 0);
    if (seq !== lastSeq && (seq & 1) === 0) {
      const back = copies[1 - front];
      if (readConsistent(shared.control, source, back.bytes)) {
        front = 1 - front;
        lastSeq = back.views.control[0];
        live.views = back.views;
      }
    }
  };
  const tick = (): void => {
    if (stopped) return;
    refresh();
    frame = requestAnimationFrame(tick);
  };
  tick();
  return {
    path: 'shared',
    refresh() {
      if (!stopped) refresh();
    },
    stop() {
      stopped = true;
      cancelAnimationFrame(frame);
    },
  };
}

function makeCopy(layout: SnapshotLayout): { bytes: Uint8Array; views: SnapshotViews } {
  const bytes = new Uint8Array(layout.byteLength);
  return { bytes, views: snapshotViews(bytes.buffer, layout) };
}

export function startTransferFeed(
  api: Remote<WorkerApi>,
  layout: SnapshotLayout,
  live: ViewsTarget,
  onError: (error: unknown) => void,
): SnapshotFeed {
  let stopped = false;
  const loop = async (): Promise<void> => {
    let seq = -1;
    while (!stopped) {
      const buffer = await api.nextSnapshot(seq);
      if (stopped) return;
      const views = snapshotViews(buffer, layout);
      seq = views.control[0];
      live.views = views;
    }
  };
  loop().catch((error: unknown) => {
    if (!stopped) onError(error);
  });
  return {
    path: 'transfer',
    refresh() {},
    stop() {
      stopped = true;
    },
  };
}
