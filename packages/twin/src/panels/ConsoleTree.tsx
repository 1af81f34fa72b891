/**
 * The management console: an ftSMC-like tree of systems → component groups → components, with
 * state, reason and MTBF per row. It is the keyboard and screen-reader path to everything the 3D
 * view does (WAI-ARIA tree with a roving tabindex; Enter opens the component panel).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { groupOfKind } from '../model/labels.ts';
import {
  componentKey,
  defaultExpanded,
  groupKey,
  systemKey,
  type TreeRow,
  type TreeSystem,
  treeKeyAction,
  visibleRows,
} from '../model/tree.ts';
import { useTwin, useTwinInstance } from '../state/context.ts';
import { ConsoleRow } from './ConsoleRow.tsx';

export function ConsoleTree() {
  const twin = useTwinInstance();
  const rack = useTwin((s) => s.rack);
  const components = useTwin((s) => s.components);
  const selectedId = useTwin((s) => s.selectedId);
  const systems = useMemo<TreeSystem[]>(
    () =>
      rack?.systems.map((s) => ({
        id: s.config.id,
        name: s.config.name,
        components: s.components.map((c) => ({ id: c.id, kind: c.kind })),
      })) ?? [],
    [rack],
  );
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const focusOnRender = useRef(false);

  useEffect(() => setExpanded(defaultExpanded(systems)), [systems]);

  const labels = useMemo(() => {
    const map = new Map<string, string>();
    for (const c of rack?.components ?? []) map.set(c.id, components[c.id]?.label ?? c.label);
    return map;
  }, [rack, components]);
  const rows = useMemo(
    () => visibleRows(systems, expanded, (id) => labels.get(id) ?? id),
    [systems, expanded, labels],
  );

  // A selection made elsewhere (the 3D view) reveals and marks the row here.
  useEffect(() => {
    const spec = selectedId ? rack?.components.find((c) => c.id === selectedId) : undefined;
    if (!spec) return;
    const keys = [systemKey(spec.systemId), groupKey(spec.systemId, groupOfKind(spec.kind))];
    setExpanded((prev) => (keys.every((k) => prev.has(k)) ? prev : new Set([...prev, ...keys])));
    setFocusKey(componentKey(spec.id));
  }, [selectedId, rack]);

  const focusIndex = Math.max(
    0,
    rows.findIndex((r) => r.key === focusKey),
  );

  useEffect(() => {
    if (!focusOnRender.current) return;
    focusOnRender.current = false;
    const el = treeRef.current?.querySelector<HTMLElement>(
      `[data-key="${CSS.escape(rows[focusIndex]?.key ?? '')}"]`,
    );
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  });

  const toggle = (key: string, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });

  const activate = (row: TreeRow) => {
    // The keyboard user moves on to the panel that opens (it takes focus once it has rendered).
    twin.ui.selectAndFocus(row.id);
  };

  const onKeyDown = (event: React.KeyboardEvent, index: number) => {
    const action = treeKeyAction(rows, index, event.key);
    if (action.type === 'none') return;
    event.preventDefault();
    if (action.type === 'focus') {
      focusOnRender.current = true;
      setFocusKey(rows[action.index].key);
    } else if (action.type === 'expand') toggle(action.key, true);
    else if (action.type === 'collapse') toggle(action.key, false);
    else activate(action.row);
  };

  return (
    <section className="panel" aria-labelledby="console-title">
      <h2 className="panel-title" id="console-title">
        Management console
      </h2>
      <div className="panel-body console-body">
        {rows.length === 0 ? (
          <p className="console-empty muted">Loading the rack…</p>
        ) : (
          <div
            ref={treeRef}
            className="tree"
            role="tree"
            aria-labelledby="console-title"
            data-testid="console"
          >
            {rows.map((row, i) => (
              <ConsoleRow
                key={row.key}
                row={row}
                info={row.type === 'component' ? components[row.id] : undefined}
                selected={row.type === 'component' && row.id === selectedId}
                focusable={i === focusIndex}
                onKeyDown={(e) => onKeyDown(e, i)}
                onFocus={() => setFocusKey(row.key)}
                onClick={() =>
                  row.type === 'component' ? activate(row) : toggle(row.key, !row.expanded)
                }
              />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
