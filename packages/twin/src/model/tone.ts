/** The colour tone of a state name, shared by badges, the console and the lockstep view. */
export type Tone = 'ok' | 'warn' | 'err' | 'busy' | 'off';

const STATE_TONES: Readonly<Record<string, Tone>> = {
  duplex: 'ok',
  triplex: 'ok',
  'device-ready': 'ok',
  simplex: 'warn',
  shot: 'err',
  broken: 'err',
  initializing: 'busy',
  diagnostics: 'busy',
  'diagnostics-passed': 'busy',
  dumping: 'busy',
  'firmware-update': 'busy',
  'firmware-update-complete': 'busy',
  removed: 'off',
  empty: 'off',
  offline: 'off',
  stopped: 'off',
  unknown: 'off',
};

/** Tone of a component state name. */
export const stateTone = (stateName: string): Tone => STATE_TONES[stateName] ?? 'off';

const STATUS_TONES: Readonly<Record<string, Tone>> = {
  duplex: 'ok',
  triplex: 'ok',
  simplex: 'warn',
  booting: 'busy',
  down: 'err',
};

/** Tone of a system status name. */
export const statusTone = (statusName: string): Tone => STATUS_TONES[statusName] ?? 'off';
