/** Runnable entry of the comparison CLI: `tsx packages/engine/src/alternatives/compare-main.ts`. */
import { runCompareCli } from './compareCli.ts';

process.exitCode = await runCompareCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY === true,
});
