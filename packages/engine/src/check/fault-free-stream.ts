/**
 * The oracle of the fault checker: the output stream of the workload run fault-free from power
 * on, as the hash the engine keeps of its emitted stream after each output (Engine.outputHash).
 * It runs one replica of the workload with no voter, so it shares no code path with the engine
 * beyond the program itself. The stream does not depend on the engine's seed.
 */
import { CpuComplex } from '../cpu/complex.ts';

/** FNV-1a offset basis: the engine's output hash before any output. */
const HASH_START = 2166136261;

export class FaultFreeStream {
  private readonly cpu = new CpuComplex({ systems: 1, replicasPerSystem: 1 });
  private hashes = new Uint32Array(1 << 16);
  private length = 1;

  constructor() {
    this.cpu.reset(0, true);
    this.hashes[0] = HASH_START;
  }

  /** The hash of the first `outputs` outputs of the fault-free stream. */
  hashAt(outputs: number): number {
    while (this.length <= outputs) this.extend();
    return this.hashes[outputs];
  }

  private extend(): void {
    const cpu = this.cpu;
    cpu.clearOutputs(0);
    cpu.run(0, 10_000);
    const count = cpu.outCount[0];
    if (this.length + count > this.hashes.length) {
      const grown = new Uint32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    let h = this.hashes[this.length - 1];
    for (let j = 0; j < count; j++) {
      h = Math.imul(h ^ cpu.outValue[j], 16777619) >>> 0;
      this.hashes[this.length++] = h;
    }
  }
}
