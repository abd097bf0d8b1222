import { insertExportLog, listExportLog, type Db } from '@daowei/db';
import { DomainError, type Position } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';

/**
 * SEC-01 "exports are logged" — the one place every export of customer data records itself (who, in
 * which position, when, what, with which filters, how many rows). Any feature that adds an export
 * (CSV, Excel, print-all) calls `record` in the same request, before the file is sent, so an export
 * that could not be logged is not sent either. docs/reliability.md tells other features to use it.
 */
export type ExportLogService = ReturnType<typeof createExportLogService>;

/**
 * SEC-01 least privilege: who may take customer data out of the system in a file, and read who did.
 * Desk, callback and field positions work order by order on screen; they do not export.
 */
export const EXPORT_POSITIONS: readonly Position[] = ['coordinator', 'station_manager', 'vendor_manager', 'admin'];

/** Refuses a caller whose position may not export (403 FORBIDDEN). */
export function assertMayExport(auth: AuthContext): void {
  if (!EXPORT_POSITIONS.includes(auth.position)) {
    throw new DomainError('FORBIDDEN', 'Exports are for coordinators and managers', { position: auth.position });
  }
}

export interface ExportRecord {
  /** A stable name of the export, e.g. `work-orders.csv`, `kpi-02.xlsx`. */
  what: string;
  /** The filters as the caller gave them (query parameters), so the audit can tell what was taken. */
  filters: Record<string, unknown>;
  rowCount: number;
}

export function createExportLogService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** Records one export by the caller; pass the export's transaction as `tx` when it has one. */
    async record(auth: AuthContext, entry: ExportRecord, tx: Db = db): Promise<void> {
      const filters = Object.fromEntries(Object.entries(entry.filters).filter(([, v]) => v !== undefined));
      await insertExportLog(tx, auth.tenantId, {
        personId: auth.personId,
        position: auth.position,
        what: entry.what,
        filters,
        rowCount: entry.rowCount,
        at: clock.now(),
      });
    },

    /** The tenant's export log, newest first (supervisors: who took what out). */
    async list(auth: AuthContext, opts: { personId?: string; limit?: number } = {}) {
      assertMayExport(auth);
      const rows = await listExportLog(db, auth.tenantId, opts);
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  };
}
