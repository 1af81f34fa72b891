import { describe, expect, it } from 'vitest';
import { BatchRunner, scheduleSeed } from './batch.ts';
import { checkFaultsMain, parseCheckArgs } from './check-faults-main.ts';
import { FaultFreeStream } from './fault-free-stream.ts';
import { EnginePool, runSchedule } from './run-schedule.ts';
import { drawSchedule } from './schedule.ts';

function io() {
  let out = '';
  let err = '';
  let clock = 0;
  return {
    io: {
      out: (t: string) => (out += t),
      err: (t: string) => (err += t),
      now: () => (clock += 10),
    },
    text: () => ({ out, err }),
  };
}

describe('pnpm check:faults', () => {
  it('a short run in this thread: every schedule holds', () => {
    const result = new BatchRunner().run(2024, 0, 40);
    expect(result.schedules).toBe(40);
    expect(result.byMode.dmr + result.byMode.tmr).toBe(40);
    expect(result.violations).toEqual([]);
  }, 120_000);

  it('schedule i of seed S is schedule 0 of seed S + i (so a violation reproduces alone)', () => {
    const { parts } = new BatchRunner();
    expect(drawSchedule(scheduleSeed(7, 5), parts)).toEqual(
      drawSchedule(scheduleSeed(12, 0), parts),
    );
  });

  it('a wrong stream is reported (the checker can fail)', () => {
    class WrongOracle extends FaultFreeStream {
      override hashAt(outputs: number): number {
        return (super.hashAt(outputs) + 1) >>> 0;
      }
    }
    const { parts } = new BatchRunner();
    const outcome = runSchedule(drawSchedule(3, parts), new WrongOracle(), new EnginePool());
    expect(outcome.violations.join('\n')).toMatch(/\(a\) the output stream differs/);
  });

  it('runs in worker threads and prints one JSON line', async () => {
    const { io: sink, text } = io();
    const code = await checkFaultsMain(['--schedules', '8', '--seed', '99', '--json'], sink);
    expect(code).toBe(0);
    const line = JSON.parse(text().out);
    expect(line).toMatchObject({ schedules: 8, violations: 0, seed: 99, failures: [] });
    expect(line.schedulesPerS).toBeGreaterThan(0);
  }, 120_000);

  it.each([
    [['--schedules', '0'], /--schedules/],
    [['--schedules', 'many'], /--schedules/],
    [['--seed', '-3'], /--seed/],
    [['--seed', '1', '--seed', '2'], /more than once/],
    [['--fast'], /unknown option "--fast"/],
    [['extra'], /unexpected argument/],
    [['--json=1'], /takes no value/],
  ])('rejects %j with one line and exit code 2', async (argv, message) => {
    expect(() => parseCheckArgs(argv)).toThrow(message);
    const { io: sink, text } = io();
    expect(await checkFaultsMain(argv, sink)).toBe(2);
    expect(text().err.trimEnd().split('\n')).toHaveLength(1);
    expect(text().out).toBe('');
  });
});
