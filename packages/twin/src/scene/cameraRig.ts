/**
 * Orbit controls plus the camera presets: a requested preset flies the camera there (or jumps,
 * with reduced motion); a resized view keeps the current preset framed until the user moves the
 * camera. Plain three.js, stepped by the scene host's frame.
 */
import { type PerspectiveCamera, Vector3 } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { SceneLayout } from './layout/types.ts';
import { presetView, type ViewPreset } from './views.ts';

const FLIGHT_S = 0.9;

export class CameraRig {
  readonly controls: OrbitControls;
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
    element: HTMLElement,
  ) {
    const c = new OrbitControls(camera, element);
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
    this.fromTarget.copy(this.controls.target);
    this.toPos.set(...view.position);
    this.toTarget.set(...view.target);
    this.t = instant ? 1 : 0;
    this.moved = true;
    if (instant) {
      this.camera.position.copy(this.toPos);
      this.controls.target.copy(this.toTarget);
      this.camera.lookAt(this.toTarget);
      this.controls.update();
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
      this.controls.target.lerpVectors(this.fromTarget, this.toTarget, e);
      this.moved = true;
    }
    this.controls.update(dtS);
  }

  dispose(): void {
    this.controls.dispose();
  }
}
