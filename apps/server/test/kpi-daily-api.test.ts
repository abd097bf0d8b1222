import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { kpiSubscriberCounts, KPI_DAILY_KEYS, type Database, type Db } from '@daowei/db';
import { seedDemoInTransaction } from './demo-in-transaction.js';
import { openTestDatabase } from '@daowei/db/testing';
import { addDays, computeKpis, DEFAULT_KPI_POLICY, groupKpis, zonedDateTime, type KpiOrderFacts } from '@daowei/domain';
import { addKpiSources } from './kpi-sources.fixture.js';
import { FakeClock } from '../src/platform/clock.js';
import type { AuthContext } from '../src/http/auth-context.js';
import { createKpiService } from '../src/features/kpis/kpi.service.js';
import { buildMarkedKpiSpans, refreshMarkedKpiDays } from '../src/jobs/kpi.jobs.js';
import { windowsOf } from '../src/features/kpis/kpi-drill.reader.js';
import { kpiFactsAt, loadKpiRecords } from '../src/features/kpis/kpi-facts.loader.js';

/**
 * KPI-01: the dashboard API reads every indicator from the day pre-aggregates (kpi_daily). On the demo
 * generator's orders (with SLA clocks, borrow cards, callbacks and visit events added), for random
 * whole-day periods and scopes, its figures equal the domain's direct computation — also after orders
 * and their records change behind the aggregates' back (completed, cancelled, moved to another
 * engineer, arrived, called back, clock stopped, part used), which the triggers mark stale and the
 * next read rebuilds.
 */
const NOW = new Date('2026-11-28T10:00:00Z');
const TZ = DEFAULT_KPI_POLICY.timeZone;
let database: Database;
let demo: Awaited<ReturnType<typeof seedDemoInTransaction>> | undefined;
let db: Db;
let tenantId = '';
let auth: AuthContext;
const clock = new FakeClock(NOW);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The direct computation's facts, judged at `asOf`, from every record they are read from — loaded for
 * the sample's period, as the service's direct path and drill-down load them (the whole year otherwise).
 */
