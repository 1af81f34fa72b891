/**
 * Whether a part can be pulled now without consequences, and if not, what would happen: the
 * same judgement the real machine's safe-to-pull LED makes.
 */
import { OpState } from '../types.ts';
import { cpuInLockstep, isOnline, lockstepCount } from './component-state.ts';
import { Kind } from './kinds.ts';
import type { World } from './world.ts';

function soleMirrorHalf(w: World, d: number): boolean {
  const p = w.partner[d];
  return isOnline(w, d) && (p < 0 || w.state[p] !== OpState.Duplex);
}

/** '' when safe to pull; otherwise the consequence, in words. */
export function pullWarning(w: World, c: number): string {
  const spec = w.specs[c];
  const s = w.sys[c];
  const sysName = w.systemName(s);
  if (!spec.hotSwappable.value) {
    const parent = spec.parentId ? w.label(w.byId.get(spec.parentId) ?? c) : 'its enclosure';
    return `${spec.label} is built into ${parent}: pull that instead`;
  }
  if (w.pulled[c]) return '';
  switch (w.kind[c] as Kind) {
    case Kind.Cpu: {
      if (cpuInLockstep(w, c) && lockstepCount(w, s) === 1) {
        return `${spec.label} is the last online CPU element of ${sysName}: pulling it takes the system down`;
      }
      if (w.state[c] === OpState.Dumping)
        return `${spec.label} holds the crash dump: pulling it loses the dump`;
      return '';
    }
    case Kind.Io:
    case Kind.Xio: {
      const p = w.partner[c];
      if (isOnline(w, c) && (p < 0 || !isOnline(w, p))) {
        return w.kind[c] === Kind.Io
          ? `${spec.label} is the last online I/O element of ${sysName}: pulling it takes the system down`
          : `${spec.label} is the last online expansion I/O element: its adapters' traffic stops`;
      }
      for (const ch of w.children[c]) {
        if (w.kind[ch] === Kind.Disk && soleMirrorHalf(w, ch)) {
          return `${w.label(ch)} in ${spec.label} is the only good half of its mirror: pulling takes ${sysName} down`;
        }
      }
      return '';
    }
    case Kind.Disk:
      return soleMirrorHalf(w, c)
        ? `${spec.label} is the only good half of its mirror: pulling it takes ${sysName} down`
        : '';
    case Kind.Pci: {
      const p = w.partner[c];
      return isOnline(w, c) && (p < 0 || !isOnline(w, p))
        ? `${spec.label} is the only working adapter of its pair: its network or storage path is lost`
        : '';
    }
    case Kind.Psu: {
      if (!isOnline(w, c)) return '';
      for (const e of w.sysComponents[s]) {
        const kind = w.kind[e];
        if (w.side[e] !== w.side[c] || (kind !== Kind.Cpu && kind !== Kind.Io)) continue;
        if (kind === Kind.Cpu && cpuInLockstep(w, e) && lockstepCount(w, s) === 1) {
          return `${spec.label} powers ${w.label(e)}, the last online CPU element: pulling it takes ${sysName} down`;
        }
        const p = w.partner[e];
        if (kind === Kind.Io && isOnline(w, e) && (p < 0 || !isOnline(w, p))) {
          return `${spec.label} powers ${w.label(e)}, the last online I/O element: pulling it takes ${sysName} down`;
        }
      }
      return '';
    }
    default:
      return '';
  }
}
