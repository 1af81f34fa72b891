/**
 * Injecting a fault into one trainee, a group or everyone. The component list holds only parts
 * every targeted twin has (their racks come from their lessons), and the fault list only faults
 * the chosen part can suffer. The delivery report says who applied it, who refused it (with
 * their engine's reason), who did not answer in time and who was offline.
 */
import type {
  FaultKindName,
  FaultReport,
  InstructorClient,
  RosterEntry,
} from '@ft/classroom/client';
import type { RackRef } from '@ft/lessons';
import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import type { LessonCatalog } from '../shared/catalog.ts';
import { type ComponentChoice, FREE_PLAY_RACK, faultChoices, rackNames } from '../shared/faults.ts';
import type { InstructorSession, InstructorView } from './instructorSession.ts';
import { pickTarget, type TargetOption } from './targets.ts';

interface Props {
  session: InstructorSession;
  client: InstructorClient;
  view: InstructorView;
  targets: TargetOption[];
  catalog: LessonCatalog;
}

/** The racks of the targeted trainees' twins (their lesson's, or free play's). */
async function racksOf(
  ids: readonly string[],
  roster: readonly RosterEntry[],
  catalog: LessonCatalog,
): Promise<RackRef[]> {
  const lessonIds = new Set<string | null>();
  for (const id of ids)
    lessonIds.add(roster.find((t) => t.traineeId === id)?.assignment?.lessonId ?? null);
  const racks: RackRef[] = [];
  for (const lessonId of lessonIds) {
    racks.push(lessonId === null ? FREE_PLAY_RACK : (await catalog.source(lessonId)).preview.rack);
  }
  return racks;
}

export function FaultPanel({ session, client, view, targets, catalog }: Props) {
  const [targetKey, setTargetKey] = useState('all');
  const [componentId, setComponentId] = useState('');
  const [fault, setFault] = useState<FaultKindName | ''>('');
  const [choices, setChoices] = useState<{ components: ComponentChoice[]; racks: string[] } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const ids = { target: useId(), component: useId(), fault: useId() };
  const target = pickTarget(targets, targetKey);

  // The racks depend on who is targeted and what they were assigned.
  const rackKey = useMemo(
    () =>
      JSON.stringify(
        target.traineeIds.map(
          (id) => view.roster.find((t) => t.traineeId === id)?.assignment?.lessonId ?? null,
        ),
      ),
    [target, view.roster],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: rackKey sums up target and roster
  useEffect(() => {
    let live = true;
    racksOf(target.traineeIds, view.roster, catalog).then(
      (racks) => {
        if (!live) return;
        const components = racks.length > 0 ? faultChoices(racks) : [];
        setChoices({ components, racks: rackNames(racks) });
      },
      (error: Error) => live && session.fail('Fault picker', error),
    );
    return () => {
      live = false;
    };
  }, [rackKey, catalog, session]);

  const component = choices?.components.find((c) => c.id === componentId) ?? null;
  const faultOk = component !== null && fault !== '' && component.faults.includes(fault);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!component || !faultOk) return;
    setBusy(true);
    try {
      await client.injectFault({
        target: target.target,
        component: component.id,
        fault: fault as FaultKindName,
      });
    } catch (error) {
      session.fail('Inject fault', error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="cls-card cls-form" onSubmit={submit} aria-labelledby={`${ids.target}-h`}>
      <h2 id={`${ids.target}-h`}>Inject a fault</h2>
      <label htmlFor={ids.target}>Send to</label>
      <select id={ids.target} value={target.key} onChange={(e) => setTargetKey(e.target.value)}>
        {targets.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
      <div className="cls-row">
        <div className="cls-field">
          <label htmlFor={ids.component}>Component</label>
          <select
            id={ids.component}
            value={component ? component.id : ''}
            onChange={(e) => {
              setComponentId(e.target.value);
              const next = choices?.components.find((c) => c.id === e.target.value);
              if (next && fault !== '' && !next.faults.includes(fault)) setFault('');
            }}
          >
            <option value="" disabled>
              {choices ? 'Choose…' : 'Loading…'}
            </option>
            {(choices?.components ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="cls-field">
          <label htmlFor={ids.fault}>Fault</label>
          <select
            id={ids.fault}
            value={faultOk ? fault : ''}
            onChange={(e) => setFault(e.target.value as FaultKindName)}
            disabled={!component}
          >
            <option value="" disabled>
              {component ? 'Choose…' : 'Pick a component'}
            </option>
            {(component?.faults ?? []).map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
      </div>
      {choices && choices.racks.length > 0 && (
        <p className="cls-muted">
          {choices.racks.length === 1
            ? `Their twins: ${choices.racks[0]}.`
            : `Parts common to their twins (${choices.racks.join(', ')}).`}
        </p>
      )}
      <button
        type="submit"
        className="cls-danger"
        disabled={busy || !faultOk || target.traineeIds.length === 0}
      >
        {busy ? 'Injecting…' : 'Inject fault'}
      </button>
      {view.lastReport && <DeliveryReport report={view.lastReport} roster={view.roster} />}
    </form>
  );
}

function DeliveryReport({
  report,
  roster,
}: {
  report: FaultReport;
  roster: readonly RosterEntry[];
}) {
  const name = (id: string) => roster.find((t) => t.traineeId === id)?.name ?? id;
  const applied = report.delivered.filter((d) => d.applied);
  const refused = report.delivered.filter((d) => !d.applied);
  return (
    <div
      className="cls-report"
      role="status"
      data-testid="fault.report"
      data-fault-id={report.faultId}
    >
      <p className="cls-report-title">
        {report.command.fault} → {report.command.target}
      </p>
      <dl className="cls-tally">
        <div className="is-ok">
          <dt>Applied</dt>
          <dd data-testid="fault.applied">{applied.length}</dd>
        </div>
        <div className={refused.length > 0 ? 'is-warn' : undefined}>
          <dt>Refused</dt>
          <dd data-testid="fault.refused">{refused.length}</dd>
        </div>
        <div className={report.lost.length > 0 ? 'is-err' : undefined}>
          <dt>Lost</dt>
          <dd data-testid="fault.lost">{report.lost.length}</dd>
        </div>
        <div>
          <dt>Offline</dt>
          <dd data-testid="fault.offline">{report.offline.length}</dd>
        </div>
      </dl>
      <p className="cls-muted">
        {report.targeted} targeted · all answers in {report.durationMs} ms
      </p>
      {refused.length > 0 && (
        <ul className="cls-small-list">
          {refused.map((d) => (
            <li key={d.traineeId}>
              {name(d.traineeId)}: {d.error ?? 'refused'}
            </li>
          ))}
        </ul>
      )}
      {report.lost.length > 0 && (
        <p className="cls-small">No answer: {report.lost.map(name).join(', ')}</p>
      )}
      {report.offline.length > 0 && (
        <p className="cls-small">Offline: {report.offline.map(name).join(', ')}</p>
      )}
    </div>
  );
}
