/** Entry of `pnpm check:faults` (see check-faults-main.ts and the root README). */
import { wallClockMs } from '../worker/wall.clock.ts';
import { checkFaultsMain } from './check-faults-main.ts';

process.exitCode = await checkFaultsMain(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  now: wallClockMs,
});
