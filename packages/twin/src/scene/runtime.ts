/**
 * The scene's imperative core: builds every instanced mesh of a rack once, then, per frame, reads
 * the snapshot and moves, hides and recolours instances in place. Nothing here touches React;
 * nothing in `update` allocates.
 */
import { ComponentFlag, OpState, type SystemInfo } from '@ft/engine';
import type { SnapshotViews } from '@ft/engine/snapshot';
import type { RackModel } from '@ft/hardware';
import { Group } from 'three';
import { PartBatch } from './batch.ts';
import { handleGeometry, unitBoxFrontUv, unitBoxTopUv } from './geometry.ts';
import { HighlightBoxes } from './highlight.ts';
import { LabelLayer } from './labels.ts';
import { buildLayout } from './layout/build.ts';
import { PART_TYPES } from './layout/sink.ts';
import type { SceneLayout } from './layout/types.ts';
import { LedLayer } from './leds.ts';
import { partMaterials } from './materials.ts';
import { BenchSlots, pullOffset, stepPhase } from './motion.ts';
import type { UpgradeOverlay } from './overlay/UpgradeOverlay.ts';
import { ProgressLayer } from './progress.ts';
import type { Quality } from './quality.ts';

const isPulled = (flags: Uint8Array | null, i: number): boolean =>
  flags !== null && i >= 0 && (flags[i] & ComponentFlag.Pulled) !== 0;

/** Removed or empty: the bay shows empty unless the part is out on its way or on the shelf. */
const isOut = (state: Uint8Array | null, i: number): boolean =>
  state !== null && (state[i] === OpState.Removed || state[i] === OpState.Empty);

/** Clearance between a part's face and the edge of its bench shelf. */
const BENCH_FACE_M = 0.03;

export class SceneRuntime {
  readonly layout: SceneLayout;
  readonly group = new Group();
  readonly batches: PartBatch[] = [];
  readonly leds: LedLayer;
  readonly labels: LabelLayer;
  readonly progress: ProgressLayer;
  readonly highlight = new HighlightBoxes();
  /**
   * Active Upgrade halves and the ftGateway badge; fed by {@link setSystems}. Null until
   * {@link loadOverlay} (after the first frame: the embed's first-frame budget).
   */
  upgrade: UpgradeOverlay | null = null;
  private overlayRequested = false;
  private overlayArrived = false;
  private disposed = false;
  private systemInfos: readonly SystemInfo[] = [];
  readonly ids: readonly string[];
  /** Effective offset from home of each component (own pull, else its parent's), xyz. */
  readonly offset: Float32Array;
  readonly visible: Uint8Array;
  private readonly own: Float32Array;
  private readonly phase: Float32Array;
  private readonly slot: Int16Array;
  private readonly bench: Float32Array;
  private readonly moved: Uint8Array;
  private readonly slots = new BenchSlots();
  /** Instances of each component across batches: CSR over (batch, instance) pairs. */
  private readonly refStart: Int32Array;
  private readonly refBatch: Int32Array;
  private readonly refIndex: Int32Array;
  selected = -1;
  hovered = -1;
  private highlightDirty = true;

  constructor(
    private readonly rack: RackModel,
    quality: Quality,
  ) {
    this.layout = buildLayout(rack);
    this.ids = rack.components.map((c) => c.id);
    const n = this.layout.components.count;
    const materials = partMaterials(quality);
    const box = unitBoxFrontUv();
    const handle = handleGeometry();
    const top = unitBoxTopUv();
    const geometryOf = (type: string) =>
      type === 'handle' ? handle : type === 'drawer' ? top : box;
    for (const type of PART_TYPES) {
      const specs = this.layout.parts[type];
      if (specs.length === 0) continue;
      const pickable = type !== 'rackBlank' && type !== 'bayRecess';
      this.batches.push(new PartBatch(type, geometryOf(type), materials[type], specs, pickable));
    }
    this.leds = new LedLayer(this.layout.leds, n);
    this.labels = new LabelLayer(this.layout.labels);
    this.progress = new ProgressLayer(this.layout.progress);
    this.batches.push(this.leds.lenses, this.leds.glows, this.labels.batch);
    for (const b of this.batches) this.group.add(b.mesh);
    this.group.add(this.progress.track.mesh, this.progress.fill.mesh, this.highlight.mesh);

    const counts = new Int32Array(n + 1);
    for (const b of this.batches)
      for (let i = 0; i < b.owner.length; i++) if (b.owner[i] >= 0) counts[b.owner[i] + 1]++;
    for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
    this.refStart = counts;
    const total = counts[n];
    this.refBatch = new Int32Array(total);
    this.refIndex = new Int32Array(total);
    const fill = counts.slice(0, n);
    this.batches.forEach((b, bi) => {
      for (let i = 0; i < b.owner.length; i++) {
        const o = b.owner[i];
        if (o < 0) continue;
        this.refBatch[fill[o]] = bi;
        this.refIndex[fill[o]++] = i;
      }
    });
    this.offset = new Float32Array(n * 3);
    this.own = new Float32Array(n * 3);
    this.visible = new Uint8Array(n).fill(1);
    this.phase = new Float32Array(n);
    this.slot = new Int16Array(n).fill(-1);
    this.bench = new Float32Array(n * 3);
    this.moved = new Uint8Array(n);
  }

