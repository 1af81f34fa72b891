/**
 * One twin's 3D view, imperatively: its scene, camera, controls, picking and frame loop on the
 * page's shared renderer (shared/sharedRenderer.ts). React mounts it once (TwinScene.tsx) and
 * never re-renders per frame; the host reads the twin's latest snapshot in `frame()`, moves and
 * recolours instances through the SceneRuntime, and draws only when something changed: a
 * snapshot that moved an LED or a part, the camera, a hover, a resize.
 *
 * Why not react-three-fiber: the scene was already imperative (SceneRuntime), and R3F's own
 * reconciler and catalogue cost about 50 KB gzipped on every page that embeds a twin, a sixth of
 * the embed's whole budget (DESIGN.md §6), and one WebGL context per root unless worked around.
 */
import type { RackModel } from '@ft/hardware';
import { PerspectiveCamera, Raycaster, Scene, Vector2 } from 'three';
import type { TwinInstance } from '../instance.ts';
import type { PartBatch } from './batch.ts';
import { CameraRig } from './cameraRig.ts';
import { SceneRuntime } from './runtime.ts';
import { attachScreenPositions } from './screenPositions.ts';
import type { SharedRenderer, Surface } from './shared/sharedRenderer.ts';
import { fitCabinet } from './rackFrame.ts';
import { buildStage } from './stage.ts';

export const FOV_DEG = 32;
/** Pointer travel (px) above which a press is an orbit drag, not a pick. */
const DRAG_PX = 5;
const MAX_DT_S = 0.25;
const SMOOTHING = 0.1;

export class SceneHost implements Surface {
  readonly scene = new Scene();
  readonly camera = new PerspectiveCamera(FOV_DEG, 1, 0.02, 40);
  readonly rig: CameraRig;
  visible = false;
  width = 0;
  height = 0;
  private runtime: SceneRuntime | null = null;
  private detachPositions: () => void = () => {};
  private readonly disposeStage: () => void;
  private readonly offStore: () => void;
  private readonly ctx: CanvasRenderingContext2D | null;
  private readonly raycaster = new Raycaster();
  private readonly ndc = new Vector2();
  private pickables: PartBatch['mesh'][] = [];
  private index = new Map<string, number>();
  private dirty = true;
  private lastMs = -1;
  private pointer: { x: number; y: number; clientX: number; clientY: number } | null = null;
  private pressed: { x: number; y: number } | null = null;
  private cssWidth = 1;
  private cssHeight = 1;

  constructor(
    private readonly twin: TwinInstance,
    readonly canvas: HTMLCanvasElement,
    private readonly shared: SharedRenderer,
  ) {
    this.ctx = canvas.getContext('2d', { alpha: false });
    this.camera.position.set(1.6, 1.4, 3.2);
    this.disposeStage = buildStage(this.scene, shared.quality, shared.renderer);
    this.rig = new CameraRig(this.camera, canvas);
    canvas.addEventListener('pointermove', this.onPointerMove);
    canvas.addEventListener('pointerdown', this.onPointerDown);
    canvas.addEventListener('pointerleave', this.onPointerLeave);
    canvas.addEventListener('click', this.onClick);
    canvas.addEventListener('dblclick', this.onDoubleClick);
    const store = twin.store;
    this.offStore = store.subscribe((s, prev) => {
      const runtime = this.runtime;
      if (!runtime) return;
      if (s.selectedId !== prev.selectedId || s.hovered?.id !== prev.hovered?.id) {
        this.applySelection();
      }
      if (s.systems !== prev.systems) runtime.setSystems(s.systems);
      if (s.camera.nonce !== prev.camera.nonce) {
        this.rig.go(
          runtime.layout,
          s.camera.preset,
          s.camera.systemId,
          s.reducedMotion,
          runtime.benchInUse(),
        );
      }
    });
  }

  /** Builds the rack's instanced parts (once per rack) and frames the overview. */
  setRack(rack: RackModel | null): void {
    if (this.runtime) {
      this.scene.remove(this.runtime.group);
      this.detachPositions();
      this.runtime.dispose();
      this.runtime = null;
      this.pickables = [];
    }
    if (rack) {
      const runtime = new SceneRuntime(rack, this.shared.quality);
      this.runtime = runtime;
      this.scene.add(runtime.group);
      // A rack taller than 42U grows the cabinet (the parser's rule: see drawnRackU).
      fitCabinet(this.scene, runtime.layout.rackU);
      this.pickables = runtime.batches.filter((b) => b.pickable).map((b) => b.mesh);
      this.index = new Map(runtime.ids.map((id, i) => [id, i]));
      runtime.setSystems(this.twin.store.getState().systems);
      // A rack loaded after the first frame gets its overlay at once.
      if (this.twin.live.stats.firstFrameAtMs >= 0) runtime.loadOverlay();
      this.applySelection();
      this.detachPositions = attachScreenPositions(
        this.twin.live,
        runtime,
        this.camera,
        this.canvas,
      );
      // A camera asked for before the scene existed (an embed's camera attribute) wins.
      const asked = this.twin.store.getState().camera;
      if (asked.nonce > 0) this.rig.go(runtime.layout, asked.preset, asked.systemId, true, false);
      else this.rig.go(runtime.layout, 'reset', null, true, false);
    }
    this.dirty = true;
    this.shared.schedule();
  }

