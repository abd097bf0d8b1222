import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { kpiQuery } from './kpi.schemas.js';

/** KPI-01 routes (docs/api.md "KPIs"). */
export const kpiRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/kpis',
      {
        schema: {
          tags: ['kpis'],
          querystring: kpiQuery,
          description:
            'KPI-01 indicators for [from, to) with numerator, denominator and the orders behind each figure; groupBy breaks them down.',
        },
      },
      async (req) => services.kpis.kpis(requireAuth(req), req.query),
    );
  };
