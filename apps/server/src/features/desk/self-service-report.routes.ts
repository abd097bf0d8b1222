import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../services.js';
import { tokenParams } from './desk.schemas.js';
import { selfReportBody } from './self-service-report.schemas.js';

/** DESK-06: the customer reports a new fault through their link (no login, slowed per address). */
export const selfServiceReportRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/public/orders/:token/faults',
      {
        schema: { tags: ['self-service'], security: [], params: tokenParams, body: selfReportBody },
        config: { rateLimit: { max: services.deskPolicy.publicRequestsPerMinute, timeWindow: 60_000 } },
      },
      async (req, reply) => reply.code(201).send(await services.selfServiceReport.report(req.params.token, req.body)),
    );
  };
