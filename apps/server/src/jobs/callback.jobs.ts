import { listTenantIdsForSweep, type Db } from '@daowei/db';
import type { SpotCheckService } from '../features/callbacks/spot-check.service.js';
import type { JobQueue } from '../platform/jobs.js';

export const SPOT_CHECK_SWEEP_JOB = 'callbacks.spot-check-sweep';

/**
 * CB-03: every morning the orders on their 7th day after completion are sampled into spot-checks for
 * sales. Idempotent (one sampled spot-check per order, ever), so a slot run twice changes nothing.
 */
export async function registerCallbackJobs(queue: JobQueue, db: Db, spotChecks: SpotCheckService): Promise<void> {
  await queue.work(SPOT_CHECK_SWEEP_JOB, async () => {
    for (const tenantId of await listTenantIdsForSweep(db)) await spotChecks.sweepTenant(tenantId);
  });
  await queue.every(SPOT_CHECK_SWEEP_JOB, '0 8 * * *');
}
