/**
 * @ft/twin — the twin as a component: `createTwin(host, options)` mounts one twin (its own
 * worker, store, scene and panels) in a shadow root and returns its API handle.
 */
export { createTwin, type TwinHandle, type TwinOptions } from './createTwin.tsx';
export type { ComponentSummary, FtTwin, FtTwinEventName, FtTwinEvents } from './api/ftTwin.ts';
export { TwinInstance } from './instance.ts';
export type { ClientEvents, EngineSnapshotRecords } from './worker/clientEvents.ts';
export {
  type AppParams,
  DEFAULT_PRESET,
  DEFAULT_SEED,
  parseParams,
  type RackChoice,
} from './url/params.ts';
export { LiveDriver } from './scenario/liveDriver.ts';
export { CONFIG_KEY, configFragment, configText } from './url/configLink.ts';
export { ArgumentError } from './api/args.ts';
export { describeValue, safeText, shown } from '@ft/hardware';
