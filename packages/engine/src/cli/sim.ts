/**
 * Entry of `pnpm sim` (see sim-main.ts and the root README). `pnpm sim --compare ...` runs the
 * comparison of the ftServer with a failover cluster and a conventional server instead (the
 * same as `pnpm compare ...`, see alternatives/compareCli.ts).
 */
import { runCompareCli } from '../alternatives/compareCli.ts';
import { simMain } from './sim-main.ts';

const argv = process.argv.slice(2);
if (argv.includes('--compare')) {
  process.exitCode = await runCompareCli(
    argv.filter((arg) => arg !== '--compare'),
    {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      isTTY: process.stderr.isTTY === true,
    },
  );
} else {
  process.exitCode = simMain(argv, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
