export { Engine } from './engine.ts';
export * from './types.ts';
export * from './snapshot.ts';
export { CPU_UPSETS, FAULT_MTBF_H, TIMING } from './timing.ts';
export { FAULTS_BY_KIND_NAME } from './faults-by-kind.ts';
export type { LoadRequest, LoadResult, TimedCommandResult, WorkerApi } from './worker/api.ts';
