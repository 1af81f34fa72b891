/**
 * Orbit controls plus the camera presets: listens to `twin.store.camera` (its nonce changes on every
 * request) and flies the camera there, or jumps when reduced motion is on.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef, useState } from 'react';
import { type PerspectiveCamera, Vector3 } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { SceneLayout } from './layout/types.ts';
import { type ViewPreset, presetView } from './views.ts';
import { useFrameGate } from './shared/frameGate.ts';
import { useTwinInstance } from '../state/context.ts';

const FLIGHT_S = 0.9;

export function CameraRig({
  layout,
  benchInUse,
}: {
  layout: SceneLayout;
  benchInUse: () => boolean;
}) {
  const twin = useTwinInstance();
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const size = useThree((s) => s.size);
  const gl = useThree((s) => s.gl);
  const [ctl] = useState(() => new OrbitControls(camera));
  const controls = useRef<OrbitControls | null>(ctl);
  const gate = useFrameGate();
  const flight = useRef({
    t: 1,
    fromPos: new Vector3(),
    fromTarget: new Vector3(),
    toPos: new Vector3(),
    toTarget: new Vector3(),
  });

  /** The last preset applied, re-applied on resize until the user moves the camera. */
  const last = useRef<{ preset: ViewPreset; systemId: string | null; userMoved: boolean }>({
    preset: 'reset',
    systemId: null,
    userMoved: false,
  });

  type Go = (preset: ViewPreset, systemId: string | null, instant: boolean) => void;
  const go = useRef<Go>(() => undefined);
  go.current = (preset, systemId, instant) => {
    const aspect = size.width / Math.max(1, size.height);
    const view = presetView(layout, preset, systemId, camera.fov, aspect, benchInUse());
    last.current = { preset, systemId, userMoved: false };
    const f = flight.current;
    const ctl = controls.current;
    f.fromPos.copy(camera.position);
    f.fromTarget.copy(ctl ? ctl.target : f.toTarget);
    f.toPos.set(...view.position);
    f.toTarget.set(...view.target);
    f.t = instant || twin.store.getState().reducedMotion ? 1 : 0;
    gate.request();
    if (f.t === 1) {
      camera.position.copy(f.toPos);
      ctl?.target.copy(f.toTarget);
      camera.lookAt(f.toTarget);
      ctl?.update();
    }
  };

  // A new rack frames the overview at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-frame whenever the rack changes
  useEffect(() => {
    go.current('reset', null, true);
  }, [layout]);

  // A resized viewport keeps the current preset framed, unless the user has moved the camera.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on size changes only
  useEffect(() => {
    const l = last.current;
    if (!l.userMoved) go.current(l.preset, l.systemId, true);
  }, [size.width, size.height]);

  useEffect(
    () =>
      twin.store.subscribe((s, prev) => {
        if (s.camera.nonce !== prev.camera.nonce)
          go.current(s.camera.preset, s.camera.systemId, false);
      }),
    [twin],
  );

  useFrame((_, dt) => {
    const f = flight.current;
    if (f.t >= 1) return;
    f.t = Math.min(1, f.t + dt / FLIGHT_S);
    const e = f.t * f.t * (3 - 2 * f.t);
    camera.position.lerpVectors(f.fromPos, f.toPos, e);
    gate.request();
    const ctl = controls.current;
    if (ctl) {
      ctl.target.lerpVectors(f.fromTarget, f.toTarget, e);
      ctl.update();
    }
  });

  useEffect(() => {
    ctl.enableDamping = true;
    ctl.dampingFactor = 0.12;
    ctl.minDistance = 0.2;
    ctl.maxDistance = 7;
    ctl.maxPolarAngle = Math.PI * 0.56;
    const onChange = () => gate.request();
    const onStart = () => {
      flight.current.t = 1;
      last.current.userMoved = true;
    };
    ctl.connect(gl.domElement);
    ctl.addEventListener('change', onChange);
    ctl.addEventListener('start', onStart);
    return () => {
      ctl.removeEventListener('change', onChange);
      ctl.removeEventListener('start', onStart);
      ctl.disconnect();
    };
  }, [ctl, gl, gate]);

  // Damping keeps the camera moving for a moment after a drag; update() reports 'change'.
  useFrame(() => {
    ctl.update();
  }, -1);

  return null;
}
