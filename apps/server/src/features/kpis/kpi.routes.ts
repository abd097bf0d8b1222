import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { kpiDrillQuery, kpiQuery, reportQuery } from './kpi.schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
    r.get(
      '/kpi-reports/daily-install',
      { schema: { tags: ['kpis'], querystring: reportQuery, description: 'KPI-02 装机日报 of one local day.' } },
      async (req) => services.kpiReports.installReport(requireAuth(req), req.query),
    );
    r.get(
      '/kpi-reports/station-log',
      { schema: { tags: ['kpis'], querystring: reportQuery, description: 'KPI-03 station status log of one day.' } },
      async (req) => services.kpiReports.stationLog(requireAuth(req), req.query),
    );
    r.get(
      '/exports/kpi-02.xlsx',
      {
        schema: { tags: ['kpis'], querystring: reportQuery, description: 'KPI-02 as Excel (Chinese headers); logged.' },
      },
      async (req, reply) =>
        reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="kpi-02-${req.query.day}.xlsx"`)
          .send(await services.kpiReports.installReportXlsx(requireAuth(req), req.query)),
    );
    r.get(
      '/exports/kpi-03.xlsx',
      {
        schema: {
          tags: ['kpis'],
          querystring: reportQuery,
          description: 'KPI-03 as Excel, unfinished in red; logged.',
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="kpi-03-${req.query.day}.xlsx"`)
          .send(await services.kpiReports.stationLogXlsx(requireAuth(req), req.query)),
    );
  };
