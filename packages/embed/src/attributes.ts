/**
 * The attributes of `<ft-twin>` (also the query parameters of the iframe page), parsed into
 * options. Pure and small: it runs in the loader, before any twin code is downloaded. A bad value
 * gives a problem message naming the attribute and what was expected, and its default applies.
 */
import { shown } from '@ft/hardware';

export const PANEL_NAMES = ['status', 'console', 'log', 'lockstep'] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

export type CameraSpec =
  | { view: 'front' | 'rear' | 'overview' }
  | { view: 'system'; systemId: string }
  | { view: 'part'; componentId: string };

export interface TwinAttributes {
  preset: string | null;
  /** A URL of a rack JSON, or null (inline JSON comes from a child script element). */
  configUrl: string | null;
  seed: number;
  /** Multiplier (0 pauses) or -1 for as fast as possible; null: the twin's default (1). */
  speed: number | null;
  camera: CameraSpec | null;
  panels: PanelName[];
  interaction: 'view' | 'inject';
  /** URL of a scenario JSON; inline JSON comes from a child script element. */
  scenarioUrl: string | null;
  autoplay: boolean;
  loop: boolean;
  loading: 'lazy' | 'eager';
  poster: string | null;
  workerUrl: string | null;
  alt: string | null;
  /** 'pause' (default): an off-screen twin pauses its simulation; 'run' keeps it going. */
  offscreen: 'pause' | 'run';
}

export const ATTRIBUTE_NAMES = [
  'preset',
  'config',
  'seed',
  'speed',
  'camera',
  'panels',
  'interaction',
  'scenario',
  'autoplay',
  'loop',
  'loading',
  'poster',
  'worker-url',
  'alt',
  'offscreen',
] as const;

export type AttributeName = (typeof ATTRIBUTE_NAMES)[number];

const DEFAULT_SEED = 1;
const MAX_SEED = 0xffff_ffff;
const MAX_SPEED = 10_000;
const ID = /^[A-Za-z][\w.-]{0,63}$/;
const PRESET = /^[\w.-]{1,64}$/;

/** A value as it may appear in a message: the one implementation, from @ft/hardware. */
export { shown };

/** Presence-style booleans: absent → false; "", "true", the name itself → true; "false" → false. */
function flag(name: string, value: string | null, problems: string[]): boolean {
  if (value === null) return false;
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'true' || v === name || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  problems.push(`${name}=${shown(value)}: expected no value, true or false.`);
  return false;
}

export function parseCamera(value: string): CameraSpec | string {
  const v = value.trim();
  if (v === 'front' || v === 'rear' || v === 'overview') return { view: v };
  const system = /^system:(.+)$/.exec(v);
  if (system && ID.test(system[1])) return { view: 'system', systemId: system[1] };
  const part = /^part:(.+)$/.exec(v);
  if (part && ID.test(part[1])) return { view: 'part', componentId: part[1] };
  return `camera=${shown(value)}: expected front, rear, overview, system:ID (e.g. system:A) or part:ID (e.g. part:A.cpu-1).`;
}

export function parsePanels(value: string): PanelName[] | string {
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === '') return [];
  if (v === 'all') return [...PANEL_NAMES];
  const names = v.split(',').map((p) => p.trim());
  const bad = names.filter((p) => !(PANEL_NAMES as readonly string[]).includes(p));
  if (bad.length > 0) {
    return `panels=${shown(value)}: unknown panel ${shown(bad[0], 20)}; expected a comma list of ${PANEL_NAMES.join(', ')}, or none or all.`;
  }
  return [...new Set(names as PanelName[])];
}

export function parseSpeed(value: string): number | string {
  const v = value.trim().toLowerCase();
  if (v === 'max') return -1;
  const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
  if (Number.isFinite(n) && n >= 0 && n <= MAX_SPEED) return n;
  return `speed=${shown(value)}: expected a number from 0 (paused) to ${MAX_SPEED}, or max.`;
}

export function parseSeed(value: string): number | string {
  const v = value.trim();
  const n = /^\d{1,10}$/.test(v) ? Number(v) : Number.NaN;
  if (Number.isInteger(n) && n <= MAX_SEED) return n;
  return `seed=${shown(value)}: expected a whole number from 0 to ${MAX_SEED}.`;
}

function url(name: string, value: string | null, problems: string[]): string | null {
  if (value === null || value.trim() === '') return null;
  if (/^\s*javascript:/i.test(value)) {
    problems.push(`${name}=${shown(value)}: javascript: URLs are not allowed.`);
    return null;
  }
  return value.trim();
}

/** Parses every attribute; `get` reads one (null when absent). */
export function parseAttributes(get: (name: AttributeName) => string | null): {
  value: TwinAttributes;
  problems: string[];
} {
  const problems: string[] = [];
  const pick = <T>(name: AttributeName, parse: (v: string) => T | string, fallback: T): T => {
    const raw = get(name);
    if (raw === null) return fallback;
    const parsed = parse(raw);
    if (typeof parsed === 'string' && typeof fallback !== 'string') {
      problems.push(parsed);
      return fallback;
    }
    return parsed as T;
  };
  const presetRaw = get('preset');
  const preset = presetRaw === null ? null : presetRaw.trim();
  if (preset !== null && !PRESET.test(preset)) {
    problems.push(`preset=${shown(presetRaw ?? '')}: expected a preset name such as 4300-dmr.`);
  }
  const interactionRaw = get('interaction');
  let interaction: 'view' | 'inject' = 'inject';
  if (interactionRaw !== null) {
    const v = interactionRaw.trim().toLowerCase();
    if (v === 'view' || v === 'inject') interaction = v;
    else problems.push(`interaction=${shown(interactionRaw)}: expected view or inject.`);
  }
  const loadingRaw = get('loading');
  let loading: 'lazy' | 'eager' = 'lazy';
  if (loadingRaw !== null) {
    const v = loadingRaw.trim().toLowerCase();
    if (v === 'lazy' || v === 'eager') loading = v;
    else problems.push(`loading=${shown(loadingRaw)}: expected lazy or eager.`);
  }
  const offscreenRaw = get('offscreen');
  let offscreen: 'pause' | 'run' = 'pause';
  if (offscreenRaw !== null) {
    const v = offscreenRaw.trim().toLowerCase();
    if (v === 'pause' || v === 'run') offscreen = v;
    else problems.push(`offscreen=${shown(offscreenRaw)}: expected pause or run.`);
  }
  const alt = get('alt');
  return {
    value: {
      preset: preset !== null && PRESET.test(preset) ? preset : null,
      configUrl: url('config', get('config'), problems),
      seed: pick('seed', parseSeed, DEFAULT_SEED),
      speed: pick<number | null>('speed', parseSpeed, null),
      camera: pick<CameraSpec | null>('camera', parseCamera, null),
      panels: pick<PanelName[]>('panels', parsePanels, []),
      interaction,
      scenarioUrl: url('scenario', get('scenario'), problems),
      autoplay: flag('autoplay', get('autoplay'), problems),
      loop: flag('loop', get('loop'), problems),
      loading,
      poster: url('poster', get('poster'), problems),
      workerUrl: url('worker-url', get('worker-url'), problems),
      alt: alt === null ? null : alt.slice(0, 200),
      offscreen,
    },
    problems,
  };
}
