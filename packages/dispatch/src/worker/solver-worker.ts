/**
 * Worker entry: solves one request and posts improvements and the final result back. Kept separate from
 * the pure solver so that importing `@daowei/dispatch` never pulls in node:worker_threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { solve } from '../solver/solve.js';
import { buildInstance } from '../vrptw/instance.js';
import type { SolveRequest, WorkerMessage } from './protocol.js';

const req = workerData as SolveRequest;
const post = (m: WorkerMessage): void => parentPort?.postMessage(m);
try {
  const inst = buildInstance(req.name, req.capacity, req.fleetSize, req.nodes);
  const result = solve(inst, { ...req.options, onImprovement: (i) => post({ type: 'improvement', ...i }) });
  post({ type: 'done', result });
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
