/**
 * The selected component: identity, state, health, safe-to-pull, live progress and LEDs,
 * MTBF, and every action the engine supports for it. Opens on a selection from the 3D view or
 * the console.
 */
import type { ComponentInfo } from '@ft/engine';
import { useEffect, useRef } from 'react';
import { useTwin, useTwinInstance } from '../state/context.ts';
import { systemName } from '../state/names.ts';
import { mtbfWords } from '../model/format.ts';
import { stateTone } from '../model/tone.ts';
import { RESTART_POLICY_LABELS } from '../model/labels.ts';
import { ComponentActions } from './ComponentActions.tsx';
import { GettingStarted } from './GettingStarted.tsx';
import { LiveLeds } from './LiveLeds.tsx';
import { LiveProgress } from './LiveProgress.tsx';
import { RedfishView } from './RedfishView.tsx';

const HEALTH_NAMES = ['OK', 'Warning', 'Critical', 'Unknown'];

export function ComponentPanel() {
  const twin = useTwinInstance();
  const selectedId = useTwin((s) => s.selectedId);
  const info = useTwin((s) => (s.selectedId ? s.components[s.selectedId] : undefined));
  const spec = useTwin((s) => s.rack?.components.find((c) => c.id === s.selectedId));
  const system = useTwin((s) => (info ? systemName(s, info.systemId) : ''));
  const acts = useTwin((s) => s.view.interaction === 'inject');
  const full = useTwin((s) => s.view.layout === 'app');
  // A selection from the console's keyboard moves focus here once the panel shows it (the
  // panel may mount only then, as in the embed's drawer).
  const focusPending = useTwin((s) => s.panelFocusPending && s.selectedId !== null);
  const title = useRef<HTMLHeadingElement>(null);
  const showing = info !== undefined;
  useEffect(() => {
    if (!focusPending || !showing || !title.current) return;
    title.current.focus();
    twin.ui.panelFocused();
  }, [focusPending, showing, twin]);

  if (!selectedId || !info) {
    return (
      <section className="panel component-panel" aria-labelledby="component-title">
        <h2 className="panel-title" id="component-title" tabIndex={-1} ref={title}>
          Component
        </h2>
        <div className="panel-body">
          {acts ? (
            <GettingStarted />
          ) : (
            <p className="muted">
              Select a part in the rack or in the list to see its state, reason and LEDs.
            </p>
          )}
        </div>
      </section>
    );
  }

  const tone = stateTone(info.stateName);
  return (
    <section
      className="panel component-panel"
      aria-labelledby="component-title"
      data-testid="component-panel"
    >
      <h2 className="panel-title" id="component-title" tabIndex={-1} ref={title}>
        <span>{info.label}</span>
        <span className="muted">· {system}</span>
        <span className="spacer" />
        <button
          type="button"
          className="icon-btn"
          aria-label="Close the component panel"
          onClick={() => twin.ui.select(null)}
        >
          ×
        </button>
      </h2>
      <div className="panel-body component-body">
        <div className="component-head">
          <span className="badge badge-lg" data-tone={tone} data-testid="component-state">
            {info.stateName}
          </span>
          <span className="mono muted">path {info.path}</span>
          {spec ? <span className="mono muted">part {spec.partNumber}</span> : null}
        </div>
        <dl className="facts">
          <dt>Health</dt>
          <dd data-tone={['ok', 'warn', 'err', 'off'][info.health]}>
            {HEALTH_NAMES[info.health] ?? '—'}
          </dd>
          <dt>Reason</dt>
          <dd>{info.reason || '—'}</dd>
          <dt>Safe to pull</dt>
          <dd data-testid="component-safe">
            {info.safeToPull ? 'Yes' : 'No'}
            {!info.safeToPull && info.pullWarning ? (
              <span className="facts-note">{info.pullWarning}</span>
            ) : null}
          </dd>
          <dt>Progress</dt>
          <dd>
            <LiveProgress id={info.id} />
          </dd>
          <dt>Faults</dt>
          <dd data-testid="component-mtbf">{mtbfWords(info.faultCount, info.mtbfS).long}</dd>
          <dt>Restart policy</dt>
          <dd>{RESTART_POLICY_LABELS[info.restartPolicy]}</dd>
          {spec && spec.leds.length > 0 ? (
            <>
              <dt>LEDs</dt>
              <dd>
                <LiveLeds id={info.id} leds={spec.leds} />
              </dd>
            </>
          ) : null}
        </dl>
        {acts ? <ComponentActions key={info.id} info={info as ComponentInfo} /> : null}
        {full ? (
          <>
            <h3 className="actions-title">Redfish</h3>
            <RedfishView key={`redfish-${info.id}`} id={info.id} />
          </>
        ) : null}
      </div>
    </section>
  );
}
