import { analyzeDatabase, deleteExpiredSessions, deleteIdempotencyKeysBefore, type Db } from '@daowei/db';
import type { Clock } from '../platform/clock.js';
import type { JobQueue } from '../platform/jobs.js';

const DAY_MS = 86_400_000;
/** A retried submission older than this is a new submission (ENG-07 offline queues retry within days). */
const IDEMPOTENCY_KEEP_DAYS = 7;

/**
 * Housekeeping on a schedule: fresh planner statistics (PGlite has no autovacuum — decisions.md D6),
 * expired sessions removed (SEC-03), old idempotency keys forgotten.
 */
export async function registerMaintenanceJobs(queue: JobQueue, db: Db, clock: Clock): Promise<void> {
  await queue.work('maintenance.analyze', async () => analyzeDatabase(db));
  await queue.work('maintenance.cleanup', async () => {
    const now = clock.now();
    await deleteExpiredSessions(db, now);
    await deleteIdempotencyKeysBefore(db, new Date(now.getTime() - IDEMPOTENCY_KEEP_DAYS * DAY_MS));
  });
  await queue.every('maintenance.analyze', '17 * * * *');
  await queue.every('maintenance.cleanup', '43 3 * * *');
}
