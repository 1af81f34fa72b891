/**
 * Continuous-time Markov chains: explore the states reachable from an initial one, then solve
 * the steady state πQ = 0, Σπ = 1 by Gaussian elimination (the chains here have at most a few
 * hundred states).
 */

export interface MarkovChain<S> {
  states: S[];
  /** Steady-state probability of each state, in `states` order. */
  pi: Float64Array;
}

/**
 * Builds the chain reachable from `initial` (`next` lists each state's transitions as
 * [state, rate per hour]) and solves its steady state.
 *
 * @example
 * // One part: fails at λ, repaired at μ → availability μ / (λ + μ).
 * const chain = solveChain('up', (s) => s, (s) => (s === 'up' ? [['down', 0.001]] : [['up', 0.25]]));
 * probability(chain, (s) => s === 'up'); // 0.996…
 */
export function solveChain<S>(
  initial: S,
  key: (s: S) => string,
  next: (s: S) => readonly (readonly [S, number])[],
  maxStates = 2_000,
): MarkovChain<S> {
  const index = new Map<string, number>([[key(initial), 0]]);
  const states: S[] = [initial];
  const edges: [number, number, number][] = [];
  for (let i = 0; i < states.length; i++) {
    for (const [to, rate] of next(states[i])) {
      if (!(rate >= 0) || !Number.isFinite(rate)) throw new Error(`bad rate ${rate}`);
      if (rate === 0) continue;
      const k = key(to);
      let j = index.get(k);
      if (j === undefined) {
        j = states.length;
        if (j >= maxStates) throw new Error(`chain has more than ${maxStates} states`);
        index.set(k, j);
        states.push(to);
      }
      if (j !== i) edges.push([i, j, rate]);
    }
  }
  return { states, pi: steadyState(states.length, edges) };
}

/** Solves πQ = 0 with Σπ = 1 for a generator given as [from, to, rate] edges. */
export function steadyState(
  n: number,
  edges: readonly (readonly [number, number, number])[],
): Float64Array {
  // Rows are the balance equations (Qᵀ π = 0); the last one is replaced by Σπ = 1.
  const a = Array.from({ length: n }, () => new Float64Array(n + 1));
  for (const [i, j, rate] of edges) {
    a[j][i] += rate;
    a[i][i] -= rate;
  }
  a[n - 1].fill(1);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-300) throw new Error('singular chain (unreachable states?)');
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const row = a[col];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / row[col];
      if (f === 0) continue;
      const target = a[r];
      for (let k = col; k <= n; k++) target[k] -= f * row[k];
    }
  }
  const pi = new Float64Array(n);
  for (let i = 0; i < n; i++) pi[i] = a[i][n] / a[i][i];
  return pi;
}

/** Total steady-state probability of the states matching `where`. */
export function probability<S>(chain: MarkovChain<S>, where: (s: S) => boolean): number {
  let p = 0;
  chain.states.forEach((s, i) => {
    if (where(s)) p += chain.pi[i];
  });
  return p;
}
