/**
 * Selection and hover outlines: twelve thin bars per box (one instanced mesh for both boxes),
 * drawn unlit so the outline reads against any bezel.
 */
import {
  BoxGeometry,
  Color,
  InstancedBufferAttribute,
  InstancedMesh,
  Matrix4,
  MeshBasicMaterial,
} from 'three';

const EDGE_M = 0.0022;
const SIGNS = [-1, 1] as const;
const SELECTED = new Color('#35c6ff');
const HOVERED = new Color('#e9f2ff');

export class HighlightBoxes {
  readonly mesh: InstancedMesh;
  private readonly m = new Matrix4();

  constructor() {
    this.mesh = new InstancedMesh(
      new BoxGeometry(1, 1, 1),
      new MeshBasicMaterial({ toneMapped: false, transparent: true, opacity: 0.95 }),
      24,
    );
    this.mesh.name = 'highlight';
    this.mesh.frustumCulled = false;
    this.mesh.raycast = () => {};
    this.mesh.renderOrder = 3;
    const colors = new Float32Array(24 * 3);
    for (let i = 0; i < 24; i++) (i < 12 ? SELECTED : HOVERED).toArray(colors, i * 3);
    this.mesh.instanceColor = new InstancedBufferAttribute(colors, 3);
    this.hide(0);
    this.hide(1);
  }

  hide(box: 0 | 1): void {
    this.m.makeScale(0, 0, 0);
    for (let e = 0; e < 12; e++) this.mesh.setMatrixAt(box * 12 + e, this.m);
    this.mesh.instanceMatrix.needsUpdate = true;
  }

  /** Places outline `box` (0 selected, 1 hovered) around centre (cx, cy, cz) with size (w, h, d). */
  show(box: 0 | 1, cx: number, cy: number, cz: number, w: number, h: number, d: number): void {
    let e = box * 12;
    const t = box === 0 ? EDGE_M : EDGE_M * 0.6;
    for (let k1 = 0; k1 < 2; k1++) {
      const sy = SIGNS[k1];
      for (let k2 = 0; k2 < 2; k2++) {
        const sz = SIGNS[k2];
        this.m.makeScale(w + t, t, t).setPosition(cx, cy + (sy * h) / 2, cz + (sz * d) / 2);
        this.mesh.setMatrixAt(e++, this.m);
      }
    }
    for (let k3 = 0; k3 < 2; k3++) {
      const sx = SIGNS[k3];
      for (let k4 = 0; k4 < 2; k4++) {
        const sz = SIGNS[k4];
        this.m.makeScale(t, h + t, t).setPosition(cx + (sx * w) / 2, cy, cz + (sz * d) / 2);
        this.mesh.setMatrixAt(e++, this.m);
      }
    }
    for (let k5 = 0; k5 < 2; k5++) {
      const sx = SIGNS[k5];
      for (let k6 = 0; k6 < 2; k6++) {
        const sy = SIGNS[k6];
        this.m.makeScale(t, t, d + t).setPosition(cx + (sx * w) / 2, cy + (sy * h) / 2, cz);
        this.mesh.setMatrixAt(e++, this.m);
      }
    }
    this.mesh.instanceMatrix.needsUpdate = true;
  }
}
