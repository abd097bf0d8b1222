import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { atRiskQuery, clockParams, orderClocksParams, overdueReasonBody } from './sla.schemas.js';
import { slaPolicyRoutes } from './sla-policy.routes.js';

/** SLA-02/04/09 routes (docs/api.md "SLA clocks"): thin — one service call each. */
export const slaRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // The policy editor (SLA-02) sits under /sla/policy beside the clocks it stamps.
    await app.register(slaPolicyRoutes(services));

    r.post(
      '/sla/clocks/re-evaluate',
      {
        schema: {
          tags: ['sla'],
          description:
            'Re-evaluates every open clock of the tenant under the current policy version and calendar, in batches, recording an event per moved clock; reports how many moved (operator admins, SLA-02).',
        },
      },
      async (req) => services.sla.reevaluateTenant(requireAuth(req), idempotencyKey(req)),
    );

    r.get(
      '/work-orders/:id/clocks',
      {
        schema: {
          tags: ['sla'],
          params: orderClocksParams,
          description: 'The order’s SLA clocks with status, time left, pauses and the explanation (SLA-02).',
        },
      },
      async (req) => services.sla.clocksOf(requireAuth(req), req.params.id),
    );

    r.post(
      '/work-orders/:id/clocks/re-evaluate',
      {
        schema: {
          tags: ['sla'],
          params: orderClocksParams,
          description:
            'Re-stamps the order’s open clocks with the current policy version and calendar, recording what moved (SLA-02).',
        },
      },
      async (req) => services.sla.reevaluate(requireAuth(req), req.params.id, idempotencyKey(req)),
    );

    r.get(
      '/sla/at-risk',
      {
        schema: {
          tags: ['sla'],
          querystring: atRiskQuery,
          description: 'Clocks of open orders in warning or breached, earliest due first (SLA-09).',
        },
      },
      async (req) => services.sla.atRisk(requireAuth(req), req.query),
    );

    r.put(
      '/work-orders/:id/clocks/:clockId/overdue-reason',
      {
        schema: {
          tags: ['sla'],
          params: clockParams,
          body: overdueReasonBody,
          description: 'Notes why an overdue order is late; an overdue clock without one is flagged (SLA-04).',
        },
      },
      async (req) =>
        services.sla.setOverdueReason(requireAuth(req), req.params.id, req.params.clockId, req.body.reason),
    );
  };
