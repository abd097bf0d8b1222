import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { outboxParams, outboxQuery, templateBody, templateKeyParams } from './notify.schemas.js';

/** INT-01 (docs/api.md "Customer messages"): templates and the send log. Thin: one service call each. */
export const notifyRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['notifications'];

    r.get(
      '/notify/templates',
      {
        schema: {
          tags,
          description: 'Every customer message template (event × channel × language): the tenant’s version or ours.',
        },
      },
      async (req) => services.notifications.templates.list(requireAuth(req)),
    );

    r.get(
      '/notify/templates/:event/:channel/:locale/versions',
      { schema: { tags, params: templateKeyParams, description: 'The edits of one template, newest first.' } },
      async (req) => services.notifications.templates.history(requireAuth(req), req.params),
    );

    r.put(
      '/notify/templates/:event/:channel/:locale',
      {
        schema: {
          tags,
          params: templateKeyParams,
          body: templateBody,
          description: 'Saves a new version of a template (admins); checked for placeholders and forbidden phrases.',
        },
      },
      async (req) => services.notifications.templates.save(requireAuth(req), req.params, req.body, idempotencyKey(req)),
    );

    r.get(
      '/notify/outbox',
      { schema: { tags, querystring: outboxQuery, description: 'Customer messages, newest first, with their state.' } },
      async (req) => services.notifications.outbox.list(requireAuth(req), req.query),
    );

    r.get(
      '/notify/outbox/:id',
      { schema: { tags, params: outboxParams, description: 'One customer message with every try.' } },
      async (req) => services.notifications.outbox.get(requireAuth(req), req.params.id),
    );

    r.post(
      '/notify/outbox/:id/retry',
      {
        schema: { tags, params: outboxParams, description: 'Tries a failed, waiting or held message once more, now.' },
      },
      async (req) => services.notifications.outbox.retry(requireAuth(req), req.params.id, idempotencyKey(req)),
    );
  };
