/** Entry of `pnpm sim` (see sim-main.ts and the root README). */
import { simMain } from './sim-main.ts';

process.exitCode = simMain(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
