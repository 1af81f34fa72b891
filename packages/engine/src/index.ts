export { Engine } from './engine.ts';
export * from './types.ts';
export * from './snapshot.ts';
export { CPU_UPSETS, FAULT_MTBF_H, TIMING } from './timing.ts';
export { FAULTS_BY_KIND_NAME } from './faults-by-kind.ts';
export type {
  DivergenceHold,
  EventBatch,
  Heartbeat,
  JournalEntry,
  LoadRequest,
  LoadResult,
  ReplayResult,
  TimedCommandResult,
  WorkerApi,
  WorkerJob,
} from './worker/api.ts';
export type { HeartbeatMessage } from './worker/expose.ts';
