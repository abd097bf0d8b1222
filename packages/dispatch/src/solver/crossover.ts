import type { Prng } from './prng.js';

/**
 * Order crossover (OX) on giant tours: a random slice of parent A is kept in place and the remaining
 * customers follow in parent B's order, starting after the slice. Split then decides the routes.
 */
export function orderCrossover(a: Int32Array, b: Int32Array, rng: Prng, out: Int32Array, used: Uint8Array): void {
  const n = a.length;
  used.fill(0);
  const start = rng.int(n);
  let end = rng.int(n);
  while (end === start && n > 1) end = rng.int(n);
  for (let i = start; i !== (end + 1) % n; i = (i + 1) % n) {
    out[i] = a[i]!;
    used[a[i]!] = 1;
  }
  let w = (end + 1) % n;
  for (let k = 1; k <= n; k++) {
    const c = b[(end + k) % n]!;
    if (used[c]) continue;
    out[w] = c;
    w = (w + 1) % n;
  }
}
