import { describe, expect, it } from 'vitest';
import { runCompareCli } from './compareCli.ts';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCompareCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('pnpm compare: bad input', () => {
  it.each([
    [[], /--preset is required/],
    [['--preset'], /argument missing|--preset/],
    [['--preset', 'nope'], /--preset: unknown preset "nope"; valid presets: 4300-dmr/],
    [['--preset', '4300-dmr', '--duration', '1 year'], /--duration: "1 year" is not a duration/],
    [['--preset', '4300-dmr', '--duration', '1s'], /between 10s and 100y/],
    [['--preset', '4300-dmr', '--duration', '101y'], /between 10s and 100y/],
    [['--preset', '4300-dmr', '--seeds', '0'], /--seeds: "0" must be an integer from 1 to 100000/],
    [['--preset', '4300-dmr', '--seeds', '1e3'], /--seeds: "1e3"/],
    [['--preset', '4300-dmr', '--seed', '-1'], /--seed/],
    [
      ['--preset', '4300-dmr', '--workers', '999'],
      /--workers: "999" must be an integer from 1 to 64/,
    ],
    [['--preset', '4300-dmr', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['--preset', '4300-dmr', 'extra'], /positional/i],
    [['--preset', 'x'.repeat(5000)], /unknown preset/],
  ])('%j → exit 2, one line', async (argv, message) => {
    const { code, out, err } = await run(argv as string[]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.endsWith('\n')).toBe(true);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err.length).toBeLessThan(400);
  });
});

describe('pnpm compare: a run', () => {
  it('prints one JSON line with the three architectures and the closed forms', async () => {
    const { code, out } = await run([
      '--compare',
      '--preset',
      '4300-dmr',
      '--duration',
      '30d',
      '--seeds',
      '3',
      '--seed',
      '7',
      '--workers',
      '1',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    const json = JSON.parse(out);
    for (const arch of ['ftserver', 'cluster', 'conventional']) {
      const a = json.architectures[arch];
      expect(Object.keys(a)).toEqual(
        expect.arrayContaining([
          'availability',
          'ci95',
          'downtimeS',
          'transactionsLost',
          'silentDataCorruptions',
        ]),
      );
      expect(a.availability).toBeGreaterThan(0.99);
      expect(a.availability).toBeLessThanOrEqual(1);
      expect(a.ci95).toHaveLength(2);
      expect(a.ci95[0]).toBeLessThanOrEqual(a.availability);
      expect(json.closedForm[arch].availability).toBeGreaterThan(0.999);
    }
    expect(json).toMatchObject({
      preset: '4300-dmr',
      seeds: 3,
      firstSeed: 7,
      durationS: 30 * 86_400,
    });
  });

  it('gives the same figures on worker threads as in one thread', async () => {
    const argv = ['--preset', '4300-dmr', '--duration', '20d', '--seeds', '4', '--json'];
    const inline = await run([...argv, '--workers', '1']);
    const threads = await run([...argv, '--workers', '2']);
    expect(threads.code).toBe(0);
    expect(threads.out).toBe(inline.out);
  });

  it('prints a table without --json', async () => {
    const { code, out } = await run([
      '--preset',
      '4300-dmr',
      '--duration',
      '10d',
      '--seeds',
      '2',
      '--workers',
      '1',
      '--unmirrored',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^ftServer 4300 \(DMR\): 2 seed\(s\) × 10\.0 days/);
    expect(out).toMatch(/\nHA cluster +\d/);
    expect(out).toMatch(/\nconventional +\d/);
  });
});
