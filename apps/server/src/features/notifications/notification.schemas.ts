import { z } from 'zod';

/** GET /api/notifications: the caller's inbox, newest first. */
export const inboxQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type InboxQueryInput = z.infer<typeof inboxQuery>;

/** POST /api/notifications/:id/read. */
export const notificationParams = z.object({ id: z.uuid() });