  /**
   * Per-frame update from the latest snapshot. `tS` is wall time in seconds for blinking.
   * Returns true when anything visible changed (the frame must be drawn).
   */
  update(views: SnapshotViews | null, dtS: number, tS: number, reducedMotion: boolean): boolean {
    const c = this.layout.components;
    const n = c.count;
    const ok = views !== null && views.flags.length === n;
    const flags = ok ? views.flags : null;
    const state = ok ? views.state : null;
    for (let i = 0; i < n; i++) {
      // Parts inside a pulled CRU are flagged too, but they ride along with it.
      const pulled = isPulled(flags, i) && !isPulled(flags, c.parent[i]);
      const target = pulled ? 1 : 0;
      if (pulled && this.slot[i] < 0) this.takeSlot(i);
      if (this.phase[i] !== target)
        this.phase[i] = stepPhase(this.phase[i], target, dtS, reducedMotion);
      if (!pulled && this.phase[i] === 0 && this.slot[i] >= 0) {
        this.slots.release(this.slot[i]);
        this.slot[i] = -1;
      }
      if (this.phase[i] > 0) {
        pullOffset(
          this.phase[i],
          c.facing[i],
          c.slide[i],
          this.bench[i * 3],
          this.bench[i * 3 + 1],
          this.bench[i * 3 + 2],
          this.own,
          i * 3,
        );
      } else {
        this.own[i * 3] = 0;
        this.own[i * 3 + 1] = 0;
        this.own[i * 3 + 2] = 0;
      }
    }
    for (let i = 0; i < n; i++) {
      const p = c.parent[i];
      const rides = p >= 0 && this.phase[i] === 0;
      const src = rides ? p : i;
      // Present in the model: in its bay, on its way, or carried inside a pulled parent.
      const here = this.phase[i] > 0 || isPulled(flags, i) || !isOut(state, i);
      const vis = here && (!rides || this.phase[p] > 0 || !isOut(state, p)) ? 1 : 0;
      const dx = this.own[src * 3];
      const dy = this.own[src * 3 + 1];
      const dz = this.own[src * 3 + 2];
      const o = i * 3;
      if (
        dx !== this.offset[o] ||
        dy !== this.offset[o + 1] ||
        dz !== this.offset[o + 2] ||
        vis !== this.visible[i]
      ) {
        this.offset[o] = dx;
        this.offset[o + 1] = dy;
        this.offset[o + 2] = dz;
        this.visible[i] = vis;
        this.moved[i] = 1;
        this.writeComponent(i);
        if (i === this.selected || i === this.hovered) this.highlightDirty = true;
      } else {
        this.moved[i] = 0;
      }
    }
    let changed = false;
    for (let b = 0; b < this.batches.length; b++) changed = this.batches[b].flush() || changed;
    changed = this.leds.update(ok ? views.leds : null, tS) || changed;
    changed =
      this.progress.update(ok ? views.progress : null, this.offset, this.visible, this.moved) ||
      changed;
    if (this.upgrade)
      changed = this.upgrade.update(this.offset, this.visible, this.moved) || changed;
    if (this.overlayArrived) {
      this.overlayArrived = false;
      changed = true;
    }
    if (this.highlightDirty) {
      this.placeHighlights();
      changed = true;
    }
    return changed;
  }

