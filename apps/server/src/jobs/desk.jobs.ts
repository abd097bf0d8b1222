import type { JobQueue } from '../platform/jobs.js';
import { DESK_TASK_DUE_JOB, type DeskTaskDueData, type DeskTasksService } from '../features/desk/desk-tasks.service.js';
import {
  COVERAGE_CLAIM_DUE_JOB,
  type CoverageClaimDueData,
  type CoverageClaimsService,
} from '../features/desk/coverage-claims.service.js';

/**
 * DESK-02/05 timers: a follow-up task's due instant is a pg-boss job inserted with the task; the handler
 * marks it due once (at-least-once delivery is harmless). At start open tasks get their timers again.
 */
export async function registerDeskJobs(
  queue: JobQueue,
  deskTasks: DeskTasksService,
  coverageClaims?: Pick<CoverageClaimsService, 'fireDue'>,
): Promise<void> {
  await queue.work<DeskTaskDueData>(DESK_TASK_DUE_JOB, async (data) => {
    await deskTasks.fireDue(data);
  });
  // WO-09/10: a confirmed claim's 7-day deadline (job inserted with the decision, persisted by pg-boss).
  if (coverageClaims) {
    await queue.work<CoverageClaimDueData>(COVERAGE_CLAIM_DUE_JOB, async (data) => {
      await coverageClaims.fireDue(data);
    });
  }
  await deskTasks.rescheduleOpen();
}
