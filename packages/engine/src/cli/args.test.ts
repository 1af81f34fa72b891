import { describe, expect, it } from 'vitest';
import { parseDuration, parseInjection, parseSimArgs, UsageError } from './args.ts';

describe('pnpm sim arguments', () => {
  it('parses a full command line', () => {
    const a = parseSimArgs([
      '--preset',
      'mixed',
      '--seed',
      '42',
      '--duration',
      '30d',
      '--faults',
      'mtbf',
      '--inject',
      '10m:A.cpu-1:bitflip-register',
      '--inject',
      '5m:B.disk-10-40-1:pull',
      '--json',
    ]);
    expect(a).toMatchObject({
      preset: 'mixed',
      seed: 42,
      durationMs: 30 * 86_400_000,
      faults: 'mtbf',
      json: true,
    });
    expect(a.injections.map((i) => i.atMs)).toEqual([300_000, 600_000]);
  });

  it('parses durations', () => {
    expect(parseDuration('1y', 'd')).toBe(31_536_000_000);
    expect(parseDuration('1.5h', 'd')).toBe(5_400_000);
    expect(() => parseDuration('soon', '--duration')).toThrow(/not a duration/);
  });

  it.each([
    [[], /exactly one of --preset or --config/],
    [['--preset', 'a', '--config', 'b'], /exactly one/],
    [['--preset'], /needs a value/],
    [['--preset', 'x', '--seed', '-1'], /--seed/],
    [['--preset', 'x', '--faults', 'some'], /none or mtbf/],
    [['--preset', 'x', '--bogus'], /unknown argument '--bogus'/],
    [['--preset', 'x', '--duration', '1h', '--inject', '2h:A.cpu-0:os-crash'], /after the end/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSimArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseSimArgs(argv as string[])).toThrow(message);
  });

  it('rejects malformed injections', () => {
    expect(() => parseInjection('10m:A.cpu-0')).toThrow(/AT:COMPONENT:FAULT/);
    expect(() => parseInjection('10m:A.cpu-0:meltdown')).toThrow(/unknown fault 'meltdown'/);
  });
});
