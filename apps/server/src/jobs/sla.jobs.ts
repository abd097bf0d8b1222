import { listUnbreachedOpenSlaClocks, type Db } from '@daowei/db';
import type { JobQueue } from '../platform/jobs.js';
import { SLA_BREACH_JOB, SLA_WARN_JOB, type SlaService, type SlaTimerData } from '../features/sla/sla.service.js';

/**
 * SLA-09 timers: the handlers of the warning and breach jobs the SLA service schedules. Delivery is at
 * least once and a job may be stale (the clock was paused, resumed or stopped since): the handler
 * re-reads the clock and records the event only if it is still due — once, by a unique constraint.
 *
 * At start the timers of open clocks are scheduled again (idempotent keys): a job cannot go missing
 * because jobs are inserted in the clock's transaction, but this also covers clocks written before the
 * queue existed (a database restored from a backup, an import).
 */
export async function registerSlaJobs(queue: JobQueue, db: Db, sla: SlaService): Promise<void> {
  await queue.work<SlaTimerData>(SLA_WARN_JOB, async (data) => {
    await sla.fireWarning(data);
  });
  await queue.work<SlaTimerData>(SLA_BREACH_JOB, async (data) => {
    await sla.fireBreach(data);
  });
  for (const s of await listUnbreachedOpenSlaClocks(db)) {
    await db.transaction((tx) => sla.scheduleTimers(tx, s));
  }
}
