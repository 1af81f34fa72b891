/**
 * The Active Upgrade and call-home overlays as two instanced meshes for the whole rack (draw calls
 * do not grow with systems): an additive glow mesh (frames and a faint wash over each drawer in
 * its half's colour while a system is split, spines and ticks tying each half to its label, the
 * merge bus; see `frameSpecs.ts`), and one quad mesh over a canvas atlas for the floating labels
 * and the ftGateway badge. Either mesh is hidden, costing no draw call, while it has nothing to
 * show. `setSystems` runs on engine events; `update` runs per frame, only moving
 * instances whose drawer moved, without allocating.
 */
import type { SystemInfo } from '@ft/engine';
import type { RackModel } from '@ft/hardware';
import {
  AdditiveBlending,
  BoxGeometry,
  Color,
  InstancedBufferAttribute,
  Matrix4,
  MeshBasicMaterial,
  Quaternion,
  Vector3,
} from 'three';
import { type InstanceSpec, PartBatch } from '../batch.ts';
import { FrameRole, type FrameInstances, SPINE_X_M, buildFrameInstances } from './frameSpecs.ts';
import { quadGeometry } from '../geometry.ts';
import { CELLS_PER_SYSTEM, type CellStyle, HALF_COLORS, OverlayAtlas } from './overlayAtlas.ts';
import { OVERLAY, type OverlayPlacements, buildOverlayPlacements } from './placement.ts';
import { gatewayBadge, halfOfSide, showsHalves, upgradeLabels } from './upgradeView.ts';

/** Wash brightness relative to the frame colour (additive). */
const WASH_GAIN = 0.055;
/** The half labels' outer ends overhang the spines by this much. */
const LABEL_OVERHANG_M = 0.006;

/** Label instances per system, in this order. */
enum Slot {
  Production,
  Upgrade,
  Single,
  RearProduction,
  RearUpgrade,
  RearSingle,
  Badge,
}
const PER_SYSTEM = 7;
/** Atlas cell (within the system's cells) of each slot. */
const CELL_OF: readonly number[] = [0, 1, 2, 0, 1, 2, 3];

const m = new Matrix4();
const pos = new Vector3();
const scl = new Vector3();
const qFront = new Quaternion();
const qRear = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), Math.PI);
const halfColor = {
  production: new Color(HALF_COLORS.production),
  upgrade: new Color(HALF_COLORS.upgrade),
};
const tmp = new Color();

export class UpgradeOverlay {
  readonly placements: OverlayPlacements;
  readonly frames: PartBatch;
  readonly labels: PartBatch;
  private readonly atlas: OverlayAtlas;
  private readonly uvRects: InstancedBufferAttribute;
  private readonly glow: FrameInstances;
  private readonly frameOn: Uint8Array;
  private readonly labelOn: Uint8Array;
  private readonly labelH: Float32Array;
  private readonly labelRear: Uint8Array;
  private readonly labelX: Float32Array;
  private dirty = true;
  /** What the last `setSystems` drew, so frequent refreshes (SAM figures) cost nothing. */
  private shown = '\u0000';

