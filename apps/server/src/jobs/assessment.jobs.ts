import { listTenantIdsForSweep, type Db } from '@daowei/db';
import type { AssessmentService } from '../features/assessment/assessment.service.js';
import type { JobQueue } from '../platform/jobs.js';

export const ASSESSMENT_SWEEP_JOB = 'assessment.sweep';

/**
 * VND-01: SLA breaches become assessment cases on a schedule (every 10 minutes). The sweep is
 * idempotent — one case per breach event — so a slot run twice or by two processes changes nothing.
 */
export async function registerAssessmentJobs(queue: JobQueue, db: Db, assessment: AssessmentService): Promise<void> {
  await queue.work(ASSESSMENT_SWEEP_JOB, async () => {
    for (const tenantId of await listTenantIdsForSweep(db)) await assessment.sweepTenant(tenantId);
  });
  await queue.every(ASSESSMENT_SWEEP_JOB, '*/10 * * * *');
}
