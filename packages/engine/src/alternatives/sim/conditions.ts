/**
 * Questions asked of an alternative rack's state: is a part usable, can a server boot, can
 * clients reach it, is a service's data available. Pure functions, no changes.
 */
import { NodePhase, type AltState, type ServiceState } from './state.ts';

/** In its slot and not broken. */
export function partOk(w: AltState, c: number): boolean {
  return w.pulled[c] === 0 && w.broken[c] === 0;
}

function allOk(w: AltState, parts: readonly number[]): boolean {
  return parts.every((c) => partOk(w, c));
}

/** A server with power: not switched off and its supply in and working. */
export function serverPowered(w: AltState, s: number): boolean {
  return w.nodes[s].phase !== NodePhase.Off && w.partsOf(s, 'psu').some((c) => partOk(w, c));
}

/** A server can boot: power, and its CPU-memory unit, I/O board and riser in and working. */
export function bootable(w: AltState, s: number): boolean {
  return (
    serverPowered(w, s) &&
    allOk(w, w.partsOf(s, 'cpu')) &&
    allOk(w, w.partsOf(s, 'io')) &&
    allOk(w, w.partsOf(s, 'xio'))
  );
}

/**
 * Clients can reach a server: its network port has a link and every adapter that carries
 * service traffic works (remote-management cards carry none).
 */
export function reachable(w: AltState, s: number): boolean {
  for (const c of w.partsOf(s, 'nic')) if (!partOk(w, c) || w.linkDown[c]) return false;
  for (const c of w.partsOf(s, 'pci')) if (!w.managementOnly[c] && !partOk(w, c)) return false;
  return true;
}

/** Running and reachable: a node the application can run on. */
export function nodeReady(w: AltState, s: number): boolean {
  return w.nodes[s].phase === NodePhase.Up && reachable(w, s);
}

/** A disk array serving I/O: on, a supply and a controller working. */
export function arrayPowered(w: AltState, s: number): boolean {
  return (
    !w.arrayOff[s] &&
    w.partsOf(s, 'psu').some((c) => partOk(w, c)) &&
    w.partsOf(s, 'io').some((c) => partOk(w, c))
  );
}

/** The system holding a volume can read and write it (server up, or array powered). */
export function hostPowered(w: AltState, s: number): boolean {
  return w.isServer[s] ? w.nodes[s].phase === NodePhase.Up : arrayPowered(w, s);
}

/** A volume's data can be read: one copy in, working and current, no restore running. */
export function volumeOk(w: AltState, v: number): boolean {
  const vol = w.volumes[v];
  return !vol.restoring && vol.disks.some((d) => partOk(w, d) && w.valid[d] === 1);
}

/** Every volume hosted by system `s` is readable. */
export function volumesOk(w: AltState, s: number): boolean {
  return w.volumes.every((vol, v) => vol.host !== s || volumeOk(w, v));
}

/** The service's data can be reached: the array (clusters) or the server's own disks. */
export function storageOk(w: AltState, svc: ServiceState): boolean {
  if (svc.storage >= 0) return arrayPowered(w, svc.storage) && volumesOk(w, svc.storage);
  return svc.nodes.every((s) => volumesOk(w, s));
}

/** System that takes the blame when the service's data is unavailable. */
export function storageSystem(svc: ServiceState): number {
  return svc.storage >= 0 ? svc.storage : svc.nodes[0];
}
