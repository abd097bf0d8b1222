import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SUPERVISOR_POSITIONS, type Position } from '@daowei/domain';
import { requirePosition } from '../../http/guards.js';
import type { Services } from '../../services.js';

const tags = ['parts'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = z.object({
  fileBase64: z.string().min(1).max(8_000_000).describe('The .xlsx file, base64 (first sheet, Chinese headers)'),
});

/** Excel import of items and opening stock, export of the ledger and takings (issue 6). */
export const partsExcelRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const clerks = services.partsPolicy.clerkPositions;
    const staff: readonly Position[] = [...new Set([...clerks, ...SUPERVISOR_POSITIONS])];
    const managers: readonly Position[] = ['station_manager', 'finance_clerk', 'admin'];

    r.post(
      '/parts/imports/items',
      {
        schema: {
          tags,
          body: file,
          description: 'Import the catalogue: 编码, 名称, 类别, 跟踪方式 (批量/序列号), 单位',
        },
      },
      async (req) => services.partsExcel.importItems(requirePosition(req, clerks), req.body.fileBase64),
    );
    r.post(
      '/parts/imports/stock',
      {
        schema: {
          tags,
          body: file.extend({ locationId: z.uuid() }),
          description: 'Import opening stock into a store: 编码, 数量, 串号 (all rows or none)',
        },
      },
      async (req) =>
        services.partsExcel.importStock(requirePosition(req, clerks), req.body.locationId, req.body.fileBase64),
    );
    r.get(
      '/exports/parts-ledger.xlsx',
      {
        schema: {
          tags,
          querystring: z.object({ locationId: z.uuid().optional() }),
          description: 'PART-01 the stock ledger as Excel (logged export)',
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', XLSX)
          .header('content-disposition', 'attachment; filename="parts-ledger.xlsx"')
          .send(await services.partsExcel.exportLedger(requirePosition(req, staff), req.query)),
    );
    r.get(
      '/exports/takings.xlsx',
      {
        schema: {
          tags,
          querystring: z.object({ date: z.iso.date(), unitId: z.uuid().optional() }),
          description: "PAY-02 a station's daily takings as Excel, in fen (logged export)",
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="takings-${req.query.date}.xlsx"`)
          .send(await services.partsExcel.exportTakings(requirePosition(req, managers), req.query)),
    );
  };