  /** The visible canvas's CSS size and device-pixel size changed. */
  resize(cssWidth: number, cssHeight: number, pixelWidth: number, pixelHeight: number): void {
    this.cssWidth = Math.max(1, cssWidth);
    this.cssHeight = Math.max(1, cssHeight);
    this.canvas.width = this.width = Math.max(1, pixelWidth);
    this.canvas.height = this.height = Math.max(1, pixelHeight);
    this.camera.aspect = this.cssWidth / this.cssHeight;
    this.camera.updateProjectionMatrix();
    if (this.runtime) this.rig.reframe(this.runtime.layout, this.runtime.benchInUse());
    this.dirty = true;
    this.shared.schedule();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) {
      this.dirty = true;
      this.shared.schedule();
    }
  }

  invalidate(): void {
    this.dirty = true;
  }

  frame(nowMs: number): boolean {
    const dtS = this.lastMs < 0 ? 0 : Math.min((nowMs - this.lastMs) / 1000, MAX_DT_S);
    this.lastMs = nowMs;
    const stats = this.twin.live.stats;
    stats.frameMs =
      stats.ticks === 0 ? dtS * 1000 : stats.frameMs + (dtS * 1000 - stats.frameMs) * SMOOTHING;
    stats.ticks++;
    this.rig.step(dtS);
    if (this.rig.moved) {
      this.rig.moved = false;
      this.dirty = true;
    }
    const runtime = this.runtime;
    if (runtime) {
      const state = this.twin.store.getState();
      if (runtime.update(this.twin.live.views, dtS, nowMs / 1000, state.reducedMotion)) {
        this.dirty = true;
      }
      if (this.pointer) this.hoverAt(this.pointer);
    }
    if (!this.dirty) return false;
    this.dirty = false;
    const gl = this.shared.renderer;
    gl.info.reset();
    gl.render(this.scene, this.camera);
    stats.drawCalls = gl.info.render.calls;
    stats.triangles = gl.info.render.triangles;
    stats.frames++;
    if (stats.firstFrameAtMs < 0 && runtime) {
      stats.firstFrameAtMs = performance.now();
      // Dragging code and the upgrade overlay come after the first picture (embed budget).
      setTimeout(() => {
        this.rig.attachControls();
        this.runtime?.loadOverlay();
      }, 0);
    }
    return true;
  }

  present(source: HTMLCanvasElement, sourceHeight: number): void {
    const { width, height } = this;
    this.ctx?.drawImage(source, 0, sourceHeight - height, width, height, 0, 0, width, height);
  }

  dispose(): void {
    this.offStore();
    this.setRack(null);
    this.rig.dispose();
    this.disposeStage();
    const c = this.canvas;
    c.removeEventListener('pointermove', this.onPointerMove);
    c.removeEventListener('pointerdown', this.onPointerDown);
    c.removeEventListener('pointerleave', this.onPointerLeave);
    c.removeEventListener('click', this.onClick);
    c.removeEventListener('dblclick', this.onDoubleClick);
  }

  private applySelection(): void {
    const runtime = this.runtime;
    if (!runtime) return;
    const s = this.twin.store.getState();
    const index = this.index;
    runtime.setSelected(s.selectedId ? (index.get(s.selectedId) ?? -1) : -1);
    runtime.setHovered(s.hovered ? (index.get(s.hovered.id) ?? -1) : -1);
  }

  /** The component under canvas pixel (x, y) in CSS pixels, and its batch and instance. */
  private pick(x: number, y: number): { owner: number; batch: PartBatch | null; instance: number } {
    this.ndc.set((x / this.cssWidth) * 2 - 1, -(y / this.cssHeight) * 2 + 1);
    this.raycaster.setFromCamera(this.ndc, this.camera);
    const hit = this.raycaster.intersectObjects(this.pickables, false)[0];
    const batch = (hit?.object.userData.batch as PartBatch | undefined) ?? null;
    if (!hit || !batch || hit.instanceId === undefined) return { owner: -1, batch, instance: -1 };
    return { owner: batch.owner[hit.instanceId], batch, instance: hit.instanceId };
  }

  private hoverAt(p: { x: number; y: number; clientX: number; clientY: number }): void {
    this.pointer = null;
    const runtime = this.runtime;
    if (!runtime) return;
    const { owner } = this.pick(p.x, p.y);
    const id = owner >= 0 ? runtime.ids[owner] : null;
    const hovered = this.twin.store.getState().hovered;
    if (id === null && hovered === null) return;
    this.twin.ui.hover(id, p.clientX, p.clientY);
    this.canvas.style.cursor = id ? 'pointer' : '';
  }

  private readonly onPointerMove = (e: PointerEvent): void => {
    // Picked once per frame, in frame(): pointer events can come faster than frames.
    this.pointer = { x: e.offsetX, y: e.offsetY, clientX: e.clientX, clientY: e.clientY };
    this.shared.schedule();
  };

  private readonly onPointerDown = (e: PointerEvent): void => {
    this.pressed = { x: e.clientX, y: e.clientY };
  };

  private readonly onPointerLeave = (): void => {
    this.pointer = null;
    if (this.twin.store.getState().hovered) this.twin.ui.hover(null);
  };

  private dragged(e: MouseEvent): boolean {
    const p = this.pressed;
    return p !== null && Math.hypot(e.clientX - p.x, e.clientY - p.y) > DRAG_PX;
  }

  private readonly onClick = (e: MouseEvent): void => {
    if (this.dragged(e) || !this.runtime) return;
    const { owner } = this.pick(e.offsetX, e.offsetY);
    this.twin.ui.select(owner >= 0 ? this.runtime.ids[owner] : null);
  };

  private readonly onDoubleClick = (e: MouseEvent): void => {
    const runtime = this.runtime;
    if (!runtime) return;
    const { owner, batch, instance } = this.pick(e.offsetX, e.offsetY);
    const sys =
      owner >= 0
        ? runtime.layout.components.system[owner]
        : batch && instance >= 0
          ? batch.system[instance]
          : -1;
    const placement = runtime.layout.systems[sys];
    if (placement) this.twin.ui.requestCamera('focus', placement.id);
  };
}
