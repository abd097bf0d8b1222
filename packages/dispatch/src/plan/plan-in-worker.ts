import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Plan, PlanOptions, PlanRequest } from './model.js';

/** From TypeScript sources the worker registers tsx itself (see worker/run-in-worker.ts for why). */
function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * DSP-03 off the event loop: planDay on a worker thread, bounded by `options.timeLimitMs` inside the
 * planner and by `hardLimitMs` outside it (the worker is terminated and the call fails if the planner
 * overruns, e.g. on a loaded machine, so a request never hangs). A custom travel provider is a
 * function and cannot cross the thread boundary: the worker uses the default speed model.
 */
export function planDayInWorker(request: PlanRequest, options: PlanOptions, hardLimitMs?: number): Promise<Plan> {
  const { travel: _travel, ...cloneable } = request;
  const url = new URL(`./plan-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const limit = hardLimitMs ?? options.timeLimitMs * 3 + 5_000;
  return new Promise((resolve, reject) => {
    const worker = startWorker(url, { request: cloneable, options });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`day plan exceeded ${limit} ms`));
    }, limit);
    worker.on('message', (m: { type: 'done'; plan: Plan } | { type: 'error'; message: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (m.type === 'done') resolve({ ...m.plan, request });
      else reject(new Error(m.message));
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
