import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { kpiSubscriberCounts, KPI_DAILY_KEYS, refreshKpiDaily, sumKpiDaily, type Database, type Db } from '@daowei/db';
import { openTestDatabase } from '@daowei/db/testing';
import { seedDemoInTransaction } from './demo-in-transaction.js';
import { addKpiSources } from './kpi-sources.fixture.js';
import {
  addDays,
  computeKpis,
  groupKpis,
  OPEN_STATUSES,
  zonedDateTime,
  type KpiGroupBy,
  type KpiOrderFacts,
  type SubscriberCount,
} from '@daowei/domain';
import { dailyFigures, KPI_DAILY_POLICY } from '../src/features/kpis/kpi-daily.reader.js';
import { kpiFactsAt, loadKpiRecords } from '../src/features/kpis/kpi-facts.loader.js';

/**
 * KPI-01 day pre-aggregates are exact, for every indicator: on the demo generator's orders (60 days,
 * every status, repeats, complaints, cancellations) with SLA clocks, borrow cards, satisfaction
 * callbacks and extra visit events added at random, the sums of kpi_daily plus the live "as of" parts
 * equal the domain's direct computation — numerator and denominator of each indicator — for random
 * periods of whole local days, random scopes (tenant, vendor, station, area, engineer) and breakdowns.
 */
const NOW = new Date('2026-11-28T10:00:00Z');
const TZ = KPI_DAILY_POLICY.timeZone;
let database: Database;
let demo: Awaited<ReturnType<typeof seedDemoInTransaction>> | undefined;
let db: Db;
let tenantId = '';
let records: Awaited<ReturnType<typeof loadKpiRecords>>;
let subscribers: SubscriberCount[] = [];

