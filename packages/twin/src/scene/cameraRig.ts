/**
 * Orbit controls plus the camera presets: a requested preset flies the camera there (or jumps,
 * with reduced motion); a resized view keeps the current preset framed until the user moves the
 * camera. Plain three.js, stepped by the scene host's frame.
 *
 * The orbit controls load after the first frame is drawn (`attachControls`): a twin shows its
 * rack before any code that only serves dragging arrives (the embed's first-frame budget).
 * Until then the presets work on the rig's own target.
 */
import { type PerspectiveCamera, Vector3 } from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { SceneLayout } from './layout/types.ts';
import { presetView, type ViewPreset } from './views.ts';

const FLIGHT_S = 0.9;

export class CameraRig {
  /** Null until attachControls() has loaded them. */
  controls: OrbitControls | null = null;
  /** Where the camera looks; the controls' own target once they are attached. */
  private target = new Vector3();
  private controlsRequested = false;
  private disposed = false;
  private t = 1;
  private readonly fromPos = new Vector3();
  private readonly fromTarget = new Vector3();
  private readonly toPos = new Vector3();
  private readonly toTarget = new Vector3();
  /** The last preset applied, re-applied on resize until the user moves the camera. */
  private last: { preset: ViewPreset; systemId: string | null; userMoved: boolean } = {
    preset: 'reset',
    systemId: null,
    userMoved: false,
  };
  /** Set when the camera moved since the last frame drawn. */
  moved = true;

  constructor(
    private readonly camera: PerspectiveCamera,
    private readonly element: HTMLElement,
  ) {}

  /** Loads the orbit controls (once); called by the scene host after its first frame. */
  attachControls(): void {
    if (this.controlsRequested) return;
    this.controlsRequested = true;
    import('three/examples/jsm/controls/OrbitControls.js').then(
      ({ OrbitControls }) => {
        if (!this.disposed) this.adoptControls(new OrbitControls(this.camera, this.element));
      },
      // Without them the presets and the keyboard path still work; only dragging is lost.
      () => undefined,
    );
  }

  private adoptControls(c: OrbitControls): void {
    c.target.copy(this.target);
    this.target = c.target;
    c.enableDamping = true;
    c.dampingFactor = 0.12;
    c.minDistance = 0.2;
    c.maxDistance = 12;
    c.maxPolarAngle = Math.PI * 0.56;
    c.addEventListener('change', () => {
      this.moved = true;
    });
    c.addEventListener('start', () => {
      this.t = 1;
      this.last.userMoved = true;
    });
    this.controls = c;
    c.update();
  }

  go(
    layout: SceneLayout,
    preset: ViewPreset,
    systemId: string | null,
    instant: boolean,
    benchInUse: boolean,
  ): void {
    const view = presetView(
      layout,
      preset,
      systemId,
      this.camera.fov,
      this.camera.aspect,
      benchInUse,
    );
    this.last = { preset, systemId, userMoved: false };
    this.fromPos.copy(this.camera.position);
    this.fromTarget.copy(this.target);
    this.toPos.set(...view.position);
    this.toTarget.set(...view.target);
    this.t = instant ? 1 : 0;
    this.moved = true;
    if (instant) {
      this.camera.position.copy(this.toPos);
      this.target.copy(this.toTarget);
      this.camera.lookAt(this.toTarget);
      this.controls?.update();
    }
  }

  /** After a resize: keep the preset framed unless the user has moved the camera. */
  reframe(layout: SceneLayout, benchInUse: boolean): void {
    if (!this.last.userMoved)
      this.go(layout, this.last.preset, this.last.systemId, true, benchInUse);
  }

  /** Per frame: the preset flight, then the controls' damping. */
  step(dtS: number): void {
    if (this.t < 1) {
      this.t = Math.min(1, this.t + dtS / FLIGHT_S);
      const e = this.t * this.t * (3 - 2 * this.t);
      this.camera.position.lerpVectors(this.fromPos, this.toPos, e);
      this.target.lerpVectors(this.fromTarget, this.toTarget, e);
      this.moved = true;
      if (!this.controls) this.camera.lookAt(this.target);
    }
    this.controls?.update(dtS);
  }

  dispose(): void {
    this.disposed = true;
    this.controls?.dispose();
  }
}
