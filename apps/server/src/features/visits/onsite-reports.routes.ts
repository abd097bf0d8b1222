import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import { offlineQueuedAt } from '../../http/offline.js';
import type { Services } from '../../services.js';
import {
  closeReportBody,
  damageBody,
  reportIdParams,
  reportsQuery,
  resourceChangeBody,
} from './onsite-reports.schemas.js';
import { orderParams } from './visit.schemas.js';

/** WO-15, SLA-08 and APT-03 follow-ups (docs/api.md "On-site reports"): thin — one service call each. */
export const onsiteReportRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['visit records'];
    const bodyLimit = Math.ceil(services.policy.visit.attachments.maxBytes * 1.4) + 64 * 1024;

    r.post(
      '/work-orders/:id/resource-changes',
      {
        schema: {
          tags,
          params: orderParams,
          body: resourceChangeBody,
          description: 'Reports a network resource change made on site to the resource manager (WO-15).',
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await services.onsiteReports.fileResourceChange(
              requireAuth(req),
              req.params.id,
              req.body,
              idempotencyKey(req),
              offlineQueuedAt(req),
            ),
          ),
    );

    r.post(
      '/work-orders/:id/damage-reports',
      {
        bodyLimit,
        schema: {
          tags,
          params: orderParams,
          body: damageBody,
          description: 'Records damage to customer property; starts the compensation clock (SLA-08).',
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(
            await services.onsiteReports.fileDamage(
              requireAuth(req),
              req.params.id,
              req.body,
              idempotencyKey(req),
              offlineQueuedAt(req),
            ),
          ),
    );

    r.get(
      '/work-orders/:id/onsite-reports',
      {
        schema: {
          tags,
          params: orderParams,
          description: 'The no-access follow-ups, resource-change and damage reports of an order.',
        },
      },
      async (req) => services.onsiteReports.forOrder(requireAuth(req), req.params.id),
    );

    r.get(
      '/onsite-reports',
      {
        schema: {
          tags,
          querystring: reportsQuery,
          description: 'The reports the caller’s position works, earliest due first, overdue flagged.',
        },
      },
      async (req) => services.onsiteReports.list(requireAuth(req), req.query),
    );

    r.post(
      '/onsite-reports/:id/close',
      {
        schema: {
          tags,
          params: reportIdParams,
          body: closeReportBody,
          description: 'Acknowledges (WO-15), settles the compensation (SLA-08) or closes the follow-up (APT-03).',
        },
      },
      async (req) => services.onsiteReports.close(requireAuth(req), req.params.id, req.body, idempotencyKey(req)),
    );
  };