async function directFacts(asOf: Date, period?: { from: Date; to: Date }): Promise<KpiOrderFacts[]> {
  const records = await loadKpiRecords(
    db,
    tenantId,
    period ?? { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') },
  );
  return kpiFactsAt(records, asOf);
}

beforeAll(async () => {
  database = await openTestDatabase();
  // Rolled back at the end: the demo's logins are fixed and CI shares one PostgreSQL database.
  demo = await seedDemoInTransaction(database, { passwordHash: 'not-used', orders: 600, now: NOW, seed: 11 });
  db = demo.db;
  tenantId = demo.tenantId;
  await addKpiSources(db, tenantId, 11, NOW);
  auth = {
    tenantId,
    personId: '00000000-0000-4000-8000-000000000000',
    personName: 'test',
    position: 'admin',
    positions: ['admin'],
    unitIds: [],
    vendorId: null,
    sessionId: 'test',
  };
}, 180_000);
afterAll(async () => {
  await demo?.done();
  await database?.close();
});

type Figure = { key: string; value: number | null; numerator: number; denominator: number; source: string };

/** The tenant's KPI marks waiting to be rebuilt. */
const marks = async () =>
  Number(
    (
      (await db.execute(sql`select count(*) as n from kpi_daily_dirty where tenant_id = ${tenantId}`)) as unknown as {
        rows: { n: string | number }[];
      }
    ).rows[0]!.n,
  );

async function compareSamples(seed: number, samples: number) {
  const service = createKpiService({ db, clock });
  const facts = await directFacts(NOW);
  const subscribers = await kpiSubscriberCounts(db, tenantId);
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const values = (f: (o: KpiOrderFacts) => string | null) => [...new Set(facts.map(f).filter((x) => x !== null))];
  const dims = ['vendorId', 'stationId', 'areaId', 'engineerId'] as const;
  let nonEmpty = 0;
  for (let i = 0; i < samples; i++) {
    const fromDay = addDays('2026-09-29', Math.floor(next() * 60));
    const toDay = addDays(fromDay, 1 + Math.floor(next() * 30));
    const dim = i % 4 === 0 ? null : pick(dims);
    const field = dim === 'engineerId' ? 'holderId' : dim;
    const value = field ? pick(values((o) => o[field] ?? null)) : null;
    const from = zonedDateTime(fromDay, '00:00', TZ);
    const to = zonedDateTime(toDay, '00:00', TZ);
    const asOf = to.getTime() < NOW.getTime() ? to : NOW;
    const q = { from: from.toISOString(), to: to.toISOString(), ...(dim ? { [dim]: value } : {}) };
    const body = await service.kpis(auth, q as never);
    const filter = field ? { [field]: value } : {};
    const atAsOf = await directFacts(asOf, { from, to });
    const direct = computeKpis(atAsOf, {
      period: { from, to },
      asOf,
      filter: { tenantId, ...filter },
      subscribers,
    }).kpis;
    for (const key of KPI_DAILY_KEYS) {
      const got = (body.kpis as Figure[]).find((k) => k.key === key)!;
      const want = direct[key];
      const label = `${key} ${fromDay}..${toDay} ${JSON.stringify(filter)}`;
      expect(got.source, label).toBe('daily');
      expect(got.numerator, label).toBeCloseTo(want.numerator, 6);
      expect(got.denominator, label).toBe(want.denominator);
      if (want.value === null) expect(got.value, label).toBeNull();
      else expect(got.value!, label).toBeCloseTo(want.value, 9);
      if (want.denominator > 0) nonEmpty += 1;
    }
  }
  return nonEmpty;
}

describe('KPI-01 /api/kpis from the day pre-aggregates', () => {
  it('KPI-01 the API equals the direct computation on 20 random whole-day periods and scopes', async () => {
    expect(await compareSamples(7071, 20)).toBeGreaterThan(25);
  }, 120_000);

  it('KPI-01 orders changed after the aggregates were built: the next read rebuilds the engineers’ slices and is still exact', async () => {
    // Complete some open installs and faults, cancel some live orders, move some to another engineer.
    await db.execute(sql`
      update work_orders set status = 'completed', completed_at = accepted_at + interval '30 hours'
       where id in (select id from work_orders where tenant_id = ${tenantId} and completed_at is null
                      and status not in ('cancelled') and type in ('install', 'fault') order by id limit 25)`);
    await db.execute(sql`
      update work_orders set status = 'cancelled'
       where id in (select id from work_orders where tenant_id = ${tenantId} and status <> 'cancelled'
                      and type in ('fault', 'complaint') order by id desc limit 20)`);
    await db.execute(sql`
      update work_orders set holder_id = (select holder_id from work_orders w2 where w2.tenant_id = ${tenantId}
                                           and w2.holder_id is not null order by w2.id limit 1)
       where id in (select id from work_orders where tenant_id = ${tenantId} and holder_id is not null
                      order by accepted_at limit 30)`);
    // Orders whose SLA clocks fall due inside the sampled periods are handed to another engineer too: the
    // clocks follow their order into that engineer's slice.
    await db.execute(sql`
      update work_orders w set holder_id = (select p.holder_id from work_orders p where p.tenant_id = ${tenantId}
                                             and p.holder_id is not null and p.holder_id <> w.holder_id
                                           order by p.id limit 1)
       where w.id in (select c.order_id from sla_clocks c where c.tenant_id = ${tenantId}
                        and c.due_at >= '2026-10-05T00:00:00Z' and c.due_at < '2026-11-20T00:00:00Z'
                        and c.holder_id is not null order by c.id limit 12)`);
    const drift = await db.execute(sql`
      select count(*) as n from sla_clocks c join work_orders w on w.tenant_id = c.tenant_id and w.id = c.order_id
       where c.tenant_id = ${tenantId} and c.holder_id is distinct from w.holder_id`);
    expect(Number((drift as unknown as { rows: { n: number | string }[] }).rows[0]!.n)).toBe(0);
    // Records beside the orders change too: an arrival, a callback answered, a clock stopped, a part used.
    await db.execute(sql`
      insert into work_order_events (tenant_id, order_id, seq, action, to_status, at, payload, prev_hash, hash)
      select tenant_id, order_id, max(seq) + 1, 'arrive', 'on_site', max(at), '{}'::jsonb, 't', 't'
        from work_order_events where tenant_id = ${tenantId}
         and order_id in (select id from work_orders where tenant_id = ${tenantId} and type = 'fault'
                            and completed_at is not null order by id limit 15)
       group by tenant_id, order_id`);
    await db.execute(sql`
      update callback_tasks set state = 'done', satisfaction = 'dissatisfied'
       where id in (select id from callback_tasks where tenant_id = ${tenantId} and state = 'open' order by id limit 15)`);
    await db.execute(sql`
      update sla_clocks set state = 'stopped', stopped_at = due_at + interval '1 hour', paused_at = null
       where id in (select id from sla_clocks where tenant_id = ${tenantId} and state <> 'stopped' order by id limit 15)`);
    await db.execute(sql`
      update borrow_lines set consumed = 1
       where id in (select id from borrow_lines where tenant_id = ${tenantId} and consumed = 0 order by id limit 15)`);
    // The triggers marked the touched days stale; the reads below rebuild them.
    const dirty = (r: unknown) => Number((r as { rows: { n: number | string }[] }).rows[0]!.n);
    const marked = await db.execute(sql`select count(*) as n from kpi_daily_dirty where tenant_id = ${tenantId}`);
    expect(dirty(marked)).toBeGreaterThan(50);
    // Each mark names the engineer whose slice of the day changed: no change asks for a whole-day rebuild.
    const whole = await db.execute(
      sql`select count(*) as n from kpi_daily_dirty where tenant_id = ${tenantId} and whole_day`,
    );
    expect(dirty(whole)).toBe(0);
    const holders = await db.execute(
      sql`select count(distinct holder_id) as n from kpi_daily_dirty where tenant_id = ${tenantId}`,
    );
    expect(dirty(holders)).toBeGreaterThan(1);
    expect(await compareSamples(99, 12)).toBeGreaterThan(15);
    // A read of the whole autumn forgets every mark inside it.
    const service = createKpiService({ db, clock });
    await service.kpis(auth, { from: '2026-08-31T16:00:00Z', to: '2026-12-31T16:00:00Z' } as never);
    const left = await db.execute(
      sql`select count(*) as n from kpi_daily_dirty where tenant_id = ${tenantId} and at >= '2026-08-31T16:00:00Z' and at < '2026-12-31T16:00:00Z'`,
    );
    expect(dirty(left)).toBe(0);
  }, 120_000);

  it('KPI-01 the drill-down over whole days lists exactly the orders of the direct computation, for every indicator, scope and group', async () => {
    // An open install accepted two hours ago: its deadline is still ahead, so no figure as of now lists it.
    const fresh = await db.execute(sql`
      update work_orders set accepted_at = ${new Date(NOW.getTime() - 2 * 3600_000)}
       where id = (select id from work_orders where tenant_id = ${tenantId} and type = 'install'
                     and completed_at is null and status <> 'cancelled' order by id limit 1)
      returning id`);
    const freshId = (fresh as unknown as { rows: { id: string }[] }).rows[0]!.id;
    const service = createKpiService({ db, clock });
    const facts = await directFacts(NOW);
    const subscribers = await kpiSubscriberCounts(db, tenantId);
    const next = rng(4242);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const values = (f: (o: KpiOrderFacts) => string | null) => [...new Set(facts.map(f).filter((x) => x !== null))];
    const groupings = [null, 'day', 'station', 'engineer', 'area'] as const;
    let listed = 0;
    for (let i = 0; i < 10; i++) {
      // The first sample is the month in progress (as of now); the others random.
      const fromDay = i === 0 ? '2026-11-01' : addDays('2026-10-01', Math.floor(next() * 45));
      const toDay = i === 0 ? '2026-12-01' : addDays(fromDay, 3 + Math.floor(next() * 25));
      const from = zonedDateTime(fromDay, '00:00', TZ);
      const to = zonedDateTime(toDay, '00:00', TZ);
      const asOf = to.getTime() < NOW.getTime() ? to : NOW;
      const stationId = i % 3 === 1 ? pick(values((o) => o.stationId ?? null)) : undefined;
      const filter = { tenantId, ...(stationId ? { stationId } : {}) };
      const options = { period: { from, to }, asOf, filter, subscribers };
      const atAsOf = await directFacts(asOf, { from, to });
      const by = groupings[i % groupings.length]!;
      for (const key of KPI_DAILY_KEYS) {
        let want = computeKpis(atAsOf, options).kpis[key];
        let group: { groupBy: string; groupKey: string } | undefined;
        if (by) {
          const groups = groupKpis(atAsOf, by, options).filter((g) => g.report.kpis[key].orderIds.length > 0);
          if (groups.length === 0) continue;
          const g = pick(groups);
          want = g.report.kpis[key];
          group = { groupBy: by, groupKey: g.key ?? 'none' };
        }
        const drill = (limit: number) =>
          service.orders(auth, {
            from: from.toISOString(),
            to: to.toISOString(),
            key,
            limit,
            ...(stationId ? { stationId } : {}),
            ...(group ?? {}),
          } as never);
        const body = await drill(1000);
        const label = `${key} ${fromDay}..${toDay} ${stationId ?? ''} ${JSON.stringify(group ?? {})}`;
        expect(body.items.map((o: { id: string }) => o.id).sort(), label).toEqual([...want.orderIds].sort());
        expect(body.total, label).toBe(key === 'sla_compliance_rate' ? want.denominator : want.orderIds.length);
        // 万投比's denominator is the scope's users (the same in both ways; not an order count).
        if (key !== 'complaints_per_users') expect(body.denominator, label).toBe(want.denominator);
        listed += want.orderIds.length;
        if (i === 0 && key === 'install_within_days_rate') {
          expect(body.items.map((o: { id: string }) => o.id)).not.toContain(freshId);
        }
        // A small page reads busy days in windows of hours: still only the figure's orders, each once.
        const few = await drill(3);
        const fewIds = few.items.map((o: { id: string }) => o.id);
        expect(fewIds.length, label).toBe(Math.min(3, want.orderIds.length));
        expect(new Set(fewIds).size, label).toBe(fewIds.length);
        for (const id of fewIds) expect(want.orderIds, label).toContain(id);
      }
    }
    expect(listed).toBeGreaterThan(300);
  }, 180_000);

  it('KPI-01 the background refresh rebuilds the marked days before anyone reads them, and the figures stay exact', async () => {
    await db.execute(sql`
      update work_orders set status = 'completed', completed_at = accepted_at + interval '50 hours'
       where id in (select id from work_orders where tenant_id = ${tenantId} and completed_at is null
                      and status <> 'cancelled' and type = 'install' order by id desc limit 10)`);
    expect(await marks()).toBeGreaterThan(0);
    expect(await refreshMarkedKpiDays(db, tenantId)).toBeGreaterThan(0);
    expect(await marks()).toBe(0);
    expect(await compareSamples(5150, 8)).toBeGreaterThan(10);
  }, 120_000);

  it('KPI-01 after a bulk change the marked span is rebuilt as whole days at once, and the figures stay exact', async () => {
    // What the demo's first start does after seeding: many days' marks, one rebuild of the span.
    await db.execute(sql`
      update work_orders set appointment_start = appointment_start + interval '1 hour',
                             appointment_end = appointment_end + interval '1 hour'
       where id in (select id from work_orders where tenant_id = ${tenantId} and appointment_start is not null
                      order by md5(id::text) limit 40)`);
    expect(await marks()).toBeGreaterThan(20);
    await buildMarkedKpiSpans(db, tenantId);
    expect(await marks()).toBe(0);
    expect(await compareSamples(5151, 8)).toBeGreaterThan(10);
  }, 120_000);

  it('KPI-01 a period not on whole local days is computed directly (with its orders)', async () => {
    const service = createKpiService({ db, clock });
    const body = await service.kpis(auth, {
      from: '2026-10-01T03:00:00Z',
      to: '2026-10-20T03:00:00Z',
    } as never);
    const install = (body.kpis as (Figure & { orderIds?: string[] })[]).find(
      (k) => k.key === 'install_within_days_rate',
    )!;
    expect(install.source).toBe('direct');
    expect(install.orderIds!.length).toBe(install.denominator);
  });
});

describe('KPI-01 drill-down windows', () => {
  it('KPI-01 a busy day is cut into windows that cover it exactly once; a quiet one is read whole', () => {
    const day = '2026-11-10';
    const ws = windowsOf(day, 12_000, 200);
    expect(ws.length).toBe(24);
    expect(ws[0]!.from.toISOString()).toBe(zonedDateTime(day, '00:00', TZ).toISOString());
    expect(ws.at(-1)!.to.toISOString()).toBe(zonedDateTime(addDays(day, 1), '00:00', TZ).toISOString());
    for (let i = 1; i < ws.length; i++) expect(ws[i]!.from.getTime()).toBe(ws[i - 1]!.to.getTime());
    expect(windowsOf(day, 500, 200)).toEqual([undefined]);
    expect(windowsOf(day, 2_000, 200).length).toBe(5);
  });
});
