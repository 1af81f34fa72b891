/**
 * Showroom lighting: hemisphere + key/fill/rim directional lights and a procedural environment made
 * of light-formers only (no HDR files, nothing fetched), plus the static furniture.
 */
import { Environment, Lightformer } from '@react-three/drei';
import { useMemo } from 'react';
import type { Quality } from './quality.ts';
import { buildFurniture } from './rackFrame.ts';

export const BACKGROUND = '#0f1318';

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
      {quality === 'high' ? (
        <Environment resolution={128} environmentIntensity={0.85}>
          <Lightformer
            form="rect"
            intensity={2.2}
            position={[0, 4, 1]}
            rotation-x={Math.PI / 2}
            scale={[6, 3, 1]}
          />
          <Lightformer
            form="rect"
            intensity={1.4}
            position={[3.5, 1.5, 2.5]}
            rotation-y={-Math.PI / 3}
            scale={[1.2, 4, 1]}
          />
          <Lightformer
            form="rect"
            intensity={0.9}
            position={[-3.5, 1.2, 2]}
            rotation-y={Math.PI / 3}
            scale={[1.2, 4, 1]}
          />
          <Lightformer form="rect" intensity={0.6} position={[0, 1.5, -4]} scale={[5, 2, 1]} />
          <Lightformer
            form="ring"
            intensity={0.8}
            color="#6fa8ff"
            position={[2, 0.6, 4]}
            scale={1.2}
          />
        </Environment>
      ) : null}
      <primitive object={furniture} />
    </>
  );
}
