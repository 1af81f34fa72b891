/** The element's own few styles (its size and the poster), adopted by its shadow root. */
export const LOADER_CSS = `
:host {
  display: block;
  position: relative;
  min-height: 240px;
  aspect-ratio: 16 / 10;
  overflow: hidden;
  border-radius: var(--ft-frame-radius, 8px);
  background: var(--ft-bg, #0a0e13);
  color: var(--ft-text, #e3e9f1);
  font: 13px/1.4 var(--ft-font, system-ui, sans-serif);
}
:host([hidden]) { display: none; }
.twin { position: absolute; inset: 0; }
.poster {
  position: absolute;
  inset: 0;
  display: grid;
  place-items: center;
  background: var(--ft-bg, #0a0e13);
  transition: opacity 0.3s;
}
.poster img { width: 100%; height: 100%; object-fit: contain; }
.poster-note {
  position: absolute;
  bottom: 10px;
  left: 12px;
  color: var(--ft-muted, #8b9bb0);
}
.poster.gone { opacity: 0; pointer-events: none; }
@media (prefers-reduced-motion: reduce) { .poster { transition: none; } }
`;
