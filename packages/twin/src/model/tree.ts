/**
 * The console tree as data: which rows are visible given the expanded set, and where each key
 * press moves the focus (WAI-ARIA tree pattern). Pure, so the panel stays a thin view.
 */
import { GROUPS, type GroupId, groupOfKind } from './labels.ts';

export interface TreeSystem {
  id: string;
  name: string;
  components: readonly { id: string; kind: string }[];
}

export type RowType = 'system' | 'group' | 'component';

export interface TreeRow {
  key: string;
  type: RowType;
  /** System id, `system:group` or component id. */
  id: string;
  systemId: string;
  label: string;
  level: number;
  expandable: boolean;
  expanded: boolean;
  parentKey: string | null;
  setSize: number;
  posInSet: number;
}

export const systemKey = (systemId: string): string => `sys:${systemId}`;
export const groupKey = (systemId: string, group: GroupId): string => `grp:${systemId}:${group}`;
export const componentKey = (id: string): string => `cmp:${id}`;

/** Keys expanded when the console first shows a rack: every system and its CPU elements. */
export function defaultExpanded(systems: readonly TreeSystem[]): Set<string> {
  const keys = new Set<string>();
  for (const s of systems) {
    keys.add(systemKey(s.id));
    keys.add(groupKey(s.id, 'cpu'));
  }
  return keys;
}

/** Visible rows, in order, for these systems and expanded keys. */
export function visibleRows(
  systems: readonly TreeSystem[],
  expanded: ReadonlySet<string>,
  labelOf: (componentId: string) => string,
): TreeRow[] {
  const rows: TreeRow[] = [];
  systems.forEach((system, si) => {
    const sKey = systemKey(system.id);
    const sOpen = expanded.has(sKey);
    rows.push({
      key: sKey,
      type: 'system',
      id: system.id,
      systemId: system.id,
      label: system.name,
      level: 1,
      expandable: true,
      expanded: sOpen,
      parentKey: null,
      setSize: systems.length,
      posInSet: si + 1,
    });
    if (!sOpen) return;
    const groups = GROUPS.map((g) => ({
      group: g,
      members: system.components.filter((c) => groupOfKind(c.kind) === g.id),
    })).filter((g) => g.members.length > 0);
    groups.forEach(({ group, members }, gi) => {
      const gKey = groupKey(system.id, group.id);
      const gOpen = expanded.has(gKey);
      rows.push({
        key: gKey,
        type: 'group',
        id: `${system.id}:${group.id}`,
        systemId: system.id,
        label: group.label,
        level: 2,
        expandable: true,
        expanded: gOpen,
        parentKey: sKey,
        setSize: groups.length,
        posInSet: gi + 1,
      });
      if (!gOpen) return;
      members.forEach((c, ci) => {
        rows.push({
          key: componentKey(c.id),
          type: 'component',
          id: c.id,
          systemId: system.id,
          label: labelOf(c.id),
          level: 3,
          expandable: false,
          expanded: false,
          parentKey: gKey,
          setSize: members.length,
          posInSet: ci + 1,
        });
      });
    });
  });
  return rows;
}

export type TreeAction =
  | { type: 'focus'; index: number }
  | { type: 'expand'; key: string }
  | { type: 'collapse'; key: string; focus?: number }
  | { type: 'activate'; row: TreeRow }
  | { type: 'none' };

/** What a key press on row `index` does. */
export function treeKeyAction(rows: readonly TreeRow[], index: number, key: string): TreeAction {
  const row = rows[index];
  if (!row) return rows.length > 0 ? { type: 'focus', index: 0 } : { type: 'none' };
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length ? { type: 'focus', index: index + 1 } : { type: 'none' };
    case 'ArrowUp':
      return index > 0 ? { type: 'focus', index: index - 1 } : { type: 'none' };
    case 'Home':
      return { type: 'focus', index: 0 };
    case 'End':
      return { type: 'focus', index: rows.length - 1 };
    case 'ArrowRight':
      if (!row.expandable) return { type: 'none' };
      if (!row.expanded) return { type: 'expand', key: row.key };
      return index + 1 < rows.length && rows[index + 1].parentKey === row.key
        ? { type: 'focus', index: index + 1 }
        : { type: 'none' };
    case 'ArrowLeft': {
      if (row.expandable && row.expanded) return { type: 'collapse', key: row.key };
      const parent = rows.findIndex((r) => r.key === row.parentKey);
      return parent >= 0 ? { type: 'focus', index: parent } : { type: 'none' };
    }
    case 'Enter':
    case ' ':
      if (row.type === 'component') return { type: 'activate', row };
      return row.expanded ? { type: 'collapse', key: row.key } : { type: 'expand', key: row.key };
    default:
      return { type: 'none' };
  }
}
