/**
 * One WebGL renderer for every twin on the page (as Google's model-viewer does): browsers allow
 * about 16 live WebGL contexts, and a documentation page may hold twenty twins. The renderer
 * draws into an off-screen canvas; each twin's surface renders its scene there in turn and copies
 * the pixels into its own visible 2D canvas. Surfaces out of view are skipped, and a surface draws
 * only when something in it changed (a snapshot that moved an LED or a part, the camera, its size).
 */
import { ACESFilmicToneMapping, SRGBColorSpace, WebGLRenderer } from 'three';
import type { Quality } from '../quality.ts';

/** A twin's drawing surface, as the shared renderer sees it. */
export interface Surface {
  /** Whether the surface is on screen (IntersectionObserver) and its twin is mounted. */
  visible: boolean;
  /** Device pixels of the visible canvas. */
  width: number;
  height: number;
  /**
   * Runs the twin's frame (scene updates) and, when something changed, renders it with the
   * shared renderer into the viewport (0, 0, width, height). Returns true when it rendered.
   */
  frame(nowMs: number): boolean;
  /** Copies the rendered pixels from the shared canvas into the visible canvas. */
  present(source: HTMLCanvasElement, sourceHeight: number): void;
  /** The context was lost and restored: render everything again. */
  invalidate(): void;
}

const SOFTWARE = /swiftshader|llvmpipe|software|softpipe/i;
const OVERRIDE_KEY = 'ftTwin.sceneQuality';

export class SharedRenderer {
  readonly renderer: WebGLRenderer;
  readonly canvas: HTMLCanvasElement;
  readonly quality: Quality;
  readonly rendererName: string;
  private readonly surfaces = new Set<Surface>();
  private frameId = 0;
  private lost = false;
  private bufferWidth = 1;
  private bufferHeight = 1;

  constructor() {
    let canvas = this.newCanvas();
    // Asking for the context first (rather than letting three.js fail and log an error) tells a
    // browser without WebGL from a broken scene quietly.
    const context = canvas.getContext('webgl2', { antialias: false, alpha: false });
    if (!context) throw new NoWebGl();
    const probe = new WebGLRenderer({ canvas, context, antialias: false, alpha: false });
    this.rendererName = readRendererName(probe);
    this.quality = chooseQuality(this.rendererName);
    if (this.quality === 'high') {
      // Antialiasing is fixed when a context is made: keep the probe's context only on 'low'.
      probe.dispose();
      probe.forceContextLoss();
      canvas = this.newCanvas();
      this.renderer = new WebGLRenderer({
        canvas,
        antialias: true,
        alpha: false,
        powerPreference: 'high-performance',
      });
    } else {
      this.renderer = probe;
    }
    this.canvas = canvas;
    this.renderer.setPixelRatio(1);
    this.renderer.toneMapping = ACESFilmicToneMapping;
    this.renderer.toneMappingExposure = 1.2;
    this.renderer.outputColorSpace = SRGBColorSpace;
    this.renderer.info.autoReset = false;
  }

  private newCanvas(): HTMLCanvasElement {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    canvas.addEventListener('webglcontextlost', (event) => {
      event.preventDefault();
      this.lost = true;
    });
    canvas.addEventListener('webglcontextrestored', () => {
      this.lost = false;
      for (const s of this.surfaces) s.invalidate();
    });
    return canvas;
  }

  add(surface: Surface): () => void {
    this.surfaces.add(surface);
    this.schedule();
    return () => {
      this.surfaces.delete(surface);
    };
  }

  /** Makes sure the loop runs (a surface became visible or asked for a frame). */
  schedule(): void {
    if (this.frameId === 0 && this.surfaces.size > 0) {
      this.frameId = requestAnimationFrame(this.loop);
    }
  }

  private readonly loop = (now: number): void => {
    this.frameId = 0;
    if (this.surfaces.size === 0) return;
    this.frameId = requestAnimationFrame(this.loop);
    if (this.lost) return;
    for (const surface of this.surfaces) {
      if (!surface.visible || surface.width < 1 || surface.height < 1) continue;
      this.ensureBuffer(surface.width, surface.height);
      this.renderer.setViewport(0, 0, surface.width, surface.height);
      this.renderer.setScissor(0, 0, surface.width, surface.height);
      this.renderer.setScissorTest(true);
      if (surface.frame(now)) surface.present(this.canvas, this.bufferHeight);
    }
  };

  /** The drawing buffer only grows (resizing it reallocates), to the largest visible surface. */
  private ensureBuffer(width: number, height: number): void {
    if (width <= this.bufferWidth && height <= this.bufferHeight) return;
    this.bufferWidth = Math.max(this.bufferWidth, width);
    this.bufferHeight = Math.max(this.bufferHeight, height);
    this.renderer.setSize(this.bufferWidth, this.bufferHeight, false);
  }
}

class NoWebGl extends Error {}

let shared: SharedRenderer | null | undefined;

/**
 * The page's shared renderer, created on first use; null when WebGL is not available (the twin
 * then shows its 2D view).
 */
export function sharedRenderer(): SharedRenderer | null {
  if (shared !== undefined) return shared;
  try {
    shared = webglAvailable() ? new SharedRenderer() : null;
  } catch (error) {
    if (!(error instanceof NoWebGl)) {
      console.warn('ftTwin: WebGL could not start; showing the 2D view.', error);
    }
    shared = null;
  }
  return shared;
}

function webglAvailable(): boolean {
  if (typeof document === 'undefined' || typeof WebGL2RenderingContext === 'undefined') {
    return false;
  }
  return true;
}

function readRendererName(renderer: WebGLRenderer): string {
  try {
    const gl = renderer.getContext();
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch {
    return '';
  }
}

/**
 * Software WebGL (SwiftShader, llvmpipe: headless CI) pays for every fragment on the CPU, so
 * there the scene drops environment reflections and multisampling; on a GPU both are nearly
 * free. `localStorage['ftTwin.sceneQuality'] = 'high' | 'low'` overrides.
 */
function chooseQuality(name: string): Quality {
  let forced: string | null = null;
  try {
    forced = window.localStorage.getItem(OVERRIDE_KEY);
  } catch {
    forced = null;
  }
  if (forced === 'high' || forced === 'low') return forced;
  return SOFTWARE.test(name) ? 'low' : 'high';
}
