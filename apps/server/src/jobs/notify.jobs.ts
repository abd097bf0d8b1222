import type { JobQueue } from '../platform/jobs.js';
import {
  NOTIFY_DELIVER_JOB,
  NOTIFY_SWEEP_JOB,
  type NotifyDeliverData,
} from '../features/notifications/outbox.service.js';
import type { NotificationService } from '../features/notifications/notification.service.js';

/**
 * INT-01: the outbox's delivery job (inserted with each queued message and each retry, at its time)
 * and the minute sweep that picks up what a lost job or a crashed process left behind.
 */
export async function registerNotifyJobs(
  queue: JobQueue,
  notifications: Pick<NotificationService, 'deliver' | 'sweep'>,
): Promise<void> {
  await queue.work<NotifyDeliverData>(NOTIFY_DELIVER_JOB, async (data) => {
    await notifications.deliver(data);
  });
  await queue.work(NOTIFY_SWEEP_JOB, async () => {
    await notifications.sweep();
  });
  await queue.every(NOTIFY_SWEEP_JOB, '* * * * *');
}
