import type { JobQueue } from '../platform/jobs.js';
import { DESK_TASK_DUE_JOB, type DeskTaskDueData, type DeskTasksService } from '../features/desk/desk-tasks.service.js';

/**
 * DESK-02/05 timers: a follow-up task's due instant is a pg-boss job inserted with the task; the handler
 * marks it due once (at-least-once delivery is harmless). At start open tasks get their timers again.
 */
export async function registerDeskJobs(queue: JobQueue, deskTasks: DeskTasksService): Promise<void> {
  await queue.work<DeskTaskDueData>(DESK_TASK_DUE_JOB, async (data) => {
    await deskTasks.fireDue(data);
  });
  await deskTasks.rescheduleOpen();
}
