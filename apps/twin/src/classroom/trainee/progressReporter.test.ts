import type { ProgressInput } from '@ft/classroom/client';
import type { TwinHandle } from '@ft/twin';
import { describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, noticeAfterReport, ProgressReporter } from './progressReporter.ts';

/** A twin as far as a report reads it: one system's status and the simulated time. */
function fakeTwin(status: string, simTimeMs: number): TwinHandle {
  return {
    instance: { store: { getState: () => ({ rack: { systems: [{ config: { id: 'A' } }] } }) } },
    api: { systemStatus: () => status, simTimeMs: () => simTimeMs },
  } as unknown as TwinHandle;
}

/** The page's notice line. */
function noticeLine(text: string | null = null) {
  const line = { text, get: () => line.text, set: (t: string | null) => (line.text = t) };
  return line;
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
    const reporter = new ProgressReporter(client, () => ({ twin, run: null }), noticeLine());
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
    const reporter = new ProgressReporter(client, () => null, noticeLine());
    reporter.tick(10 * HEARTBEAT_MS);
    reporter.report();
    expect(reporter.freeElapsedMs).toBe(0);
    expect(client.flush).not.toHaveBeenCalled();
  });

  it('a refused report does not stop the next one; reset sets free time again', async () => {
    const { client, sent, failOnce } = fakeClient();
    const twin = fakeTwin('duplex', 0);
    const reporter = new ProgressReporter(client, () => ({ twin, run: null }), noticeLine());
    failOnce();
    reporter.report();
    reporter.reset(null, 5_000);
    reporter.report();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(client.reportProgress).toHaveBeenCalledTimes(2);
    expect(sent[0].elapsedMs).toBe(5_000);
  });

  it('a refused report says so, sends its news again with the next report, and the notice goes', async () => {
    const { client, sent, failOnce } = fakeClient();
    const twin = fakeTwin('duplex', 0);
    const notice = noticeLine();
    const reporter = new ProgressReporter(client, () => ({ twin, run: null }), notice);
    const step = { index: 0, title: 'Find the failed element', atMs: 4_000, points: 10 };
    failOnce();
    reporter.report([{ stepPassed: step }]);
    await vi.waitFor(() => expect(notice.text).toMatch(/^Your progress did not reach/));
    expect(sent).toEqual([]);
    reporter.report([{ mistake: { atMs: 5_000, text: 'pulled the good CPU' } }]);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0].stepPassed).toEqual(step);
    expect(sent[1].mistake?.text).toBe('pulled the good CPU');
    expect(notice.text).toBeNull();
  });
});

describe('noticeAfterReport', () => {
  it('shows the problem unless another notice is up, and takes only its own away', () => {
    expect(noticeAfterReport(null, 'timed out')).toBe(
      'Your progress did not reach the instructor (timed out); it is sent again.',
    );
    expect(noticeAfterReport('The lesson could not be loaded', 'timed out')).toBeUndefined();
    expect(
      noticeAfterReport('Your progress did not reach the instructor (x); it is sent again.', null),
    ).toBeNull();
    expect(noticeAfterReport('The lesson could not be loaded', null)).toBeUndefined();
    expect(noticeAfterReport(null, null)).toBeUndefined();
  });
});
