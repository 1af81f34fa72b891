/**
 * Run by csp.test.ts under `node --disallow-code-generation-from-strings` (what a Content
 * Security Policy without 'unsafe-eval' does in a browser): a rack with random faults for a
 * simulated day; prints what the test checks.
 */
import { Engine } from '../engine.ts';

const engine = Engine.fromPreset('mixed', { seed: 3, randomFaults: true, autoRepair: true });
engine.command({ type: 'inject', target: 'C.cpu-1', fault: 'bitflip-register' });
const events = [];
for (let hour = 0; hour < 24; hour++) {
  engine.advance(3_600_000, true);
  events.push(...engine.drainEvents());
}
process.stdout.write(
  `${JSON.stringify({
    compiled: engine.world.cpu.compiledExecution,
    fallback: events.some((e) => e.message.includes('not pre-compiled')),
    executed: engine.counters().map((c) => c.transactionsExecuted),
  })}\n`,
);
