/**
 * Rendering quality tier. Software WebGL (SwiftShader, llvmpipe: headless CI) pays for every
 * fragment on the CPU, so there the scene drops the environment reflections and multisampling;
 * on a GPU both are nearly free. `localStorage['ftTwin.sceneQuality'] = 'high' | 'low'` overrides.
 */
export type Quality = 'high' | 'low';

const OVERRIDE_KEY = 'ftTwin.sceneQuality';
const SOFTWARE = /swiftshader|llvmpipe|software|softpipe/i;

let cached: Quality | null = null;

function rendererName(): string {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return '';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return '';
  }
}

/** The quality tier for this page (probed once). */
export function sceneQuality(): Quality {
  if (cached) return cached;
  let forced: string | null = null;
  try {
    forced = window.localStorage.getItem(OVERRIDE_KEY);
  } catch {
    forced = null;
  }
  cached =
    forced === 'high' || forced === 'low' ? forced : SOFTWARE.test(rendererName()) ? 'low' : 'high';
  return cached;
}
