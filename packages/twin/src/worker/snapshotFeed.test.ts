import { allocateSnapshot, snapshotLayout } from '@ft/engine/snapshot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLive } from '../state/live.ts';
import { startSharedFeed } from './snapshotFeed.ts';

describe('startSharedFeed', () => {
  let frames: (() => void)[] = [];
  beforeEach(() => {
    frames = [];
    globalThis.requestAnimationFrame = (cb: FrameRequestCallback) => frames.push(() => cb(0));
    globalThis.cancelAnimationFrame = () => {};
  });
  const live = createLive();
  afterEach(() => {
    live.views = null;
  });
  const nextFrame = () => frames.shift()?.();

  it('copies each new even sequence into a private buffer and skips odd ones', () => {
    const shared = allocateSnapshot(snapshotLayout(4, 1), true);
    shared.control[0] = 2;
    shared.state[0] = 15;
    const feed = startSharedFeed(shared, live);
    expect(live.views).not.toBeNull();
    expect(live.views?.buffer).not.toBe(shared.buffer);
    expect(live.views?.state[0]).toBe(15);

    // The writer is mid-write: the reader keeps the last consistent copy.
    shared.control[0] = 3;
    shared.state[0] = 3;
    nextFrame();
    expect(live.views?.state[0]).toBe(15);

    shared.control[0] = 4;
    nextFrame();
    expect(live.views?.state[0]).toBe(3);
    expect(live.views?.control[0]).toBe(4);
    feed.stop();
  });

  it('refresh() reads outside the frame loop', () => {
    const shared = allocateSnapshot(snapshotLayout(2, 1), true);
    shared.control[0] = 2;
    const feed = startSharedFeed(shared, live);
    shared.clock[0] = 1234;
    shared.control[0] = 4;
    feed.refresh();
    expect(live.views?.clock[0]).toBe(1234);
    feed.stop();
  });
});
