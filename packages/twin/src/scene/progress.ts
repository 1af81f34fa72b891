/**
 * Resync / rebuild / diagnostics progress bars on bezels and disk carriers: one instanced mesh of
 * tracks and one of fills, shown while the snapshot's progress is ≥ 0.
 */
import { BoxGeometry, MeshBasicMaterial, MeshStandardMaterial } from 'three';
import { PartBatch } from './batch.ts';
import type { ProgressPlacement } from './layout/types.ts';

const STEPS = 256;

export class ProgressLayer {
  readonly track: PartBatch;
  readonly fill: PartBatch;
  private readonly owner: Int32Array;
  private readonly last: Float32Array;
  private readonly x: Float32Array;
  private readonly width: Float32Array;

  constructor(bars: readonly ProgressPlacement[]) {
    const geometry = new BoxGeometry(1, 1, 1);
    const spec = (b: ProgressPlacement, grow: number) => ({
      owner: b.owner,
      system: 0,
      x: b.x,
      y: b.y,
      z: b.z,
      sx: b.width + grow,
      sy: b.height + grow,
      sz: 0.0012,
      rear: b.rear,
    });
    this.track = new PartBatch(
      'progressTrack',
      geometry,
      new MeshStandardMaterial({ color: '#101418', metalness: 0.2, roughness: 0.6 }),
      bars.map((b) => spec(b, 0.001)),
      false,
    );
    this.fill = new PartBatch(
      'progressFill',
      geometry,
      new MeshBasicMaterial({ color: '#38d3ff', toneMapped: false }),
      bars.map((b) => ({ ...spec(b, 0), z: b.z + 0.0004 })),
      false,
    );
    this.owner = new Int32Array(bars.length);
    this.last = new Float32Array(bars.length).fill(Number.NaN);
    this.x = new Float32Array(bars.length);
    this.width = new Float32Array(bars.length);
    bars.forEach((b, k) => {
      this.owner[k] = b.owner;
      this.x[k] = b.x;
      this.width[k] = b.width;
      this.track.write(k, 0, 0, 0, false);
      this.fill.write(k, 0, 0, 0, false);
    });
  }

  /**
   * Shows each bar whose owner reports progress ≥ 0, at the owner's current offset. `moved` marks
   * owners whose offset or visibility changed this frame.
   */
  update(
    progress: Float32Array | null,
    offset: Float32Array,
    visible: Uint8Array,
    moved: Uint8Array,
  ): boolean {
    const fillArray = this.fill.mesh.instanceMatrix.array as Float32Array;
    for (let k = 0; k < this.owner.length; k++) {
      const o = this.owner[k];
      const raw = progress ? progress[o] : -1;
      const q = raw < 0 || !visible[o] ? -1 : Math.round(Math.min(1, raw) * STEPS) / STEPS;
      if (q === this.last[k] && !moved[o]) continue;
      this.last[k] = q;
      const show = q >= 0;
      const dx = offset[o * 3];
      const dy = offset[o * 3 + 1];
      const dz = offset[o * 3 + 2];
      this.track.write(k, dx, dy, dz, show);
      this.fill.write(k, dx, dy, dz, show && q > 0);
      if (show && q > 0) {
        // Left-aligned fill: scale x by q and move the centre left by half the missing width.
        fillArray[k * 16] = this.fill.base[k * 16] * q;
        fillArray[k * 16 + 12] = this.x[k] - (this.width[k] * (1 - q)) / 2 + dx;
      }
    }
    const track = this.track.flush();
    const fill = this.fill.flush();
    return track || fill;
  }
}
