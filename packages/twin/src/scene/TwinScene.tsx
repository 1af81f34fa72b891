/**
 * The 3D view of the rack: an R3F canvas filling its parent, with camera preset buttons overlaid.
 */
import type { JSX } from 'react';
import { useStore } from 'zustand';
import { RackContent } from './RackContent.tsx';
import { Stage } from './Stage.tsx';
import { SharedCanvas } from './shared/SharedCanvas.tsx';
import { sharedRenderer } from './shared/sharedRenderer.ts';
import { useTwinInstance } from '../state/context.ts';

const FOV_DEG = 32;

const wrapStyle = { position: 'relative', width: '100%', height: '100%', minHeight: 240 } as const;
const CAMERA_BUTTONS = [
  ['front', 'Front'],
  ['rear', 'Rear'],
  ['reset', 'Reset'],
] as const;

const toolbarStyle = {
  position: 'absolute',
  top: 10,
  right: 10,
  display: 'flex',
  gap: 6,
  zIndex: 2,
} as const;
const buttonStyle = {
  font: '600 12px system-ui, sans-serif',
  color: '#e6edf5',
  background: 'rgba(22,27,34,0.78)',
  border: '1px solid rgba(150,170,195,0.35)',
  borderRadius: 6,
  padding: '5px 10px',
  cursor: 'pointer',
} as const;

export function TwinScene(): JSX.Element {
  const twin = useTwinInstance();
  const rack = useStore(twin.store, (s) => s.rack);
  const shared = sharedRenderer();
  if (!shared) throw new Error('WebGL is not available in this browser');
  const quality = shared.quality;
  return (
    <div data-testid="twin.canvas" style={wrapStyle}>
      <SharedCanvas
        shared={shared}
        maxDpr={quality === 'high' ? 2 : 1}
        camera={{ fov: FOV_DEG, near: 0.02, far: 40, position: [1.6, 1.4, 3.2] }}
      >
        <Stage quality={quality} />
        {rack ? <RackContent rack={rack} /> : null}
      </SharedCanvas>
      <div role="toolbar" aria-label="Camera" style={toolbarStyle}>
        {CAMERA_BUTTONS.map(([preset, label]) => (
          <button
            key={preset}
            type="button"
            aria-label={`${label} view`}
            data-testid={`camera.${preset}`}
            style={buttonStyle}
            onClick={() => twin.ui.requestCamera(preset)}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}
