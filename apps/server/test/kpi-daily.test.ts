import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  kpiOpenPastDeadline,
  KPI_DAILY_KEYS,
  listOrdersForKpi,
  refreshKpiDaily,
  sumKpiDaily,
  type Database,
  type Db,
  type KpiScopeFilter,
} from '@daowei/db';
import { openTestDatabase } from '@daowei/db/testing';
import { seedDemoInTransaction } from './demo-in-transaction.js';
import { addDays, computeKpis, DEFAULT_KPI_POLICY, zonedDateTime, type KpiOrderFacts } from '@daowei/domain';
import { kpiFactsOf } from '../src/features/kpis/kpi-facts.mapper.js';

/**
 * KPI-01 day pre-aggregates are exact: on the demo generator's orders (60 days, every status, repeats,
 * complaints, cancellations), the sums of kpi_daily plus the live open-past-deadline part equal the
 * domain's direct computation — numerator and denominator of each aggregated indicator — for random
 * periods of whole local days and random scopes (tenant, vendor, station, area, engineer).
 */
const NOW = new Date('2026-11-28T10:00:00Z');
const TZ = DEFAULT_KPI_POLICY.timeZone;
const POLICY = {
  timeZone: TZ,
  installWithinDays: DEFAULT_KPI_POLICY.installWithinDays,
  faultResolutionHours: DEFAULT_KPI_POLICY.faultResolutionHours,
};
let database: Database;
let demo: Awaited<ReturnType<typeof seedDemoInTransaction>> | undefined;
let db: Db;
let tenantId = '';
let facts: KpiOrderFacts[] = [];

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
  await refreshKpiDaily(db, tenantId, { fromDay: '2026-08-01', toDay: '2026-12-31' }, POLICY);
  const orders = await listOrdersForKpi(db, tenantId, {
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2027-01-01T00:00:00Z'),
  });
  facts = orders.map((o) => kpiFactsOf(o, [], []));
}, 180_000);
afterAll(async () => {
  await demo?.done();
  await database?.close();
});

describe('KPI-01 day pre-aggregates', () => {
  it('KPI-01 aggregates equal the direct computation on 25 random periods and scopes', async () => {
    expect(facts.length).toBeGreaterThan(500);
    const next = rng(20261128);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const values = (f: (o: KpiOrderFacts) => string | null) => [...new Set(facts.map(f).filter((x) => x !== null))];
    const dims: (keyof KpiScopeFilter)[] = ['vendorId', 'stationId', 'areaId', 'holderId'];
    let nonEmpty = 0;
    for (let i = 0; i < 25; i++) {
      const fromDay = addDays('2026-09-29', Math.floor(next() * 60));
      const toDay = addDays(fromDay, Math.floor(next() * 31));
      const dim = i % 5 === 0 ? null : pick(dims);
      const filter: KpiScopeFilter = dim ? { [dim]: pick(values((o) => o[dim] ?? null)) } : {};
      const period = { from: zonedDateTime(fromDay, '00:00', TZ), to: zonedDateTime(addDays(toDay, 1), '00:00', TZ) };
      const asOf = period.to.getTime() < NOW.getTime() ? period.to : NOW;
      const direct = computeKpis(facts, { period, asOf, filter: { tenantId, ...filter } }).kpis;
      const summed = await sumKpiDaily(db, tenantId, { fromDay, toDay }, filter, 'none');
      const open = await kpiOpenPastDeadline(
        db,
        tenantId,
        { ...period, asOf, vendorIds: values((o) => o.vendorId) },
        filter,
        POLICY,
        'none',
      );
      for (const key of KPI_DAILY_KEYS) {
        const parts = [...summed, ...open].filter((r) => r.kpiKey === key);
        const numerator = parts.reduce((s, r) => s + r.numerator, 0);
        const denominator = parts.reduce((s, r) => s + r.denominator, 0);
        const want = direct[key];
        const label = `${key} ${fromDay}..${toDay} ${JSON.stringify(filter)}`;
        expect(numerator, label).toBeCloseTo(want.numerator, 6);
        // 万投比's denominator is the subscriber base, not orders: the aggregate carries the complaints.
        if (key === 'complaints_per_users') expect(denominator, label).toBe(want.numerator);
        else expect(denominator, label).toBe(want.denominator);
        if (want.denominator > 0) nonEmpty += 1;
      }
    }
    // The samples must exercise real figures, not empty scopes.
    expect(nonEmpty).toBeGreaterThan(40);
  });

  it('KPI-01 a trend by day from the aggregates adds up to the month', async () => {
    const days = { fromDay: '2026-10-01', toDay: '2026-10-31' };
    const byDay = await sumKpiDaily(db, tenantId, days, {}, 'day');
    const whole = await sumKpiDaily(db, tenantId, days, {}, 'none');
    for (const key of KPI_DAILY_KEYS) {
      const sum = byDay.filter((r) => r.kpiKey === key).reduce((s, r) => s + r.denominator, 0);
      expect(sum).toBe(whole.find((r) => r.kpiKey === key)?.denominator ?? 0);
    }
    expect(new Set(byDay.map((r) => r.group)).size).toBeGreaterThan(20);
  });
});
