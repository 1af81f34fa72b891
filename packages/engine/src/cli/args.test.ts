import { describe, expect, it } from 'vitest';
import {
  MAX_DURATION_MS,
  parseDuration,
  parseInjection,
  parseSimArgs,
  UsageError,
} from './args.ts';

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
      '--inject=5m:B.disk-10-40-1:pull',
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

  it('parses durations up to 100 years', () => {
    expect(parseDuration('1y', 'd')).toBe(31_536_000_000);
    expect(parseDuration('1.5h', 'd')).toBe(5_400_000);
    expect(parseDuration('100y', 'd')).toBe(MAX_DURATION_MS);
    expect(() => parseDuration('soon', '--duration')).toThrow(/not a duration/);
    expect(() => parseDuration('101y', '--duration')).toThrow(/longer than 100y/);
    expect(() => parseDuration('1000000y', '--duration')).toThrow(/longer than 100y/);
    expect(() => parseDuration('1234567890123456789012345s', '--duration')).toThrow(
      /not a duration/,
    );
  });

  it.each([
    [[], /exactly one of --preset or --config/],
    [['--preset', 'a', '--config', 'b'], /exactly one/],
    [['--preset'], /--preset needs a value/],
    [['--preset', '--json'], /--preset needs a value/],
    [['--preset', 'x', '--seed', '-1'], /--seed/],
    [['--preset', 'x', '--seed', '99999999999999999999999'], /--seed/],
    [['--preset', 'x', '--faults', 'some'], /none or mtbf/],
    [['--preset', 'x', '--bogus'], /unknown option "--bogus"/],
    [['--preset', 'x', 'extra'], /unexpected argument "extra"/],
    [['--preset', 'x', '--json=yes'], /--json takes no value/],
    [['--preset', 'x', '--seed', '1', '--seed', '2'], /--seed is given more than once/],
    [['--preset', 'x', '--duration', '0s'], /longer than 0/],
    [['--preset', 'x', '--duration', '1h', '--inject', '2h:A.cpu-0:os-crash'], /after the end/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSimArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseSimArgs(argv as string[])).toThrow(message);
  });

  it('shows values escaped and cut short, on one line', () => {
    let message = '';
    try {
      parseSimArgs(['--preset', 'x', '--faults', `a\nb${'c'.repeat(200)}`]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('"a\\nb');
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(120);
  });

  it('rejects malformed injections', () => {
    expect(() => parseInjection('10m:A.cpu-0')).toThrow(/AT:COMPONENT:FAULT/);
    expect(() => parseInjection('10m:A.cpu-0:meltdown')).toThrow(/unknown fault "meltdown"/);
  });
});
