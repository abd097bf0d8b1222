import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { kpiBacklogCounts, refreshKpiDaily, rowsOf, type Database, type Db } from '@daowei/db';
import { openTestDatabase } from '@daowei/db/testing';
import {
  dailyInstallReport,
  DEFAULT_KPI_POLICY,
  stationStatusLog,
  zonedDateTime,
  type ReportOrder,
} from '@daowei/domain';
import { seedDemoInTransaction } from './demo-in-transaction.js';
import { addKpiSources } from './kpi-sources.fixture.js';
import { KPI_DAILY_POLICY } from '../src/features/kpis/kpi-daily.reader.js';
import { backlogPage, freshenBacklog, stationLogPage } from '../src/features/kpis/kpi-backlog.reader.js';

/**
 * KPI-02/03 from the backlog aggregates (kpi_backlog_daily) equal the domain's definitions computed
 * over every order: on the demo generator's orders (60 days, every status) with reopen events added,
 * some installs put on hold and some accepted exactly at a local midnight, for days across the span
 * and scopes (tenant, vendor, station): the per-station counts of dailyInstallReport, its problem list
 * and stationStatusLog's entries, read a page of 7 at a time — before and after orders change (the
 * marks rebuild the aggregates in the read).
 */
const NOW = new Date('2026-11-28T10:00:00Z');
const TZ = KPI_DAILY_POLICY.timeZone;
const N = DEFAULT_KPI_POLICY.installWithinDays;
let database: Database;
let demo: Awaited<ReturnType<typeof seedDemoInTransaction>> | undefined;
let db: Db;
let tenantId = '';

beforeAll(async () => {
  database = await openTestDatabase();
  demo = await seedDemoInTransaction(database, { passwordHash: 'not-used', orders: 800, now: NOW, seed: 11 });
  db = demo.db;
  tenantId = demo.tenantId;
  await addKpiSources(db, tenantId, 11, NOW);
  // Installs on hold (open ones), and installs accepted exactly at a local midnight (their deadline is
  // the end of the day N − 1 days later): the edges of the problem list.
  await db.execute(sql`update work_orders set status = 'suspended', suspend_reason = 'waiting_parts'
    where id in (select id from work_orders where tenant_id = ${tenantId} and type = 'install'
                  and completed_at is null and status not in ('cancelled', 'suspended') order by id limit 12)`);
  await db.execute(sql`update work_orders
      set accepted_at = date_trunc('day', accepted_at at time zone ${TZ}) at time zone ${TZ}
    where id in (select id from work_orders where tenant_id = ${tenantId} and type = 'install'
                  order by md5(id::text) limit 40)
      and (completed_at is null or completed_at >= date_trunc('day', accepted_at at time zone ${TZ}) at time zone ${TZ})`);
  await refreshKpiDaily(db, tenantId, { fromDay: '2026-08-01', toDay: '2026-12-31' }, KPI_DAILY_POLICY);
}, 240_000);
afterAll(async () => {
  await demo?.done();
  await database?.close();
});

