/**
 * What the scene shows for a system's Active Upgrade and call-home role, as pure functions of its
 * {@link SystemInfo}: which half a component belongs to, and the text of the floating labels and
 * the ftGateway badge. No three.js here, so it is unit-tested on its own.
 */
import type { SystemInfo, UpgradeState } from '@ft/engine';
import type { ComponentSpec } from '@ft/hardware';

/** States in which the pair runs as two machines and the scene draws the two halves. */
const SPLIT_STATES: ReadonlySet<UpgradeState> = new Set(['Split', 'PrepareMerge', 'Merge']);
/** States that get one quieter label over the whole chassis. */
const NOTE_STATES: ReadonlySet<UpgradeState> = new Set(['PrepareSplit', 'Commit', 'Finish']);

export type Half = 'production' | 'upgrade';

/** Whether the scene draws the production and upgrade halves apart in `state`. */
export const showsHalves = (state: UpgradeState): boolean => SPLIT_STATES.has(state);

/**
 * The half a part on CPU/I/O side `side` belongs to while split, or null for parts both halves
 * share (power supplies) and sides outside the pair (a TMR third element).
 */
export function halfOf(
  kind: ComponentSpec['kind'],
  side: number,
  productionSide: number,
): Half | null {
  return kind === 'psu' ? null : halfOfSide(side, productionSide);
}

/** The half of CPU/I/O side `side` (0 or 1) while split; null for any other side. */
export function halfOfSide(side: number, productionSide: number): Half | null {
  if (side !== 0 && side !== 1) return null;
  return side === productionSide ? 'production' : 'upgrade';
}

/** Component ids of each half of system `systemId` (parts both halves share are in neither). */
export function componentHalves(
  components: readonly ComponentSpec[],
  systemId: string,
  productionSide: number,
): Record<Half, string[]> {
  const out: Record<Half, string[]> = { production: [], upgrade: [] };
  for (const c of components) {
    if (c.systemId !== systemId) continue;
    const half = halfOf(c.kind, c.side, productionSide);
    if (half) out[half].push(c.id);
  }
  return out;
}

/** Texts of the floating labels of one system; null where that label is hidden. */
export interface UpgradeLabels {
  production: string | null;
  upgrade: string | null;
  /** One label over the whole chassis (a quiet state note, or the merge banner). */
  single: string | null;
  /** How the single label is drawn: a quiet note, or the two-colour merge banner. */
  singleStyle: 'note' | 'merge';
}

const NONE: UpgradeLabels = { production: null, upgrade: null, single: null, singleStyle: 'note' };

const STATE_WORDS: Record<UpgradeState, string> = {
  Idle: 'IDLE',
  PrepareSplit: 'PREPARING SPLIT',
  Split: 'SPLIT',
  PrepareMerge: 'PREPARING MERGE',
  Merge: 'MERGING',
  Commit: 'COMMIT',
  Finish: 'FINISH',
};

const MAX_VERSION_CHARS = 18;

/**
 * A version as a label shows it: the trailing release number of a product string, else the
 * string itself, shortened to fit.
 *
 * @example
 * shortVersion('ftServer System Software 4.0.0'); // '4.0.0'
 */
export function shortVersion(version: string): string {
  const m = /(\d+(?:\.\d+)+)\s*$/.exec(version);
  if (m) return m[1];
  const v = version.trim();
  return v.length > MAX_VERSION_CHARS ? `${v.slice(0, MAX_VERSION_CHARS - 1)}\u2026` : v;
}

/**
 * The labels of a system's Active Upgrade.
 *
 * @example
 * upgradeLabels(info.upgrade).production; // 'PRODUCTION · 4.0.0' while split
 */
export function upgradeLabels(upgrade: SystemInfo['upgrade']): UpgradeLabels {
  const { state } = upgrade;
  const productionVersion = shortVersion(upgrade.productionVersion);
  const next = upgrade.upgradeVersion ? shortVersion(upgrade.upgradeVersion) : '';
  const arrow = next ? ` \u00b7 ${productionVersion} \u2192 ${next}` : '';
  if (state === 'Merge') {
    return {
      production: null,
      upgrade: null,
      single: `MERGING\u2026${arrow}`,
      singleStyle: 'merge',
    };
  }
  if (showsHalves(state)) {
    return {
      production: `PRODUCTION \u00b7 ${productionVersion}`,
      upgrade: `UPGRADE SIDE \u00b7 ${next || '\u2014'}`,
      single: null,
      singleStyle: 'note',
    };
  }
  if (NOTE_STATES.has(state)) {
    const target = next ? ` \u2192 ${next}` : '';
    return { ...NONE, single: `ACTIVE UPGRADE \u00b7 ${STATE_WORDS[state]}${target}` };
  }
  return NONE;
}

export interface GatewayBadge {
  text: string;
  linkUp: boolean;
}

/** The call-home badge on the model plate: only the gateway and its backup get one. */
export function gatewayBadge(gateway: SystemInfo['gateway']): GatewayBadge | null {
  if (gateway.role === 'gateway') return { text: 'ftGateway', linkUp: gateway.linkUp };
  if (gateway.role === 'backup') return { text: 'ftGateway backup', linkUp: gateway.linkUp };
  return null;
}
