/**
 * The rack's instanced parts, driven by the snapshot every frame through {@link SceneRuntime}.
 * React renders this once per rack; selection and hover reach the runtime through a store
 * subscription, not through re-renders.
 */
import type { RackModel } from '@ft/hardware';
import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { PartBatch } from './batch.ts';
import { CameraRig } from './CameraRig.tsx';
import { sceneQuality } from './quality.ts';
import { SceneRuntime } from './runtime.ts';
import { useFrameGate } from './shared/frameGate.ts';
import { attachScreenPositions } from './screenPositions.ts';
import { useTwinInstance } from '../state/context.ts';

/** Pointer travel (px) above which a click is an orbit drag, not a pick. */
const DRAG_PX = 5;
const MAX_DT_S = 0.25;

function ownerOf(e: ThreeEvent<PointerEvent | MouseEvent>): {
  batch: PartBatch | null;
  owner: number;
} {
  const batch = (e.object.userData.batch as PartBatch | undefined) ?? null;
  const id = e.instanceId;
  if (!batch || id === undefined) return { batch, owner: -1 };
  return { batch, owner: batch.owner[id] };
}

export function RackContent({ rack }: { rack: RackModel }) {
  const twin = useTwinInstance();
  const runtime = useMemo(() => new SceneRuntime(rack, sceneQuality()), [rack]);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const gate = useFrameGate();

  useEffect(() => () => runtime.dispose(), [runtime]);

  useEffect(() => {
    const index = new Map(runtime.ids.map((id, i) => [id, i]));
    const apply = () => {
      const s = twin.store.getState();
      runtime.setSelected(s.selectedId ? (index.get(s.selectedId) ?? -1) : -1);
      runtime.setHovered(s.hovered ? (index.get(s.hovered.id) ?? -1) : -1);
    };
    apply();
    return twin.store.subscribe((s, prev) => {
      if (s.selectedId !== prev.selectedId || s.hovered?.id !== prev.hovered?.id) apply();
    });
  }, [twin, runtime]);

  useEffect(() => {
    runtime.setSystems(twin.store.getState().systems);
    return twin.store.subscribe((s, prev) => {
      if (s.systems !== prev.systems) runtime.setSystems(s.systems);
    });
  }, [twin, runtime]);

  useEffect(
    () => attachScreenPositions(twin.live, runtime, camera, gl.domElement),
    [twin, runtime, camera, gl],
  );

  useFrame((state, dt) => {
    const changed = runtime.update(
      twin.live.views,
      Math.min(dt, MAX_DT_S),
      state.clock.elapsedTime,
      twin.store.getState().reducedMotion,
    );
    if (changed) gate.request();
  });

  const onMove = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    const { owner } = ownerOf(e);
    const id = owner >= 0 ? runtime.ids[owner] : null;
    twin.ui.hover(id, e.nativeEvent.clientX, e.nativeEvent.clientY);
  };
  const onOut = () => {
    if (twin.store.getState().hovered) twin.ui.hover(null);
  };
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    if (e.delta > DRAG_PX) return;
    const { owner } = ownerOf(e);
    twin.ui.select(owner >= 0 ? runtime.ids[owner] : null);
  };
  const onDoubleClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    const { batch, owner } = ownerOf(e);
    const sys =
      owner >= 0
        ? runtime.layout.components.system[owner]
        : batch && e.instanceId !== undefined
          ? batch.system[e.instanceId]
          : -1;
    const placement = runtime.layout.systems[sys];
    if (placement) twin.ui.requestCamera('focus', placement.id);
  };

  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element; the console tree is the accessible path */}
      <primitive
        object={runtime.group}
        onPointerMove={onMove}
        onPointerOut={onOut}
        onClick={onClick}
        onDoubleClick={onDoubleClick}
      />
      <CameraRig layout={runtime.layout} benchInUse={runtime.benchInUse} />
    </>
  );
}
