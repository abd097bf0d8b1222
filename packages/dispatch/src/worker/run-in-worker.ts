import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SolveOptions, SolveResult } from '../solver/solve.js';
import type { VrptwInstance } from '../vrptw/instance.js';
import type { SolveRequest, WorkerMessage } from './protocol.js';

/**
 * From TypeScript sources the worker needs a TS loader of its own (a test runner's in-process transform
 * is not inherited, and `--import tsx` hooks register too late for a worker's entry module): a tiny
 * bootstrap registers tsx (a root devDependency) and then imports the entry. Built .js runs directly.
 */
function startWorker(url: URL, workerData: SolveRequest): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  // require.resolve yields tsx's CJS build; the worker needs the ESM one next to it.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Runs `solve` on a worker thread so a server's event loop stays responsive during a multi-second
 * optimisation. The worker is started with the same loader as the current process (tsx in development),
 * so it works from TypeScript sources without a build step. `signal` terminates the worker early.
 */
export function solveInWorker(inst: VrptwInstance, options: SolveOptions, signal?: AbortSignal): Promise<SolveResult> {
  const nodes = Array.from({ length: inst.n + 1 }, (_, i) => ({
    id: inst.ids[i]!,
    x: inst.x[i]!,
    y: inst.y[i]!,
    demand: inst.demand[i]!,
    ready: inst.ready[i]!,
    due: inst.due[i]!,
    service: inst.service[i]!,
  }));
  const { onImprovement, ...rest } = options;
  const req: SolveRequest = {
    name: inst.name,
    capacity: inst.capacity,
    fleetSize: inst.fleetSize,
    nodes,
    options: rest,
  };
  const url = new URL('./solver-worker.ts', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = startWorker(url, req);
    const abort = (): void => {
      void worker.terminate();
      reject(new Error('solve aborted'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'improvement') onImprovement?.(m);
      else if (m.type === 'done') resolve(m.result);
      else reject(new Error(m.message));
    });
    worker.on('error', reject);
    worker.on('exit', () => signal?.removeEventListener('abort', abort));
  });
}
