import { DomainError, maskPhone } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { ListQuery } from '../work-orders/work-order.schemas.js';
import type { WorkOrderView } from '../work-orders/work-order.presenter.js';
import { toCsv } from './csv.js';
import { assertMayExport, type ExportLogService } from './export-log.service.js';

/** The part of the work-order service an export reads: the list, exactly as the caller may see it. */
interface OrderLister {
  list(auth: AuthContext, q: ListQuery): Promise<{ items: WorkOrderView[]; nextCursor: string | null }>;
}

/** An export is one file for a person to read, not a bulk copy of the database. */
export const MAX_EXPORT_ROWS = 10_000;
const PAGE = 100;

export type OrderExportQuery = Omit<ListQuery, 'cursor' | 'limit'>;

const HEADER = [
  'number',
  'type',
  'status',
  'priority',
  'acceptedAt',
  'completedAt',
  'contactName',
  'contactPhone',
  'address',
  'product',
  'business',
  'holderName',
  'areaName',
] as const;

/**
 * SEC-01: the order list as CSV for the export positions. Rows are what the list shows the caller (visibility
 * and vendor isolation as on screen, SEC-02), phones are always masked (a file leaves the system;
 * nobody needs a customer's full number in a spreadsheet), and every export is logged.
 */
export function createOrderExportService({
  workOrders,
  exportLog,
}: {
  workOrders: OrderLister;
  exportLog: ExportLogService;
}) {
  return {
    async workOrdersCsv(auth: AuthContext, q: OrderExportQuery): Promise<{ csv: string; rowCount: number }> {
      assertMayExport(auth);
      const rows: WorkOrderView[] = [];
      let cursor: string | null = null;
      do {
        const page = await workOrders.list(auth, { ...q, limit: PAGE, ...(cursor ? { cursor } : {}) });
        rows.push(...page.items);
        cursor = page.nextCursor;
        if (rows.length > MAX_EXPORT_ROWS) {
          throw new DomainError(
            'VALIDATION_FAILED',
            `An export holds at most ${MAX_EXPORT_ROWS} orders; narrow the filters`,
            {
              field: 'query',
              limit: MAX_EXPORT_ROWS,
            },
          );
        }
      } while (cursor);
      const csv = toCsv(
        HEADER,
        rows.map((o) => HEADER.map((k) => (k === 'contactPhone' ? maskPhone(o.contactPhone) : o[k]))),
      );
      await exportLog.record(auth, { what: 'work-orders.csv', filters: { ...q }, rowCount: rows.length });
      return { csv, rowCount: rows.length };
    },
  };
}