  /** Whether any part is out of the rack (on its way to, or waiting on, the spares shelf). */
  readonly benchInUse = (): boolean => {
    for (let i = 0; i < this.phase.length; i++) if (this.phase[i] > 0) return true;
    return false;
  };

  setSelected(i: number): void {
    if (i !== this.selected) {
      this.selected = i;
      this.highlightDirty = true;
    }
  }

  setHovered(i: number): void {
    if (i !== this.hovered) {
      this.hovered = i;
      this.highlightDirty = true;
    }
  }

  /** World position of component `i`'s pick anchor, including its pull offset. */
  anchor(i: number, out: Float32Array): void {
    const a = this.layout.components.anchor;
    for (let k = 0; k < 3; k++) out[k] = a[i * 3 + k] + this.offset[i * 3 + k];
  }

  /** World position of LED `led` of component `i`, or false when it has none. */
  ledPosition(i: number, led: number, out: Float32Array): boolean {
    const first = this.leds.first[i];
    if (first < 0) return false;
    const k = first + led;
    if (k >= this.leds.owner.length || this.leds.owner[k] !== i) return false;
    const p = this.layout.leds[k];
    out[0] = p.x + this.offset[i * 3];
    out[1] = p.y + this.offset[i * 3 + 1];
    out[2] = p.z + this.offset[i * 3 + 2];
    return true;
  }

  /** Per-system info from the engine (discrete: on engine events, never per frame). */
  setSystems(systems: readonly SystemInfo[]): void {
    this.systemInfos = systems;
    this.upgrade?.setSystems(systems);
  }

  /** Loads the Active Upgrade and ftGateway overlay (once); the scene host calls it after its first frame. */
  loadOverlay(): void {
    if (this.overlayRequested) return;
    this.overlayRequested = true;
    import('./overlay/UpgradeOverlay.ts').then(
      ({ UpgradeOverlay }) => {
        if (this.disposed) return;
        const overlay = new UpgradeOverlay(this.rack);
        this.group.add(overlay.frames.mesh, overlay.labels.mesh);
        overlay.setSystems(this.systemInfos);
        this.upgrade = overlay;
        this.overlayArrived = true;
      },
      // Without it the rack, LEDs and panels still tell the upgrade's state.
      () => undefined,
    );
  }

  dispose(): void {
    this.disposed = true;
    this.labels.dispose();
    this.upgrade?.dispose();
    const geometries = new Set([
      ...this.batches.map((b) => b.mesh.geometry),
      this.progress.track.mesh.geometry,
      this.highlight.mesh.geometry,
    ]);
    for (const g of geometries) g.dispose();
  }

  private takeSlot(i: number): void {
    const c = this.layout.components;
    const homeY = c.center[i * 3 + 1];
    const slot = this.slots.acquire(homeY, c.facing[i]);
    this.slot[i] = slot;
    const [bx, by, bz] = BenchSlots.position(slot);
    const h = c.size[i * 3 + 1];
    this.bench[i * 3] = bx - c.center[i * 3];
    this.bench[i * 3 + 1] = by + h / 2 - homeY;
    this.bench[i * 3 + 2] = bz + c.facing[i] * BENCH_FACE_M - c.anchor[i * 3 + 2];
  }

  private writeComponent(i: number): void {
    const o = i * 3;
    const vis = this.visible[i] === 1;
    for (let r = this.refStart[i]; r < this.refStart[i + 1]; r++) {
      this.batches[this.refBatch[r]].write(
        this.refIndex[r],
        this.offset[o],
        this.offset[o + 1],
        this.offset[o + 2],
        vis,
      );
    }
  }

  private placeHighlights(): void {
    this.highlightDirty = false;
    const c = this.layout.components;
    for (let b = 0 as 0 | 1; b < 2; b = (b + 1) as 0 | 1) {
      const i = b === 0 ? this.selected : this.hovered === this.selected ? -1 : this.hovered;
      if (i < 0 || !this.visible[i]) {
        this.highlight.hide(b);
        continue;
      }
      const o = i * 3;
      this.highlight.show(
        b,
        c.center[o] + this.offset[o],
        c.center[o + 1] + this.offset[o + 1],
        c.center[o + 2] + this.offset[o + 2],
        c.size[o],
        c.size[o + 1],
        c.size[o + 2],
      );
    }
  }
}
