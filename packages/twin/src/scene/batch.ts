/**
 * One InstancedMesh of a part type for the whole rack, with each instance's home matrix and owner
 * component. Pull offsets are pure translations, so moving an instance only rewrites the
 * translation of its home matrix in place: no allocation, no matrix maths per frame.
 */
import {
  type BufferGeometry,
  DynamicDrawUsage,
  InstancedMesh,
  type Material,
  Matrix4,
  Quaternion,
  Vector3,
} from 'three';

/** Where hidden instances go (tiny and far below the floor; keeps matrices invertible for rays). */
const HIDDEN_Y = -50;
const HIDDEN_SCALE = 1e-6;

export interface InstanceSpec {
  owner: number;
  system: number;
  x: number;
  y: number;
  z: number;
  sx: number;
  sy: number;
  sz: number;
  rear: boolean;
}

const m = new Matrix4();
const p = new Vector3();
const s = new Vector3();
const qFront = new Quaternion();
const qRear = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), Math.PI);

export class PartBatch {
  readonly mesh: InstancedMesh;
  readonly owner: Int32Array;
  readonly system: Int32Array;
  /** Home matrices, 16 floats per instance. */
  readonly base: Float32Array;
  dirty = false;

  constructor(
    readonly name: string,
    geometry: BufferGeometry,
    material: Material,
    specs: readonly InstanceSpec[],
    readonly pickable: boolean,
  ) {
    const n = specs.length;
    this.mesh = new InstancedMesh(geometry, material, n);
    this.mesh.name = name;
    this.mesh.frustumCulled = false;
    this.mesh.instanceMatrix.setUsage(DynamicDrawUsage);
    this.mesh.userData.batch = this;
    if (!pickable) this.mesh.raycast = () => {};
    this.owner = new Int32Array(n);
    this.system = new Int32Array(n);
    this.base = new Float32Array(n * 16);
    specs.forEach((spec, i) => {
      this.owner[i] = spec.owner;
      this.system[i] = spec.system;
      m.compose(
        p.set(spec.x, spec.y, spec.z),
        spec.rear ? qRear : qFront,
        s.set(spec.sx, spec.sy, spec.sz),
      );
      m.toArray(this.base, i * 16);
    });
    this.mesh.instanceMatrix.array.set(this.base);
    this.mesh.computeBoundingSphere();
  }

  /** Writes instance `i` at home + (dx, dy, dz), or hides it. */
  write(i: number, dx: number, dy: number, dz: number, visible: boolean): void {
    const a = this.mesh.instanceMatrix.array as Float32Array;
    const o = i * 16;
    if (visible) {
      for (let k = 0; k < 12; k++) a[o + k] = this.base[o + k];
      a[o + 12] = this.base[o + 12] + dx;
      a[o + 13] = this.base[o + 13] + dy;
      a[o + 14] = this.base[o + 14] + dz;
      a[o + 15] = 1;
    } else {
      for (let k = 0; k < 16; k++) a[o + k] = 0;
      a[o] = HIDDEN_SCALE;
      a[o + 5] = HIDDEN_SCALE;
      a[o + 10] = HIDDEN_SCALE;
      a[o + 13] = HIDDEN_Y;
      a[o + 15] = 1;
    }
    this.dirty = true;
  }

  /** Uploads changed matrices and refreshes the bounds used by picking; true if any changed. */
  flush(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    this.mesh.instanceMatrix.needsUpdate = true;
    this.mesh.computeBoundingSphere();
    return true;
  }
}