  constructor(rack: RackModel) {
    this.placements = buildOverlayPlacements(rack);
    const { systems } = this.placements;
    this.glow = buildFrameInstances(this.placements);
    const specs = this.glow.specs;
    this.frames = new PartBatch(
      'upgradeFrames',
      new BoxGeometry(1, 1, 1),
      new MeshBasicMaterial({
        blending: AdditiveBlending,
        transparent: true,
        depthWrite: false,
        toneMapped: false,
      }),
      specs,
      false,
    );
    this.frames.mesh.instanceColor = new InstancedBufferAttribute(
      new Float32Array(specs.length * 3),
      3,
    );
    this.frames.mesh.renderOrder = 2;
    this.frameOn = new Uint8Array(specs.length);

    this.atlas = new OverlayAtlas(systems.length);
    const labelSpecs: InstanceSpec[] = [];
    systems.forEach((s, i) => {
      const y = s.labelY + OVERLAY.labelH / 2;
      const front = (x: number) => ({ x, y, z: s.labelZ, rear: false });
      const back = (x: number) => ({ x, y, z: s.rearLabelZ, rear: true });
      const slots = [
        front(-OVERLAY.halfLabelX),
        front(OVERLAY.halfLabelX),
        front(0),
        // Seen from behind, production stays on the viewer's left.
        back(OVERLAY.halfLabelX),
        back(-OVERLAY.halfLabelX),
        back(0),
        { x: s.badgeX, y: s.badgeY, z: s.badgeZ, rear: false },
      ];
      for (const [k, p] of slots.entries()) {
        const owner = k === Slot.Badge ? s.badgeOwner : -1;
        labelSpecs.push({ owner, system: i, ...p, sx: 1, sy: 1, sz: 1 });
      }
    });
    const geometry = quadGeometry();
    this.uvRects = new InstancedBufferAttribute(new Float32Array(labelSpecs.length * 4), 4);
    geometry.setAttribute('uvRect', this.uvRects);
    const material = new MeshBasicMaterial({
      map: this.atlas.texture,
      transparent: true,
      depthWrite: false,
      toneMapped: false,
      polygonOffset: true,
      polygonOffsetFactor: -2,
    });
    material.onBeforeCompile = (shader) => {
      shader.vertexShader = shader.vertexShader
        .replace('#include <common>', '#include <common>\nattribute vec4 uvRect;')
        .replace(
          '#include <uv_vertex>',
          '#include <uv_vertex>\n\tvMapUv = uvRect.xy + vMapUv * uvRect.zw;',
        );
    };
    material.customProgramCacheKey = () => 'ftOverlayAtlas';
    this.labels = new PartBatch('upgradeLabels', geometry, material, labelSpecs, false);
    this.labels.mesh.renderOrder = 4;
    this.labelOn = new Uint8Array(labelSpecs.length);
    this.labelRear = Uint8Array.from(labelSpecs, (l) => (l.rear ? 1 : 0));
    this.labelX = Float32Array.from(labelSpecs, (l) => l.x);
    this.labelH = Float32Array.from(labelSpecs, (_, i) => {
      const slot = i % PER_SYSTEM;
      if (slot === Slot.Badge) return OVERLAY.badgeH;
      return slot === Slot.Single || slot === Slot.RearSingle ? OVERLAY.noteH : OVERLAY.labelH;
    });
    this.setSystems([]);
  }

