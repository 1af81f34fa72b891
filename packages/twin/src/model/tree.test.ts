import { describe, expect, it } from 'vitest';
import {
  componentKey,
  defaultExpanded,
  groupKey,
  systemKey,
  type TreeSystem,
  treeKeyAction,
  visibleRows,
} from './tree.ts';

const systems: TreeSystem[] = [
  {
    id: 'A',
    name: 'ft4300-A',
    components: [
      { id: 'A.cpu-0', kind: 'cpu' },
      { id: 'A.cpu-1', kind: 'cpu' },
      { id: 'A.io-10', kind: 'io' },
      { id: 'A.disk-10-40-1', kind: 'disk' },
    ],
  },
  { id: 'B', name: 'ft5600-B', components: [{ id: 'B.cpu-0', kind: 'cpu' }] },
];
const label = (id: string) => `label ${id}`;

describe('visibleRows', () => {
  it('shows systems, groups and the CPU elements by default', () => {
    const rows = visibleRows(systems, defaultExpanded(systems), label);
    expect(rows.map((r) => r.key)).toEqual([
      systemKey('A'),
      groupKey('A', 'cpu'),
      componentKey('A.cpu-0'),
      componentKey('A.cpu-1'),
      groupKey('A', 'io'),
      groupKey('A', 'disk'),
      systemKey('B'),
      groupKey('B', 'cpu'),
      componentKey('B.cpu-0'),
    ]);
    expect(rows[2]).toMatchObject({ level: 3, setSize: 2, posInSet: 1, label: 'label A.cpu-0' });
    expect(rows[4]).toMatchObject({ level: 2, setSize: 3, posInSet: 2, expanded: false });
  });

  it('hides the children of collapsed rows', () => {
    const rows = visibleRows(systems, new Set([systemKey('B')]), label);
    expect(rows.map((r) => r.key)).toEqual([systemKey('A'), systemKey('B'), groupKey('B', 'cpu')]);
  });
});

describe('treeKeyAction', () => {
  const rows = visibleRows(systems, defaultExpanded(systems), label);
  it('moves with the vertical arrows, Home and End', () => {
    expect(treeKeyAction(rows, 0, 'ArrowDown')).toEqual({ type: 'focus', index: 1 });
    expect(treeKeyAction(rows, 0, 'ArrowUp')).toEqual({ type: 'none' });
    expect(treeKeyAction(rows, 3, 'Home')).toEqual({ type: 'focus', index: 0 });
    expect(treeKeyAction(rows, 0, 'End')).toEqual({ type: 'focus', index: rows.length - 1 });
    expect(treeKeyAction(rows, rows.length - 1, 'ArrowDown')).toEqual({ type: 'none' });
  });
  it('expands, enters, collapses and climbs with Right/Left', () => {
    expect(treeKeyAction(rows, 4, 'ArrowRight')).toEqual({
      type: 'expand',
      key: groupKey('A', 'io'),
    });
    expect(treeKeyAction(rows, 1, 'ArrowRight')).toEqual({ type: 'focus', index: 2 });
    expect(treeKeyAction(rows, 1, 'ArrowLeft')).toEqual({
      type: 'collapse',
      key: groupKey('A', 'cpu'),
    });
    expect(treeKeyAction(rows, 2, 'ArrowLeft')).toEqual({ type: 'focus', index: 1 });
    expect(treeKeyAction(rows, 2, 'ArrowRight')).toEqual({ type: 'none' });
  });
  it('activates components and toggles groups with Enter and Space', () => {
    expect(treeKeyAction(rows, 2, 'Enter')).toEqual({ type: 'activate', row: rows[2] });
    expect(treeKeyAction(rows, 4, ' ')).toEqual({ type: 'expand', key: groupKey('A', 'io') });
    expect(treeKeyAction(rows, 0, 'Enter')).toEqual({ type: 'collapse', key: systemKey('A') });
  });
});
