/**
 * VRPTW instance model. Node 0 is the depot, nodes 1..n are customers, all in flat typed arrays
 * so the solver's hot loops index numbers, never objects.
 */
export interface VrptwInstance {
  readonly name: string;
  /** Number of customers (nodes 1..n); the depot is node 0. */
  readonly n: number;
  readonly capacity: number;
  /** Fleet size stated by the file (an upper bound, not a cost). */
  readonly fleetSize: number;
  /** Customer numbers as written in the source file, index = node. */
  readonly ids: Int32Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly demand: Float64Array;
  readonly ready: Float64Array;
  readonly due: Float64Array;
  readonly service: Float64Array;
  /** Row-major (n+1)×(n+1) matrix; distance = travel time. */
  readonly dist: Float64Array;
}

export interface CustomerRecord {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

/** Builds the typed-array instance; `nodes[0]` must be the depot. */
export function buildInstance(
  name: string,
  capacity: number,
  fleetSize: number,
  nodes: readonly CustomerRecord[],
): VrptwInstance {
  const size = nodes.length;
  if (size < 1) throw new Error('instance needs a depot');
  const ids = new Int32Array(size);
  const x = new Float64Array(size);
  const y = new Float64Array(size);
  const demand = new Float64Array(size);
  const ready = new Float64Array(size);
  const due = new Float64Array(size);
  const service = new Float64Array(size);
  nodes.forEach((c, i) => {
    ids[i] = c.id;
    x[i] = c.x;
    y[i] = c.y;
    demand[i] = c.demand;
    ready[i] = c.ready;
    due[i] = c.due;
    service[i] = c.service;
  });
  return {
    name,
    n: size - 1,
    capacity,
    fleetSize,
    ids,
    x,
    y,
    demand,
    ready,
    due,
    service,
    dist: euclideanMatrix(x, y),
  };
}

/**
 * Full double-precision Euclidean matrix, no rounding: the benchmark tables and the checker use exactly
 * this convention, so any rounding here would make "feasible" mean something else than in the checker.
 */
export function euclideanMatrix(x: Float64Array, y: Float64Array): Float64Array {
  const size = x.length;
  const d = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const dx = x[i]! - x[j]!;
      const dy = y[i]! - y[j]!;
      d[i * size + j] = Math.sqrt(dx * dx + dy * dy);
    }
  }
  return d;
}
