/**
 * The 3D view of a twin: a canvas that receives the shared renderer's pixels, the scene host
 * that draws it (mounted once; React never touches it per frame), and the camera preset buttons.
 */
import type { JSX } from 'react';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useTwinInstance } from '../state/context.ts';
import { SceneHost } from './sceneHost.ts';
import { sharedRenderer } from './shared/sharedRenderer.ts';

export { sharedRenderer };

const wrapStyle = { position: 'relative', width: '100%', height: '100%', minHeight: 200 } as const;
const fillStyle = { position: 'absolute', inset: 0 } as const;
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
  const box = useRef<HTMLDivElement>(null);
  const host = useRef<SceneHost | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const canvas = document.createElement('canvas');
    canvas.style.cssText = 'display:block;width:100%;height:100%;touch-action:none;';
    // A picture for the eye; the description points to the console, the accessible path.
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${twin.store.getState().view.label}: 3D view of the rack`);
    canvas.setAttribute('aria-describedby', 'scene-description');
    el.append(canvas);
    const scene = new SceneHost(twin, canvas, shared);
    host.current = scene;
    scene.setRack(twin.store.getState().rack);
    const maxDpr = shared.quality === 'high' ? 2 : 1;
    const resize = new ResizeObserver(() => {
      const dpr = Math.min(window.devicePixelRatio || 1, maxDpr);
      const w = el.clientWidth;
      const h = el.clientHeight;
      scene.resize(w, h, Math.round(w * dpr), Math.round(h * dpr));
    });
    resize.observe(el);
    const seen = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      scene.setVisible(entry ? entry.isIntersecting : false);
    });
    seen.observe(el);
    const remove = shared.add(scene);
    return () => {
      remove();
      resize.disconnect();
      seen.disconnect();
      scene.dispose();
      host.current = null;
      canvas.remove();
    };
  }, [twin, shared]);

  useEffect(() => {
    host.current?.setRack(rack);
  }, [rack]);

  return (
    <div data-testid="twin.canvas" style={wrapStyle}>
      <div ref={box} style={fillStyle} />
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
