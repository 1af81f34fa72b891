/** One row of the console tree: a system, a group, or a component with its state and MTBF. */
import type { ComponentInfo } from '@ft/engine';
import { memo } from 'react';
import { mtbfWords } from '../model/format.ts';
import { stateTone } from '../model/tone.ts';
import type { TreeRow } from '../model/tree.ts';

interface Props {
  row: TreeRow;
  info: ComponentInfo | undefined;
  selected: boolean;
  focusable: boolean;
  onKeyDown: (event: React.KeyboardEvent) => void;
  onFocus: () => void;
  onClick: () => void;
}

export const ConsoleRow = memo(function ConsoleRow(props: Props) {
  const { row, info, selected, focusable } = props;
  const testId =
    row.type === 'component' ? `console.row.${row.id}` : `console.${row.type}.${row.id}`;
  return (
    <div
      role="treeitem"
      className={`tree-row tree-${row.type}`}
      data-key={row.key}
      data-testid={testId}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={row.type === 'component' ? selected : undefined}
      tabIndex={focusable ? 0 : -1}
      onKeyDown={props.onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget) props.onFocus();
      }}
      onClick={props.onClick}
    >
      <span className="tree-twisty" aria-hidden="true">
        {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      {row.type === 'component' && info ? (
        <ComponentCells info={info} />
      ) : (
        <span className="tree-label">{row.label}</span>
      )}
    </div>
  );
});

/**
 * The row's name comes from its content (what is seen is what is read, WCAG 2.5.3): label,
 * path, reason, state and fault record, with hidden words and commas for the screen reader.
 */
function ComponentCells({ info }: { info: ComponentInfo }) {
  const tone = stateTone(info.stateName);
  return (
    <>
      <span className="tree-dot" data-tone={tone} aria-hidden="true" />
      <span className="tree-main">
        <span className="tree-label">{info.label}</span>
        <span className="tree-path mono">
          <span className="visually-hidden">, path </span>
          {info.path}
        </span>
        {info.reason ? (
          <span className="tree-reason">
            <span className="visually-hidden">, </span>
            {info.reason}
          </span>
        ) : null}
      </span>
      <span className="tree-side">
        <span className="badge" data-tone={tone}>
          <span className="visually-hidden">, </span>
          {info.stateName}
        </span>
        <span
          className="tree-mtbf"
          title="Faults counted towards the MTBF threshold: a part that faults more often than its threshold is taken out of service (broken)"
        >
          <span className="visually-hidden">, </span>
          {mtbfWords(info.faultCount, info.mtbfS).short}
        </span>
      </span>
    </>
  );
}
