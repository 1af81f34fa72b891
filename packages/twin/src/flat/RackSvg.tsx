/**
 * The 2D front view of the rack, for browsers without WebGL: every front CRU with its state and
 * LEDs, driven by the same engine snapshot as the 3D view. A frame loop writes the LED fills and
 * state texts straight into the SVG when they change (React renders it once per rack). Parts are
 * buttons: click or Enter selects one, as in the 3D view.
 */
import { OP_STATE_NAMES } from '@ft/engine';
import { ledDrive } from '@ft/engine/snapshot';
import type { LedColor } from '@ft/hardware';
import { type KeyboardEvent, useEffect, useMemo, useRef } from 'react';
import { stateTone } from '../model/tone.ts';
import { LED_LIT, ledLit } from '../scene/ledDrive.ts';
import { useTwin, useTwinInstance } from '../state/context.ts';
import { buildFlatLayout, VIEW_WIDTH } from './flatLayout.ts';

const LED_DARK = '#1a1f24';

export function RackSvg() {
  const twin = useTwinInstance();
  const rack = useTwin((s) => s.rack);
  const selectedId = useTwin((s) => s.selectedId);
  const flat = useMemo(() => (rack ? buildFlatLayout(rack) : null), [rack]);
  const svgRef = useRef<SVGSVGElement>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !flat) return;
    const ledEls = Array.from(svg.querySelectorAll<SVGCircleElement>('[data-led]'));
    const stateEls = Array.from(svg.querySelectorAll<SVGTextElement>('[data-state]'));
    const partEls = Array.from(svg.querySelectorAll<SVGGElement>('[data-part]'));
    const lit = new Int8Array(ledEls.length).fill(-1);
    const shown = new Int16Array(stateEls.length).fill(-1);
    let frame = 0;
    const tick = (now: number) => {
      frame = requestAnimationFrame(tick);
      const views = twin.live.views;
      if (!views) return;
      const t = now / 1000;
      flat.leds.forEach((led, k) => {
        const on = ledLit(ledDrive(views.leds[led.component], led.led), t) ? 1 : 0;
        if (on === lit[k]) return;
        lit[k] = on;
        ledEls[k].setAttribute('fill', on ? LED_LIT[led.color as LedColor] : LED_DARK);
      });
      partEls.forEach((el, k) => {
        const component = flat.parts[k].component;
        const state = views.state[component];
        if (state === shown[k]) return;
        shown[k] = state;
        const name = OP_STATE_NAMES[state] ?? 'unknown';
        el.dataset.tone = stateTone(name);
        const text = stateEls.find((s) => s.dataset.state === String(component));
        if (text) text.textContent = name;
      });
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [twin, flat]);

  if (!flat) return null;
  const onKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      twin.ui.select(id);
    }
  };
  return (
    <div className="flat-view" data-testid="twin.flat">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing groups its parts with role="group" */}
      <svg
        ref={svgRef}
        viewBox={`0 0 ${VIEW_WIDTH} ${flat.height}`}
        role="group"
        aria-label="Front view of the rack (2D: WebGL is not available)"
        preserveAspectRatio="xMidYMid meet"
      >
        {flat.systems.map((s) => (
          <g key={s.id}>
            <rect
              className="flat-system"
              x={4}
              y={s.y}
              width={VIEW_WIDTH - 8}
              height={s.h}
              rx={4}
            />
            <text className="flat-system-name" x={10} y={s.y + 14}>
              {s.id}
            </text>
          </g>
        ))}
        {flat.parts.map((p) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>
          <g
            key={p.id}
            data-part={p.component}
            data-testid={`flat.${p.id}`}
            role="button"
            tabIndex={0}
            aria-label={p.label}
            aria-pressed={selectedId === p.id}
            className="flat-part"
            onClick={() => twin.ui.select(p.id)}
            onKeyDown={(e) => onKey(e, p.id)}
          >
            <rect x={p.x} y={p.y} width={p.w} height={p.h} rx={3} />
            <text className="flat-part-name" x={p.x + 6} y={p.nameY}>
              {p.name}
            </text>
            {p.stateX !== null ? (
              <text
                className="flat-part-state"
                data-state={p.component}
                x={p.stateX}
                y={p.y + p.h / 2 + 4}
                textAnchor="end"
              >
                …
              </text>
            ) : null}
          </g>
        ))}
        {flat.leds.map((l) => (
          <circle
            key={`${l.component}.${l.led}`}
            data-led={`${l.component}.${l.led}`}
            cx={l.x}
            cy={l.y}
            r={l.r}
            fill={LED_DARK}
            pointerEvents="none"
          />
        ))}
      </svg>
    </div>
  );
}