/** A small deterministic generator: the samples are random but the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  // Rolled back at the end: the demo's logins are fixed and CI shares one PostgreSQL database.
  demo = await seedDemoInTransaction(database, { passwordHash: 'not-used', orders: 800, now: NOW, seed: 7 });
  db = demo.db;
  tenantId = demo.tenantId;
  await addKpiSources(db, tenantId, 7, NOW);
  await refreshKpiDaily(db, tenantId, { fromDay: '2026-08-01', toDay: '2026-12-31' }, KPI_DAILY_POLICY);
  records = await loadKpiRecords(db, tenantId, {
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2027-01-01T00:00:00Z'),
  });
  subscribers = await kpiSubscriberCounts(db, tenantId);
}, 240_000);
afterAll(async () => {
  await demo?.done();
  await database?.close();
});

type Sums = Partial<Record<string, { numerator: number; denominator: number }>>;

function expectSame(got: Sums | undefined, want: ReturnType<typeof computeKpis>['kpis'], label: string) {
  let nonEmpty = 0;
  for (const key of KPI_DAILY_KEYS) {
    const g = got?.[key] ?? { numerator: 0, denominator: 0 };
    const w = want[key];
    expect(g.numerator, `${key} ${label}`).toBeCloseTo(w.numerator, 6);
    // 万投比's denominator is the user base, not orders: the aggregate carries the complaints.
    if (key === 'complaints_per_users') expect(g.denominator, `${key} ${label}`).toBe(w.numerator);
    else expect(g.denominator, `${key} ${label}`).toBe(w.denominator);
    if (w.denominator > 0) nonEmpty += 1;
  }
  return nonEmpty;
}

describe('KPI-01 day pre-aggregates', () => {
  it('KPI-01 every indicator from the aggregates equals the direct computation on 30 random periods, scopes and breakdowns', async () => {
    expect(records.orders.length).toBeGreaterThan(500);
    const next = rng(20261128);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const all = kpiFactsAt(records, NOW);
    const values = (f: (o: KpiOrderFacts) => string | null) => [...new Set(all.map(f).filter((x) => x !== null))];
    const dims = ['vendorId', 'stationId', 'areaId', 'holderId'] as const;
    const breakdowns: (KpiGroupBy | null)[] = [null, null, 'day', 'station', 'area', 'vendor', 'engineer'];
    const seen = new Set<string>();
    let nonEmpty = 0;
    for (let i = 0; i < 30; i++) {
      const fromDay = addDays('2026-09-29', Math.floor(next() * 60));
      const toDay = addDays(fromDay, Math.floor(next() * 31));
      const dim = i % 5 === 0 ? null : pick(dims);
      const filter = dim ? { [dim]: pick(values((o) => o[dim] ?? null)) } : {};
      const by = breakdowns[i % breakdowns.length]!;
      const period = { from: zonedDateTime(fromDay, '00:00', TZ), to: zonedDateTime(addDays(toDay, 1), '00:00', TZ) };
      const asOf = period.to.getTime() < NOW.getTime() ? period.to : NOW;
      const facts = kpiFactsAt(records, asOf);
      const options = { period, asOf, filter: { tenantId, ...filter }, subscribers };
      const vendorId = (filter as { vendorId?: string }).vendorId ?? null;
      // Every other sample asks for several breakdowns at once (the dashboard's one read): each must
      // equal the domain's grouping on its own.
      const groups: KpiGroupBy[] = by ? (i % 2 === 0 ? [by] : [...new Set<KpiGroupBy>([by, 'day', 'station'])]) : [];
      const daily = await dailyFigures(db, tenantId, { period, asOf, filter, vendorId, groups });
      const label = `${fromDay}..${toDay} ${JSON.stringify(filter)} by ${groups.join('+') || 'none'}`;
      if (!by) {
        nonEmpty += expectSame(daily?.get('none')?.get(null), computeKpis(facts, options).kpis, label);
        continue;
      }
      for (const set of groups) {
        for (const g of groupKpis(facts, set, options)) {
          nonEmpty += expectSame(daily?.get(set)?.get(g.key), g.report.kpis, `${label} [${set}] group ${g.key}`);
          seen.add(set);
        }
      }
    }
    // The samples must exercise real figures of every indicator, not empty scopes.
    expect(nonEmpty).toBeGreaterThan(300);
    expect(seen.size).toBe(5);
    for (const key of KPI_DAILY_KEYS) {
      const whole = computeKpis(kpiFactsAt(records, NOW), {
        period: { from: zonedDateTime('2026-09-29', '00:00', TZ), to: NOW },
        asOf: NOW,
        filter: { tenantId },
        subscribers,
      }).kpis[key];
      expect(whole.denominator, `${key} has figures in the fixture`).toBeGreaterThan(5);
    }
  }, 240_000);

  it('KPI-01 a trend by day from the aggregates adds up to the month, alone or read with a ranking', async () => {
    const days = { fromDay: '2026-10-01', toDay: '2026-10-31', asOfDay: '2026-11-01' };
    const byDay = await sumKpiDaily(db, tenantId, days, {}, ['day']);
    const whole = await sumKpiDaily(db, tenantId, days, {}, ['none']);
    const both = await sumKpiDaily(db, tenantId, days, {}, ['day', 'station']);
    const sorted = (rows: typeof byDay) =>
      // float sums depend on the order rows are added in: compare to 1e-9
      rows.map((r) => `${r.set} ${r.kpiKey} ${r.group} ${r.numerator.toFixed(9)} ${r.denominator}`).sort();
    expect(sorted(both.filter((r) => r.set === 'day'))).toEqual(sorted(byDay));
    for (const key of KPI_DAILY_KEYS) {
      const total = whole.find((r) => r.kpiKey === key)?.denominator ?? 0;
      const sum = byDay.filter((r) => r.kpiKey === key).reduce((s, r) => s + r.denominator, 0);
      expect(sum).toBe(total);
      const byStation = both.filter((r) => r.set === 'station' && r.kpiKey === key);
      expect(byStation.reduce((s, r) => s + r.denominator, 0)).toBe(total);
    }
    expect(new Set(byDay.map((r) => r.group)).size).toBeGreaterThan(20);
    expect(new Set(both.filter((r) => r.set === 'station').map((r) => r.group)).size).toBeGreaterThan(1);
  });

  it('KPI-01 a whole-day rebuild forgets the marks of its days (they are redundant), and only those', async () => {
    // Orders of October and November change: their days are marked.
    await db.execute(sql`update work_orders set accepted_at = accepted_at + interval '1 second'
                           where tenant_id = ${tenantId} and accepted_at >= '2026-10-01' and accepted_at < '2026-11-20'`);
    const count = async (from: string, to: string) =>
      Number(
        (
          (await db.execute(sql`select count(*) as n from kpi_daily_dirty where tenant_id = ${tenantId}
                                   and at >= ${from}::timestamptz and at < ${to}::timestamptz`)) as unknown as {
            rows: { n: string | number }[];
          }
        ).rows[0]!.n,
      );
    expect(await count('2026-10-09T16:00:00Z', '2026-10-19T16:00:00Z')).toBeGreaterThan(0);
    const outside = await count('2026-10-19T16:00:00Z', '2026-11-20T00:00:00Z');
    expect(outside).toBeGreaterThan(0);
    await refreshKpiDaily(db, tenantId, { fromDay: '2026-10-10', toDay: '2026-10-19' }, KPI_DAILY_POLICY);
    expect(await count('2026-10-09T16:00:00Z', '2026-10-19T16:00:00Z')).toBe(0);
    expect(await count('2026-10-19T16:00:00Z', '2026-11-20T00:00:00Z')).toBe(outside);
  });

  it('KPI-01 as the day goes on: open orders and running clocks count from the instant they pass, never before, on stored and live parts alike', async () => {
    // An open install accepted at a local midnight: its deadline is a local midnight too, so a read as
    // of exactly that midnight must count it (deadline <= asOf) although its stored row counts from
    // that day on.
    const open = (await db.execute(sql`
      select id from work_orders where tenant_id = ${tenantId} and type = 'install' and completed_at is null
         and status in (${sql.join(
           OPEN_STATUSES.map((st) => sql`${st}`),
           sql`, `,
         )}) order by id limit 1`)) as unknown as { rows: { id: string }[] };
    expect(open.rows.length).toBe(1);
    const acceptedAt = zonedDateTime('2026-11-23', '00:00', TZ);
    await db.execute(sql`update work_orders set accepted_at = ${acceptedAt} where id = ${open.rows[0]!.id}`);
    const deadline = zonedDateTime(addDays('2026-11-23', KPI_DAILY_POLICY.installWithinDays), '00:00', TZ);
    // An open order nobody has reached, its window moved to close between two of the instants below.
    const unreached = (await db.execute(sql`
      select w.id from work_orders w where w.tenant_id = ${tenantId} and w.completed_at is null
         and w.status in (${sql.join(
           OPEN_STATUSES.map((st) => sql`${st}`),
           sql`, `,
         )}) and w.id <> ${open.rows[0]!.id}
         and not exists (select 1 from work_order_events e where e.order_id = w.id and e.action = 'arrive')
       order by w.id limit 1`)) as unknown as { rows: { id: string }[] };
    expect(unreached.rows.length).toBe(1);
    await db.execute(sql`
      update work_orders set appointment_start = ${new Date(deadline.getTime() + 30 * 60_000)},
                             appointment_end = ${new Date(deadline.getTime() + 60 * 60_000)}
       where id = ${unreached.rows[0]!.id}`);
    const fresh = await loadKpiRecords(db, tenantId, {
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
    });
    const period = { from: zonedDateTime('2026-11-01', '00:00', TZ), to: zonedDateTime('2026-12-01', '00:00', TZ) };
    const instants = [
      new Date(deadline.getTime() - 1000),
      deadline,
      new Date(deadline.getTime() + 3 * 3600_000 + 17_000),
      zonedDateTime('2026-11-27', '13:45', TZ),
      zonedDateTime('2026-11-28', '00:00', TZ),
      zonedDateTime('2026-11-28', '09:30', TZ),
      NOW,
    ];
    const denominators = new Map<string, Set<number>>();
    for (const asOf of instants) {
      const facts = kpiFactsAt(fresh, asOf);
      const options = { period, asOf, filter: { tenantId }, subscribers };
      const daily = await dailyFigures(db, tenantId, { period, asOf, filter: {}, vendorId: null, groups: ['day'] });
      for (const g of groupKpis(facts, 'day', options)) {
        expectSame(daily?.get('day')?.get(g.key), g.report.kpis, `as of ${asOf.toISOString()} day ${g.key}`);
      }
      const whole = computeKpis(facts, options).kpis;
      for (const key of [
        'install_within_days_rate',
        'fault_resolved_within_hours_rate',
        'on_time_arrival_rate',
        'sla_compliance_rate',
      ]) {
        denominators.set(key, (denominators.get(key) ?? new Set()).add(whole[key as keyof typeof whole].denominator));
      }
    }
    // The instants were chosen so that orders and clocks pass their deadlines between them: the figures
    // move with asOf (else this test would not exercise the live part).
    for (const [key, seen] of denominators) expect(seen.size, key).toBeGreaterThan(1);
    const before = computeKpis(kpiFactsAt(fresh, instants[0]!), {
      period,
      asOf: instants[0]!,
      filter: { tenantId },
      subscribers,
    });
    const at = computeKpis(kpiFactsAt(fresh, deadline), { period, asOf: deadline, filter: { tenantId }, subscribers });
    expect(at.kpis.install_within_days_rate.denominator).toBe(before.kpis.install_within_days_rate.denominator + 1);
  }, 120_000);
});
