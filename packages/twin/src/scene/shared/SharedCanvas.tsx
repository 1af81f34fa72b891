/**
 * A twin's 3D view on the page's shared renderer (see sharedRenderer.ts): a visible 2D canvas
 * that receives the pixels, and a react-three-fiber root of its own (its scene, camera, pointer
 * events) whose renderer is the shared one. Replaces R3F's `<Canvas>`, which would open one
 * WebGL context per twin.
 *
 * The canvas element is made inside the effect, so a remount (React's StrictMode) gets a fresh
 * root instead of reusing one that is being torn down.
 */
import {
  advance,
  createRoot,
  events as pointerEvents,
  extend,
  type ReconcilerRoot,
  type RenderProps,
} from '@react-three/fiber';
import { type CSSProperties, type ReactNode, useLayoutEffect, useMemo, useRef } from 'react';
import { Color, DirectionalLight, Fog, HemisphereLight } from 'three';
import type { TwinInstance } from '../../instance.ts';
import { TwinContext, useTwinInstance } from '../../state/context.ts';
import { FrameDriver } from './FrameDriver.tsx';
import { FrameGate, FrameGateContext } from './frameGate.ts';
import type { SharedRenderer, Surface } from './sharedRenderer.ts';

let extended = false;

const fill: CSSProperties = { position: 'absolute', inset: 0 };
const canvasStyle = 'display:block;width:100%;height:100%;touch-action:none;';

export interface SharedCanvasProps {
  shared: SharedRenderer;
  camera: RenderProps<HTMLCanvasElement>['camera'];
  /** Highest device-pixel ratio to render at (more costs fill rate on software WebGL). */
  maxDpr: number;
  children: ReactNode;
}

function wrapContent(twin: TwinInstance, gate: FrameGate, children: ReactNode): ReactNode {
  return (
    <TwinContext.Provider value={twin}>
      <FrameGateContext.Provider value={gate}>
        {children}
        <FrameDriver />
      </FrameGateContext.Provider>
    </TwinContext.Provider>
  );
}

export function SharedCanvas({ shared, camera, maxDpr, children }: SharedCanvasProps) {
  const twin = useTwinInstance();
  const box = useRef<HTMLDivElement>(null);
  const gate = useMemo(() => new FrameGate(), []);
  const mounted = useRef<{ root: ReconcilerRoot<HTMLCanvasElement> } | null>(null);
  const latest = useRef(children);
  latest.current = children;

  // biome-ignore lint/correctness/useExhaustiveDependencies: one root per mount; children update below
  useLayoutEffect(() => {
    const host = box.current;
    if (!host) return;
    if (!extended) {
      // Only the elements the scene writes as JSX (the rest are <primitive> objects): the
      // whole three.js namespace would defeat tree shaking.
      extend({ Color, DirectionalLight, Fog, HemisphereLight });
      extended = true;
    }
    const canvas = document.createElement('canvas');
    canvas.style.cssText = canvasStyle;
    host.append(canvas);
    const ctx = canvas.getContext('2d', { alpha: false });
    const root = createRoot(canvas);
    const gl = shared.proxyFor(canvas);
    const configure = (width: number, height: number) =>
      root.configure({
        gl,
        frameloop: 'never',
        dpr: 1,
        size: { width, height, top: 0, left: 0 },
        camera,
        events: pointerEvents,
      });
    void configure(Math.max(1, host.clientWidth), Math.max(1, host.clientHeight));
    const store = root.render(wrapContent(twin, gate, latest.current));
    mounted.current = { root };

    const surface: Surface = {
      visible: false,
      width: 0,
      height: 0,
      frame(nowMs) {
        advance(nowMs / 1000, false, store.getState());
        return gate.rendered;
      },
      present(source, sourceHeight) {
        const { width, height } = surface;
        ctx?.drawImage(source, 0, sourceHeight - height, width, height, 0, 0, width, height);
      },
      invalidate: () => gate.request(),
    };
    const resize = new ResizeObserver(() => {
      const w = host.clientWidth;
      const h = host.clientHeight;
      const dpr = Math.min(window.devicePixelRatio || 1, maxDpr);
      const pw = Math.max(1, Math.round(w * dpr));
      const ph = Math.max(1, Math.round(h * dpr));
      if (pw === surface.width && ph === surface.height) return;
      canvas.width = pw;
      canvas.height = ph;
      surface.width = pw;
      surface.height = ph;
      void configure(Math.max(1, w), Math.max(1, h));
      gate.request();
      shared.schedule();
    });
    resize.observe(host);
    const seen = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      surface.visible = entry ? entry.isIntersecting : false;
      if (surface.visible) {
        gate.request();
        shared.schedule();
      }
    });
    seen.observe(host);
    const remove = shared.add(surface);

    return () => {
      remove();
      resize.disconnect();
      seen.disconnect();
      mounted.current = null;
      root.unmount();
      canvas.remove();
    };
  }, [twin, shared]);

  useLayoutEffect(() => {
    mounted.current?.root.render(wrapContent(twin, gate, children));
    gate.request();
  }, [twin, gate, children]);

  return <div ref={box} style={fill} />;
}
