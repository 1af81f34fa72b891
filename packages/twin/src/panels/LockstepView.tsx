/**
 * The lockstep view: recent voter compares per CPU element of the selected (or first) system,
 * drawn on a canvas by its own animation-frame loop, which redraws only when the lanes, the
 * element states or the size changed. A new divergence is held on screen for HOLD_MS so that
 * it can be seen even at speed. React renders the frame and the legend, never per frame.
 *
 * With "Pause on each divergence" the worker stops the clock on the divergent compare itself
 * (slow motion alone scrolls it away in a fraction of a second); the view then says what
 * happened, in words.
 */
import { OpState } from '@ft/engine';
import { useEffect, useMemo, useRef, useState } from 'react';
import { drawHoldNote, drawLanes, type LaneElement } from '../lockstep/drawLanes.ts';
import { formatSimTime } from '../model/format.ts';
import { voterHoldText } from '../model/voterHold.ts';
import { opStateName } from '../state/names.ts';
import { useTwin, useTwinInstance } from '../state/context.ts';

/** Wall time a new divergence stays on screen before the lanes move on. */
const HOLD_MS = 2500;

export function LockstepView() {
  const twin = useTwinInstance();
  const rack = useTwin((s) => s.rack);
  const selectedSystem = useTwin((s) =>
    s.selectedId ? (s.components[s.selectedId]?.systemId ?? null) : null,
  );
  const systemIndex = Math.max(
    0,
    rack?.systems.findIndex((s) => s.config.id === selectedSystem) ?? 0,
  );
  const system = rack?.systems[systemIndex];
  const elements = useMemo<LaneElement[]>(
    () =>
      system?.components
        .filter((c) => c.kind === 'cpu')
        .map((c) => ({
          element: c.element,
          label: `CPU element ${c.element}`,
          componentIndex: twin.live.index.get(c.id) ?? -1,
        })) ?? [],
    [twin, system],
  );
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const systemId = system?.config.id ?? '';
  const [lastRemoval, setLastRemoval] = useState<string | null>(null);
  const holdOn = useTwin((s) => s.holdOnDivergence);
  const hold = useTwin((s) => s.voterHold);
  const holdSystem = hold ? rack?.systems.find((s) => s.config.id === hold.systemId) : undefined;
  const holdText =
    hold && holdSystem
      ? voterHoldText(
          hold,
          holdSystem.components
            .filter((c) => c.kind === 'cpu')
            .map((c) => ({ element: c.element, label: `CPU element ${c.element}` })),
        )
      : null;

  // The last CPU element the voter removed in this system, in words: the compare itself
  // scrolls by in milliseconds of simulated time.
  useEffect(() => {
    setLastRemoval(null);
    return twin.engine.bus.on('state', (e) => {
      if (e.systemId !== systemId || e.to !== OpState.Shot || !e.componentId) return;
      if (!elements.some((el) => el.componentIndex === twin.live.index.get(e.componentId ?? '')))
        return;
      const label = twin.store.getState().components[e.componentId]?.label ?? e.componentId;
      setLastRemoval(`${label} removed at ${formatSimTime(e.timeMs)}: ${e.reason || 'shot'}`);
    });
  }, [twin, systemId, elements]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let frame = 0;
    let dirty = true;
    let lastHead = -1;
    let lastStates = -1;
    let heldCompare = 0;
    let holdUntil = 0;
    const resize = new ResizeObserver(() => {
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(canvas.clientWidth * dpr));
      canvas.height = Math.max(1, Math.round(canvas.clientHeight * dpr));
      dirty = true;
    });
    resize.observe(canvas);
    const tick = () => {
      frame = requestAnimationFrame(tick);
      const views = twin.live.views;
      if (!views || systemIndex >= views.laneHead.length) return;
      const head = views.laneHead[systemIndex];
      let states = 0;
      for (let i = 0; i < elements.length; i++) {
        const index = elements[i].componentIndex;
        states = states * 32 + (index >= 0 ? views.state[index] : 0);
      }
      if (!dirty && head === lastHead && states === lastStates) return;
      if (!dirty && performance.now() < holdUntil) return;
      dirty = false;
      lastHead = head;
      lastStates = states;
      const dpr = window.devicePixelRatio || 1;
      const width = canvas.width / dpr;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const diverged = drawLanes(
        ctx,
        views,
        systemIndex,
        elements,
        opStateName,
        width,
        canvas.height / dpr,
      );
      if (diverged > heldCompare) {
        heldCompare = diverged;
        holdUntil = performance.now() + HOLD_MS;
        drawHoldNote(ctx, diverged, width);
      }
    };
    tick();
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
    };
  }, [twin, systemIndex, elements]);

  const name = system?.config.name ?? '';
  return (
    <section className="panel" aria-labelledby="lockstep-title" data-testid="lockstep">
      <h2 className="panel-title" id="lockstep-title">
        Lockstep
        <span className="muted lockstep-system">{name}</span>
      </h2>
      <div className="lockstep-body">
        <canvas
          ref={canvasRef}
          className="lockstep-canvas"
          role="img"
          aria-label={`Recent voter compares of ${name}, one lane per CPU element. Outvoted outputs are red, divergent compares are marked amber, held-back outputs are crossed out.`}
        />
        {holdText ? (
          <p className="lockstep-hold" role="status" data-testid="lockstep.hold">
            {holdText}
          </p>
        ) : (
          <p className="lockstep-last" data-testid="lockstep.last">
            {lastRemoval ?? 'No CPU element removed by the voter yet.'}
          </p>
        )}
        <label className="lockstep-holdopt">
          <input
            type="checkbox"
            checked={holdOn}
            data-testid="lockstep.hold-toggle"
            onChange={(e) => void twin.engine.setHoldOnDivergence(e.currentTarget.checked)}
          />{' '}
          Pause on each divergence
        </label>
        <ul className="legend" aria-label="Legend">
          <li>
            <span className="swatch swatch-agree" /> agree
          </li>
          <li>
            <span className="swatch swatch-outvoted" /> outvoted / removed
          </li>
          <li>
            <span className="swatch swatch-divergence" /> divergence
          </li>
          <li>
            <span className="swatch swatch-suppressed" /> held back (no majority)
          </li>
        </ul>
      </div>
    </section>
  );
}
