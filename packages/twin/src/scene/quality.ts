/**
 * Rendering quality tier of the page, decided once by the shared renderer from the WebGL
 * implementation (software WebGL gets 'low': no environment reflections, no multisampling).
 */
export type Quality = 'high' | 'low';
