import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import {
  incidentChildParams,
  incidentCloseBody,
  incidentConfirmBody,
  incidentDismissBody,
  incidentIdParams,
  incidentLinkBody,
  incidentListQuery,
  incidentProgressBody,
} from './batch-incidents.schemas.js';

/** WO-11 batch incidents: the desk's list, detail, decision, children, progress and close. */
export const batchIncidentRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['desk'];
    const s = services.batchIncidents;

    r.get('/batch-incidents', { schema: { tags, querystring: incidentListQuery } }, async (req) =>
      s.list(requireAuth(req), req.query),
    );

    r.get('/batch-incidents/:id', { schema: { tags, params: incidentIdParams } }, async (req) =>
      s.get(requireAuth(req), req.params.id),
    );

    r.post(
      '/batch-incidents/:id/confirm',
      { schema: { tags, params: incidentIdParams, body: incidentConfirmBody } },
      async (req) => s.confirm(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.post(
      '/batch-incidents/:id/dismiss',
      { schema: { tags, params: incidentIdParams, body: incidentDismissBody } },
      async (req) => s.dismiss(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.post(
      '/batch-incidents/:id/children',
      { schema: { tags, params: incidentIdParams, body: incidentLinkBody } },
      async (req) => s.link(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.delete('/batch-incidents/:id/children/:orderId', { schema: { tags, params: incidentChildParams } }, async (req) =>
      s.unlink(requireAuth(req), req.params.id, req.params.orderId, idempotencyKey(req)),
    );

    r.post(
      '/batch-incidents/:id/progress',
      { schema: { tags, params: incidentIdParams, body: incidentProgressBody } },
      async (req) => s.progress(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );

    r.post(
      '/batch-incidents/:id/close',
      { schema: { tags, params: incidentIdParams, body: incidentCloseBody } },
      async (req) => s.close(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
  };
