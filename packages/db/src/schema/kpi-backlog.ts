import { date, index, integer, text, uuid, pgTable } from 'drizzle-orm/pg-core';
import { tenantId } from './columns.js';
import { tenants } from './tenants.js';

/**
 * KPI-02/03: how many orders were accepted on each local day and on which local day they were done —
 * by type and by the dimensions a report is scoped by. "Open at the end of day D" (accepted by then, not
 * done by then) is then a sum over a few thousand rows, whatever the backlog — the daily install report
 * and the station status log count it for any day without reading the orders. Built and kept exact with
 * kpi_daily (same marks, same engineer slices: `holder_id`); cancelled orders have no row.
 */
export const kpiBacklogDaily = pgTable(
  'kpi_backlog_daily',
  {
    tenantId: tenantId().references(() => tenants.id),
    /** Local day of acceptance (policy zone). */
    day: date('day', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    stationId: uuid('station_id'),
    holderId: uuid('holder_id'),
    /** Local day the order was completed; null while it is not. */
    doneDay: date('done_day', { mode: 'string' }),
    orders: integer('orders').notNull(),
    /** Of those, accepted exactly at local midnight: their N-day deadline is the end of day + N − 1. */
    atMidnight: integer('at_midnight').notNull(),
    /** Of those, on hold now or ever reopened (KPI-02 problem orders before their deadline). */
    flagged: integer('flagged').notNull(),
    flaggedAtMidnight: integer('flagged_at_midnight').notNull(),
  },
  (t) => [
    index('kpi_backlog_daily_day_idx').on(t.tenantId, t.day),
    index('kpi_backlog_daily_done_idx').on(t.tenantId, t.doneDay),
  ],
);
