import { describe, expect, it, vi } from 'vitest';

// A build whose generated module was made from another program (a stale one): the fingerprint
// does not match, so the engine must run the interpreter and say so.
vi.mock('./workload.generated.ts', () => ({
  GENERATED_FINGERPRINT: 0,
  runGeneratedWorkload: () => {
    throw new Error('a stale compiled workload must never run');
  },
}));

const { Engine } = await import('../engine.ts');

describe('a program that was not pre-compiled', () => {
  it('runs on the reference interpreter, with a log line saying so', () => {
    const engine = Engine.fromPreset('4300-dmr', { seed: 1 });
    expect(engine.world.cpu.compiledExecution).toBe(false);
    const log = engine.drainEvents().map((e) => e.message);
    expect(log.some((m) => m.includes('not pre-compiled') && m.includes('pnpm gen:workload'))).toBe(
      true,
    );
    engine.advance(500);
    expect(engine.counters()[0].transactionsExecuted).toBeGreaterThan(1000);
  });
});
