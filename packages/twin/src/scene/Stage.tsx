/**
 * Showroom lighting: hemisphere + key/fill/rim directional lights and, on a GPU, a procedural
 * studio environment for reflections (three's RoomEnvironment through PMREM: nothing fetched),
 * plus the static furniture. Everything here is built once per twin.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { PMREMGenerator } from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import type { Quality } from './quality.ts';
import { buildFurniture } from './rackFrame.ts';
import { useFrameGate } from './shared/frameGate.ts';

export const BACKGROUND = '#0f1318';
const ENVIRONMENT_INTENSITY = 0.85;

function StudioEnvironment() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const gate = useFrameGate();
  useEffect(() => {
    const pmrem = new PMREMGenerator(gl);
    const room = new RoomEnvironment();
    const target = pmrem.fromScene(room, 0.04);
    scene.environment = target.texture;
    scene.environmentIntensity = ENVIRONMENT_INTENSITY;
    room.dispose();
    pmrem.dispose();
    gate.request();
    return () => {
      scene.environment = null;
      target.dispose();
    };
  }, [gl, scene, gate]);
  return null;
}

export function Stage({ quality }: { quality: Quality }) {
  const furniture = useMemo(() => buildFurniture(quality), [quality]);
  return (
    <>
      <color attach="background" args={[BACKGROUND]} />
      <fog attach="fog" args={[BACKGROUND, 7, 16]} />
      <hemisphereLight args={['#e4ecf8', '#2a2d33', quality === 'high' ? 0.9 : 1.6]} />
      <directionalLight position={[2.5, 3.5, 3.2]} intensity={2.6} color="#fff6ea" />
      <directionalLight position={[-3, 1.8, 2.5]} intensity={0.9} color="#cfe0ff" />
      <directionalLight position={[0.5, 2.5, -3.5]} intensity={1.1} color="#dfe8ff" />
      <directionalLight position={[0.2, -1, 3]} intensity={0.35} color="#ffffff" />
      {quality === 'high' ? <StudioEnvironment /> : null}
      <primitive object={furniture} />
    </>
  );
}
