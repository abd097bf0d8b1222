import {
  FOLLOW_UP_JOB,
  type AppointmentService,
  type FollowUpJobData,
} from '../features/appointments/appointments.service.js';
import type { JobQueue } from '../platform/jobs.js';

/** APT-01 call-back timers: at T the task is marked fired (once) and the caller is told in his inbox. */
export async function registerAppointmentJobs(queue: JobQueue, appointments: AppointmentService): Promise<void> {
  await queue.work<FollowUpJobData>(FOLLOW_UP_JOB, async (data) => {
    await appointments.fireFollowUp(data);
  });
}