async function allOrders(): Promise<(ReportOrder & { vendorId: string })[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select w.id::text, w.number, w.type, w.status, w.vendor_id::text, w.station_id::text, w.holder_id::text,
             w.accepted_at, w.completed_at, w.appointment_start, w.appointment_end, w.suspend_reason,
             exists (select 1 from work_order_events e where e.tenant_id = w.tenant_id and e.order_id = w.id
                        and e.action = 'reopen') as reopened
        from work_orders w where w.tenant_id = ${tenantId}`),
  ) as Record<string, unknown>[];
  const at = (v: unknown) => (v == null ? null : new Date(v as string));
  return rows.map((r) => ({
    id: r.id as string,
    number: r.number as string,
    type: r.type as ReportOrder['type'],
    status: r.status as ReportOrder['status'],
    vendorId: r.vendor_id as string,
    stationId: (r.station_id as string | null) ?? null,
    holderId: (r.holder_id as string | null) ?? null,
    acceptedAt: at(r.accepted_at)!,
    completedAt: at(r.completed_at),
    appointment: r.appointment_start ? { start: at(r.appointment_start)!, end: at(r.appointment_end)! } : null,
    suspendReason: (r.suspend_reason as string | null) ?? null,
    reopened: Boolean(r.reopened),
  }));
}

/** Every entry of a paged list, 7 at a time (pages cross days of acceptance and the two log parts). */
async function allPages(read: (offset: number) => Promise<{ total: number; ids: string[] }>) {
  const ids: string[] = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total; offset += 7) {
    const page = await read(offset);
    total = page.total;
    ids.push(...page.ids);
    if (page.ids.length === 0) break;
  }
  return { total, ids };
}

const DAYS = ['2026-09-30', '2026-10-07', '2026-10-31', '2026-11-01', '2026-11-15', '2026-11-24', '2026-11-27'];

async function expectSameAsDomain(label: string) {
  const orders = await allOrders();
  const stations = [...new Set(orders.map((o) => o.stationId).filter((s): s is string => s !== null))];
  const vendors = [...new Set(orders.map((o) => o.vendorId))];
  const scopes = [{}, { vendorId: vendors[0] }, { stationId: stations[0] }, { stationId: stations[1] }];
  let problemsSeen = 0;
  let logSeen = 0;
  for (const day of DAYS) {
    await freshenBacklog(db, tenantId, day);
    for (const scope of scopes) {
      const mine = orders.filter(
        (o) =>
          (!('vendorId' in scope) || o.vendorId === scope.vendorId) &&
          (!('stationId' in scope) || o.stationId === scope.stationId),
      );
      const at = `${label} ${day} ${JSON.stringify(scope)}`;
      const want = dailyInstallReport(mine, day, TZ, N);
      const rows = await kpiBacklogCounts(db, tenantId, { day, installWithinDays: N, type: 'install' }, scope);
      expect(rows, `counts ${at}`).toEqual(want.rows);
      const problems = await allPages(async (offset) =>
        backlogPage(db, tenantId, { day, installWithinDays: N, type: 'install', problemsOnly: true }, scope, {
          offset,
          limit: 7,
        }),
      );
      expect(problems.ids, `problems ${at}`).toEqual(want.problems.map((p) => p.orderId));
      expect(problems.total, `problem total ${at}`).toBe(want.totals.problems);
      problemsSeen += want.problems.length;
      const log = stationStatusLog(mine, day, TZ);
      const got = await allPages(async (offset) => {
        const p = await stationLogPage(db, tenantId, day, scope, { offset, limit: 7 });
        return {
          total: p.total,
          ids: [...p.unfinishedIds.map((id) => `${id} red`), ...p.finishedIds.map((id) => `${id} done`)],
        };
      });
      expect(got.ids, `log ${at}`).toEqual(log.map((e) => `${e.orderId} ${e.unfinished ? 'red' : 'done'}`));
      logSeen += log.length;
    }
  }
  // The samples are not empty: problem orders of every kind and long logs were compared.
  expect(problemsSeen).toBeGreaterThan(20);
  expect(logSeen).toBeGreaterThan(200);
}

describe('KPI-02/03 backlog aggregates equal the direct computation', () => {
  it('KPI-02 KPI-03 counts, problem orders and the log, paged, for days and scopes', async () => {
    await expectSameAsDomain('as built');
  }, 240_000);

  it('KPI-02 KPI-03 stay exact after orders are completed, put on hold, reopened and handed on', async () => {
    const pick = async (where: ReturnType<typeof sql>) =>
      (
        rowsOf(
          await db.execute(sql`select id::text as id from work_orders where tenant_id = ${tenantId}
            and completed_at is null and status <> 'cancelled' and type = 'install' and ${where}
            order by md5(id::text) limit 1`),
        ) as { id: string }[]
      )[0]!.id;
    // a: completed late (after several of the report days); b: put on hold; c: handed to another
    // engineer; d: reopened (an event, as the lifecycle writes it).
    const a = await pick(sql`accepted_at < ${zonedDateTime('2026-11-10', '00:00', TZ)}`);
    // b: before its deadline on 11-27 (accepted after 11-25 00:00), so the hold alone makes it a problem.
    const b = await pick(
      sql`status <> 'suspended' and id <> ${a} and accepted_at > ${zonedDateTime('2026-11-25', '00:00', TZ)}
          and accepted_at < ${zonedDateTime('2026-11-28', '00:00', TZ)}`,
    );
    const c = await pick(sql`holder_id is not null and id not in (${a}, ${b})`);
    const d = await pick(
      sql`id not in (${a}, ${b}, ${c}) and status <> 'suspended' and accepted_at > ${zonedDateTime('2026-11-25', '00:00', TZ)}`,
    );
    await db.execute(sql`update work_orders set completed_at = ${zonedDateTime('2026-11-25', '09:30', TZ)},
                            status = 'completed' where id = ${a}`);
    await db.execute(
      sql`update work_orders set status = 'suspended', suspend_reason = 'waiting_customer' where id = ${b}`,
    );
    await db.execute(sql`update work_orders set holder_id = (select holder_id from work_orders
                            where tenant_id = ${tenantId} and holder_id is not null and holder_id <> (
                              select holder_id from work_orders where id = ${c}) limit 1)
                          where id = ${c}`);
    await db.execute(sql`
      insert into work_order_events (tenant_id, order_id, seq, action, to_status, at, payload, prev_hash, hash)
      select tenant_id, id, coalesce((select max(seq) from work_order_events e where e.order_id = w.id), 0) + 1,
             'reopen', status, ${zonedDateTime('2026-11-26', '10:00', TZ)}, '{}'::jsonb, 'test', 'test'
        from work_orders w where id = ${d}`);
    await expectSameAsDomain('after changes');
  }, 240_000);
});
