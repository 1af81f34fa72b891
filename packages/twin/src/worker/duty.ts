/**
 * Share of each tick the engine worker may use at "as fast as possible". With two cores or fewer
 * the renderer (software WebGL rasterises on the CPU) needs most of the machine, so the worker
 * leaves it room; with more cores it may run flat out.
 */
export function workerDuty(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return cores <= 2 ? 0.4 : cores <= 4 ? 0.6 : 0.75;
}
