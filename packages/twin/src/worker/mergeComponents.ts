/**
 * Merges a fresh component list into the previous map, keeping the previous object wherever
 * nothing changed, so that React rows re-render only for the components that did change.
 */
import type { ComponentInfo } from '@ft/engine';

export function mergeComponents(
  previous: Readonly<Record<string, ComponentInfo>>,
  fresh: readonly ComponentInfo[],
): Record<string, ComponentInfo> {
  const next: Record<string, ComponentInfo> = {};
  let changed = Object.keys(previous).length !== fresh.length;
  for (const info of fresh) {
    const old = previous[info.id];
    if (old && sameInfo(old, info)) next[info.id] = old;
    else {
      next[info.id] = info;
      changed = true;
    }
  }
  return changed ? next : (previous as Record<string, ComponentInfo>);
}

function sameInfo(a: ComponentInfo, b: ComponentInfo): boolean {
  for (const key of Object.keys(b) as (keyof ComponentInfo)[]) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}
