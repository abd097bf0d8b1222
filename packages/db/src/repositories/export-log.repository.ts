import { and, desc, eq } from 'drizzle-orm';
import type { Position } from '@daowei/domain';
import type { Db } from '../client.js';
import { exportLog } from '../schema/export-log.js';

/** SEC-01 export log rows: appended by the export-log service, read by audits and tests. */
export interface ExportLogEntry {
  id: string;
  tenantId: string;
  personId: string;
  position: Position;
  what: string;
  filters: Record<string, unknown>;
  rowCount: number;
  at: Date;
}

export async function insertExportLog(db: Db, tenantId: string, entry: Omit<ExportLogEntry, 'id' | 'tenantId'>) {
  const [row] = await db
    .insert(exportLog)
    .values({ tenantId, ...entry })
    .returning();
  return row as ExportLogEntry;
}

/** The tenant's exports, newest first (optionally one person's). */
export async function listExportLog(
  db: Db,
  tenantId: string,
  opts: { personId?: string; limit?: number } = {},
): Promise<ExportLogEntry[]> {
  const rows = await db
    .select()
    .from(exportLog)
    .where(and(eq(exportLog.tenantId, tenantId), opts.personId ? eq(exportLog.personId, opts.personId) : undefined))
    .orderBy(desc(exportLog.at), desc(exportLog.createdAt))
    .limit(opts.limit ?? 100);
  return rows as ExportLogEntry[];
}
