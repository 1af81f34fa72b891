/**
 * `pnpm gen:workload`: writes workload.generated.ts, the build-time compiled form of the workload
 * (codegen.ts). Run it after changing the workload or the instruction set.
 */
import { writeFileSync } from 'node:fs';
import { generateModule } from './codegen.ts';
import { buildWorkload } from './workload.ts';

const target = new URL('./workload.generated.ts', import.meta.url);
writeFileSync(target, generateModule(buildWorkload()));
process.stdout.write(`gen:workload: wrote ${target.pathname}\n`);
