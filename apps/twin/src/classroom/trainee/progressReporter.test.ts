import type { ProgressInput } from '@ft/classroom/client';
import type { TwinHandle } from '@ft/twin';
import { describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, ProgressReporter } from './progressReporter.ts';

/** A twin as far as a report reads it: one system's status and the simulated time. */
function fakeTwin(status: string, simTimeMs: number): TwinHandle {
  return {
    instance: { store: { getState: () => ({ rack: { systems: [{ config: { id: 'A' } }] } }) } },
    api: { systemStatus: () => status, simTimeMs: () => simTimeMs },
  } as unknown as TwinHandle;
}

function fakeClient() {
  const order: string[] = [];
  const sent: ProgressInput[] = [];
  let failNext = false;
  return {
    order,
    sent,
    failOnce() {
      failNext = true;
    },
    client: {
      flush: vi.fn(async () => {
        order.push('flush');
      }),
      reportProgress: vi.fn(async (p: ProgressInput) => {
        order.push('report');
        if (failNext) {
          failNext = false;
          throw new Error('refused');
        }
        sent.push(p);
      }),
    },
  };
}

describe('ProgressReporter', () => {
  it("free play: reports the trainee's time and the twin's every heartbeat, after the log", async () => {
    const { client, sent, order } = fakeClient();
    const twin = fakeTwin('simplex', 61_234.6);
    const reporter = new ProgressReporter(client, () => ({ twin, run: null }));
    reporter.tick(HEARTBEAT_MS / 2);
    expect(client.flush).not.toHaveBeenCalled();
    reporter.tick(HEARTBEAT_MS / 2);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      lessonId: null,
      elapsedMs: HEARTBEAT_MS,
      systemStatus: 'simplex',
      simTimeMs: 61_235,
    });
    expect(order).toEqual(['flush', 'report']);
    // The heartbeat starts again from the report.
    reporter.tick(HEARTBEAT_MS - 1);
    expect(client.flush).toHaveBeenCalledTimes(1);
  });

  it('reports nothing while there is nothing to report on, and counts no time then', () => {
    const { client } = fakeClient();
    const reporter = new ProgressReporter(client, () => null);
    reporter.tick(10 * HEARTBEAT_MS);
    reporter.report();
    expect(reporter.freeElapsedMs).toBe(0);
    expect(client.flush).not.toHaveBeenCalled();
  });

  it('a refused report does not stop the next one; reset sets free time again', async () => {
    const { client, sent, failOnce } = fakeClient();
    const twin = fakeTwin('duplex', 0);
    const reporter = new ProgressReporter(client, () => ({ twin, run: null }));
    failOnce();
    reporter.report();
    reporter.reset(null, 5_000);
    reporter.report();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(client.reportProgress).toHaveBeenCalledTimes(2);
    expect(sent[0].elapsedMs).toBe(5_000);
  });
});
