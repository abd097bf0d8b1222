/**
 * Worker entry for planDay: plans one request and posts the plan back. Kept apart from the pure planner
 * so importing `@daowei/dispatch` never pulls in node:worker_threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PlanOptions, PlanRequest } from './model.js';
import { planDay } from './plan-day.js';

const { request, options } = workerData as { request: PlanRequest; options: PlanOptions };
try {
  parentPort?.postMessage({ type: 'done', plan: planDay(request, options) });
} catch (e) {
  parentPort?.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