  /** Applies the engine's per-system info (discrete: on engine events, never per frame). */
  setSystems(infos: readonly SystemInfo[]): void {
    const key = infos.map(overlayKey).join('\n');
    if (key === this.shown) return;
    this.shown = key;
    const { systems } = this.placements;
    const byId = new Map(infos.map((s) => [s.systemId, s]));
    const info = systems.map((spot) => byId.get(spot.id));
    const colors = this.frames.mesh.instanceColor!;
    const g = this.glow;
    let anyFrame = false;
    for (let i = 0; i < g.specs.length; i++) {
      const u = info[g.specs[i].system]?.upgrade;
      const half = u && showsHalves(u.state) ? halfOfSide(g.side[i], u.productionSide) : null;
      const on =
        half !== null &&
        (g.position[i] === 0 || g.position[i] === (half === 'production' ? 1 : 2)) &&
        (g.role[i] !== FrameRole.MergeBus || u?.state === 'Merge');
      this.frameOn[i] = on ? 1 : 0;
      if (!on || !half) continue;
      anyFrame = true;
      tmp.copy(halfColor[half]);
      if (g.wash[i]) tmp.multiplyScalar(WASH_GAIN);
      colors.setXYZ(i, tmp.r, tmp.g, tmp.b);
    }
    colors.needsUpdate = true;
    this.frames.mesh.visible = anyFrame;

    let anyLabel = false;
    let upload = false;
    systems.forEach((s, si) => {
      const info = byId.get(s.id);
      const labels = info ? upgradeLabels(info.upgrade) : null;
      const badge = info ? gatewayBadge(info.gateway) : null;
      const single: CellStyle = labels?.singleStyle === 'merge' ? 'merge' : 'note';
      const cells: [string, CellStyle][] = [
        [labels?.production ?? '', 'production'],
        [labels?.upgrade ?? '', 'upgrade'],
        [labels?.single ?? '', single],
        [badge?.text ?? '', badge?.linkUp === false ? 'gatewayDown' : 'gateway'],
      ];
      const aspects = cells.map(([text, style], c) => {
        const r = this.atlas.draw(si * CELLS_PER_SYSTEM + c, text, style);
        upload ||= r.changed;
        return text ? r.aspect : 0;
      });
      for (let k = 0; k < PER_SYSTEM; k++) {
        const i = si * PER_SYSTEM + k;
        const aspect = aspects[CELL_OF[k]];
        this.labelOn[i] = aspect > 0 ? 1 : 0;
        if (aspect === 0) continue;
        anyLabel = true;
        this.atlas.uv(
          si * CELLS_PER_SYSTEM + CELL_OF[k],
          aspect,
          this.uvRects.array as Float32Array,
          i * 4,
        );
        const w = this.labelH[i] * aspect;
        // The front half labels sit on their spines: outer end just past the spine.
        const x =
          k === Slot.Production
            ? -SPINE_X_M - LABEL_OVERHANG_M + w / 2
            : k === Slot.Upgrade
              ? SPINE_X_M + LABEL_OVERHANG_M - w / 2
              : this.labelX[i];
        this.rescale(i, x, w, this.labelH[i]);
      }
    });
    this.uvRects.needsUpdate = true;
    if (upload) this.atlas.texture.needsUpdate = true;
    this.labels.mesh.visible = anyLabel;
    this.dirty = true;
  }

  /**
   * Per frame: moves overlays whose drawer moved (pulled, inserted, hidden) and, after
   * `setSystems`, every overlay. `offset`, `visible` and `moved` are the runtime's per-component
   * arrays.
   */
  update(offset: Float32Array, visible: Uint8Array, moved: Uint8Array): boolean {
    const all = this.dirty;
    this.dirty = false;
    sync(this.frames, this.frames.owner, this.frameOn, offset, visible, moved, all);
    sync(this.labels, this.labels.owner, this.labelOn, offset, visible, moved, all);
    const frames = this.frames.flush();
    const labels = this.labels.flush();
    return all || frames || labels;
  }

  dispose(): void {
    this.atlas.dispose();
    this.frames.mesh.geometry.dispose();
    this.labels.mesh.geometry.dispose();
    (this.frames.mesh.material as MeshBasicMaterial).dispose();
    (this.labels.mesh.material as MeshBasicMaterial).dispose();
  }

  /** Rewrites the home matrix of label instance `i`: centre x, width `w`, height `h`. */
  private rescale(i: number, x: number, w: number, h: number): void {
    const b = this.labels.base;
    const o = i * 16;
    pos.set(x, b[o + 13], b[o + 14]);
    m.compose(pos, this.labelRear[i] ? qRear : qFront, scl.set(w, h, 1));
    m.toArray(b, o);
  }
}

/** The fields of a system's info that the overlay draws. */
function overlayKey(s: SystemInfo): string {
  const u = s.upgrade;
  const g = s.gateway;
  return `${s.systemId}|${u.state}|${u.productionSide}|${u.productionVersion}|${u.upgradeVersion}|${g.role}|${g.linkUp}`;
}

function sync(
  batch: PartBatch,
  owner: Int32Array,
  on: Uint8Array,
  offset: Float32Array,
  visible: Uint8Array,
  moved: Uint8Array,
  all: boolean,
): void {
  for (let i = 0; i < owner.length; i++) {
    const o = owner[i];
    if (!all && (o < 0 || moved[o] === 0)) continue;
    if (o < 0) batch.write(i, 0, 0, 0, on[i] === 1);
    else
      batch.write(
        i,
        offset[o * 3],
        offset[o * 3 + 1],
        offset[o * 3 + 2],
        on[i] === 1 && visible[o] === 1,
      );
  }
}
