import { listKpiMarkSpans, lockKpiAggregates, refreshDirtyKpiDays, refreshKpiDaily, type Db } from '@daowei/db';
import { localDate } from '@daowei/domain';
import { KPI_DAILY_POLICY } from '../features/kpis/kpi-daily.reader.js';
import type { JobQueue } from '../platform/jobs.js';

export const KPI_REFRESH_JOB = 'kpis.refresh-marked-days';

/**
 * KPI-01: rebuilds what the triggers marked stale in kpi_daily, for every tenant — the reads rebuild it
 * too (so figures are exact at every read), but a dashboard opened after a busy hour or a bulk change
 * then pays for dozens of engineer-days at once; done here each minute, a read finds little left.
 * Returns the local days touched (of one tenant's marks only with `tenantId`).
 */
export async function refreshMarkedKpiDays(db: Db, tenantId?: string): Promise<number> {
  let days = 0;
  for (const span of await listKpiMarkSpans(db, tenantId)) {
    const range = {
      fromDay: localDate(span.from, KPI_DAILY_POLICY.timeZone),
      toDay: localDate(span.to, KPI_DAILY_POLICY.timeZone),
    };
    // One transaction per tenant: the advisory lock inside serialises with readers rebuilding the same rows.
    const touched = await db.transaction((tx) => refreshDirtyKpiDays(tx, span.tenantId, range, KPI_DAILY_POLICY));
    days += touched.length;
  }
  return days;
}

/**
 * After a bulk load (the demo's first start): each tenant's marked span rebuilt as whole days in one
 * statement pair, which also forgets the marks — seconds less than slice by slice, and the server starts
 * with its aggregates built instead of rebuilding them under its first users. Before the app serves.
 */
export async function buildMarkedKpiSpans(db: Db, tenantId?: string): Promise<void> {
  for (const span of await listKpiMarkSpans(db, tenantId)) {
    const range = {
      fromDay: localDate(span.from, KPI_DAILY_POLICY.timeZone),
      toDay: localDate(span.to, KPI_DAILY_POLICY.timeZone),
    };
    await db.transaction(async (tx) => {
      await lockKpiAggregates(tx, span.tenantId);
      await refreshKpiDaily(tx, span.tenantId, range, KPI_DAILY_POLICY);
    });
  }
}

export async function registerKpiJobs(queue: JobQueue, db: Db): Promise<void> {
  await queue.work(KPI_REFRESH_JOB, async () => {
    await refreshMarkedKpiDays(db);
  });
  await queue.every(KPI_REFRESH_JOB, '* * * * *');
}
