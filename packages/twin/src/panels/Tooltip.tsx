/** Name and state of the component under the pointer in the 3D view, next to the pointer. */
import { stateTone } from '../model/tone.ts';
import { useTwin } from '../state/context.ts';

const OFFSET_PX = 14;

export function Tooltip() {
  const hovered = useTwin((s) => s.hovered);
  const info = useTwin((s) => (s.hovered ? s.components[s.hovered.id] : undefined));
  if (!hovered || !info) return null;
  const maxX = window.innerWidth - 240;
  return (
    <div
      className="tooltip"
      data-testid="tooltip"
      style={{ left: Math.min(hovered.x + OFFSET_PX, maxX), top: hovered.y + OFFSET_PX }}
    >
      <span className="tooltip-name">{info.label}</span>
      <span className="badge" data-tone={stateTone(info.stateName)}>
        {info.stateName}
      </span>
    </div>
  );
}
