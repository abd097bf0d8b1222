import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { listQuery } from '../work-orders/work-order.schemas.js';

const tags = ['exports'];
const exportQuery = listQuery.omit({ cursor: true, limit: true });
const logQuery = z.object({
  personId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** SEC-01 exports: each one is logged by the export-log service before the file is sent. */
export const exportRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/exports/work-orders.csv',
      {
        schema: {
          tags,
          querystring: exportQuery,
          description:
            'SEC-01 the order list (same filters as GET /api/work-orders) as CSV, phones masked; supervisors only; logged',
        },
      },
      async (req, reply) => {
        const { csv } = await services.orderExport.workOrdersCsv(requireAuth(req), req.query);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="work-orders.csv"')
          .send(csv);
      },
    );
    r.get(
      '/exports/log',
      { schema: { tags, querystring: logQuery, description: 'SEC-01 who exported what, newest first (supervisors)' } },
      async (req) =>
        services.exportLog.list(requireAuth(req), {
          limit: req.query.limit,
          ...(req.query.personId ? { personId: req.query.personId } : {}),
        }),
    );
  };
