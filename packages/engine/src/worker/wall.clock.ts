/**
 * The only wall-clock read of the engine package: the worker and the CLI use it to decide how
 * much simulated time to run per wall second. Nothing inside the simulation reads it.
 */
export function wallClockMs(): number {
  return performance.now();
}
