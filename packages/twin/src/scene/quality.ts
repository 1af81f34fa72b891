/**
 * Rendering quality tier of the page, decided once by the shared renderer from the WebGL
 * implementation (software WebGL gets 'low': no environment reflections, no multisampling).
 */
import { sharedRenderer } from './shared/sharedRenderer.ts';

export type Quality = 'high' | 'low';

/** The quality tier for this page ('low' when WebGL is missing). */
export function sceneQuality(): Quality {
  return sharedRenderer()?.quality ?? 'low';
}
