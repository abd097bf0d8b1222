import type { CareAgreementService } from '../features/planned-work/care-agreements.service.js';
import type { JobQueue } from '../platform/jobs.js';

export const CARE_GENERATE_JOB = 'care.generate';

/**
 * WO-16: every night the active agreements' visits are filled up to the policy's horizon, so the
 * schedule keeps rolling without anyone clicking. Generation is idempotent per (agreement, date), so
 * a slot run twice or by two processes changes nothing.
 */
export async function registerCareJobs(queue: JobQueue, careAgreements: CareAgreementService): Promise<void> {
  await queue.work(CARE_GENERATE_JOB, async () => {
    await careAgreements.generateDue();
  });
  await queue.every(CARE_GENERATE_JOB, '30 2 * * *', 'Asia/Shanghai');
}
