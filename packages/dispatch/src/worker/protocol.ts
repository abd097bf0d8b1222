import type { SolveOptions, SolveResult } from '../solver/solve.js';
import type { CustomerRecord } from '../vrptw/instance.js';

/**
 * Messages between the main thread and the solver worker. Instances travel as plain records (structured
 * clone) and are rebuilt in the worker; callbacks cannot cross threads, so improvements come back as messages.
 */
export interface SolveRequest {
  name: string;
  capacity: number;
  fleetSize: number;
  nodes: CustomerRecord[];
  options: Omit<SolveOptions, 'onImprovement'>;
}

export type WorkerMessage =
  | { type: 'improvement'; distance: number; vehicles: number; iteration: number; elapsedMs: number }
  | { type: 'done'; result: SolveResult }
  | { type: 'error'; message: string };
