import { Engine } from '@ft/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineDriver } from './engine-driver.ts';
import { runScenario } from './runner.ts';
import type { ScenarioStep } from './types.ts';

const cpu = fc.constantFrom('A.cpu-0', 'A.cpu-1');
const part = fc.constantFrom(
  'A.cpu-0',
  'A.cpu-1',
  'A.io-10',
  'A.disk-11-40-2',
  'A.pci-10-1',
  'A.psu-1',
  'A.nic-10-5',
);
const step: fc.Arbitrary<ScenarioStep> = fc.oneof(
  fc.record({
    do: fc.constant('inject' as const),
    target: cpu,
    fault: fc.constantFrom('self-check' as const, 'stuck-at' as const, 'os-crash' as const),
  }),
  fc.record({ do: fc.constant('pull' as const), target: part, force: fc.boolean() }),
  fc.record({ do: fc.constant('insert' as const), target: part, replacement: fc.boolean() }),
  fc.record({ do: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({
    do: fc.constant('wait' as const),
    until: fc.record({
      check: fc.constant('system' as const),
      system: fc.constant('A'),
      status: fc.constantFrom('duplex', 'down'),
    }),
    timeoutMs: fc.integer({ min: 1, max: 5000 }),
  }),
  fc.record({ do: fc.constant('warp' as const), limitMs: fc.integer({ min: 1, max: 600_000 }) }),
  fc.record({
    do: fc.constant('command' as const),
    command: fc.record({ type: fc.constant('bringDown' as const), target: part }),
  }),
);

describe('runScenario (properties)', () => {
  it('never throws, reports every step once in order, and time never goes back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 1000 }),
        async (steps, seed) => {
          const driver = new EngineDriver(Engine.fromPreset('4300-dmr', { seed }));
          const run = await runScenario({ steps }, driver);
          expect(run.status).toBe('completed');
          expect(run.steps.map((r) => r.index)).toEqual(steps.map((_, i) => i));
          for (const r of run.steps) {
            expect(r.endMs).toBeGreaterThanOrEqual(r.startMs);
            if (!r.ok) expect(typeof r.error).toBe('string');
          }
          expect(run.failed).toBe(run.steps.filter((r) => !r.ok).length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
