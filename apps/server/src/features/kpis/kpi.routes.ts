import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { kpiDrillQuery, kpiQuery } from './kpi.schemas.js';

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
    r.get(
      '/kpis/orders',
      {
        schema: {
          tags: ['kpis'],
          querystring: kpiDrillQuery,
          description:
            'KPI-01 drill-down: the orders behind one figure (key), of the whole scope or of one group (groupBy + groupKey, `none` for orders without a value).',
        },
      },
      async (req) => services.kpis.orders(requireAuth(req), req.query),
    );
  };
