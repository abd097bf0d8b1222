import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { inboxQuery, notificationParams } from './notification.schemas.js';

/** The in-app inbox (docs/api.md "Notifications"): thin — one service call each. */
export const notificationRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
          querystring: inboxQuery,
          description: 'My notifications and those of the position I work in (in my unit), newest first.',
        },
      },
      async (req) => services.notifications.inbox(requireAuth(req), req.query),
    );

    r.post(
      '/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          params: notificationParams,
          description: 'Marks one of my notifications read (for a position’s notification: for everyone in it).',
        },
      },
      async (req) => services.notifications.markRead(requireAuth(req), req.params.id),
    );
  };
