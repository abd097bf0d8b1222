import { describe, expect, it } from 'vitest';
import { computeKpis, daysOf, groupKpis } from './compute-kpis.js';
import { KPI_KEYS } from './kpi-facts.js';
import { at, JANUARY, kpiOrder } from './kpi.fixtures.js';

const done = (d: string) => at(`${d} 12:00`);
const orders = [
  kpiOrder({
    id: 'x1',
    stationId: 's1',
    holderId: 'p1',
    acceptedAt: at('01-03 09:00'),
    completedAt: done('01-03'),
    firstVisitResolved: true,
  }),
  kpiOrder({
    id: 'x2',
    stationId: 's1',
    holderId: 'p2',
    acceptedAt: at('01-03 10:00'),
    completedAt: done('01-04'),
    firstVisitResolved: false,
  }),
  kpiOrder({
    id: 'x3',
    stationId: 's2',
    holderId: 'p3',
    acceptedAt: at('01-04 09:00'),
    completedAt: done('01-04'),
    firstVisitResolved: true,
  }),
  kpiOrder({
    id: 'x4',
    tenantId: 't2',
    vendorId: 'v2',
    stationId: 's9',
    acceptedAt: at('01-04 09:00'),
    completedAt: done('01-04'),
    firstVisitResolved: false,
  }),
  kpiOrder({ id: 'x5', type: 'complaint', stationId: 's2', areaId: 'a2', acceptedAt: at('01-04 11:00') }),
];

describe('KPI-01 computeKpis and dashboard grouping', () => {
  it('KPI-01 computes every indicator for a tenant; other tenants never count', () => {
    const r = computeKpis(orders, {
      period: JANUARY,
      filter: { tenantId: 't1' },
      subscribers: [
        { tenantId: 't1', areaId: 'a1', stationId: 's1', count: 8_000 },
        { tenantId: 't1', areaId: 'a2', stationId: 's2', count: 12_000 },
        { tenantId: 't2', count: 50_000 },
      ],
    });
    expect(Object.keys(r.kpis)).toEqual([...KPI_KEYS]);
    // first-time fix: x1, x3 of x1..x3 → 2 / 3
    expect(r.kpis.first_time_fix_rate).toMatchObject({ numerator: 2, denominator: 3, orderIds: ['x1', 'x2', 'x3'] });
    // 万投比: 1 complaint / (8000 + 12000) × 10000 = 0.5
    expect(r.kpis.complaints_per_users).toMatchObject({ value: 0.5, numerator: 1, denominator: 20_000 });
    expect(r.kpis.first_time_fix_rate.ruleIds).toContain('KPI-01');
  });

  it('KPI-01 filters by station and by engineer (per person)', () => {
    const s2 = computeKpis(orders, { period: JANUARY, filter: { tenantId: 't1', stationId: 's2' } });
    expect(s2.kpis.first_time_fix_rate).toMatchObject({ value: 1, orderIds: ['x3'] });
    const p2 = computeKpis(orders, { period: JANUARY, filter: { holderId: 'p2' } });
    expect(p2.kpis.first_time_fix_rate).toMatchObject({ value: 0, numerator: 0, denominator: 1, orderIds: ['x2'] });
  });

  it('KPI-01 a period with no orders gives null rates, never NaN', () => {
    const r = computeKpis([], { period: JANUARY });
    expect(r.kpis.first_time_fix_rate.value).toBeNull();
    expect(r.kpis.average_fault_duration_hours.value).toBeNull();
    expect(r.kpis.reschedules_by_us.value).toBe(0);
  });

  it('KPI-01 local days partition a period at Shanghai midnight', () => {
    const days = daysOf({ from: at('01-03 12:00'), to: at('01-05 06:00') }, 'Asia/Shanghai');
    expect(days.map((d) => d.day)).toEqual(['2026-01-03', '2026-01-04', '2026-01-05']);
    expect(days[1]!.period).toEqual({ from: at('01-04 00:00'), to: at('01-05 00:00') });
    expect(days[2]!.period.to).toEqual(at('01-05 06:00'));
  });

  it('KPI-01 by day: completions on 3 Jan (x1) and 4 Jan (x2, x3) in tenant t1', () => {
    const groups = groupKpis(orders, 'day', { period: JANUARY, filter: { tenantId: 't1' } });
    expect(groups).toHaveLength(31);
    const ftf = (day: string) => groups.find((g) => g.key === day)!.report.kpis.first_time_fix_rate;
    expect(ftf('2026-01-03')).toMatchObject({ numerator: 1, denominator: 1 }); // x1
    expect(ftf('2026-01-04')).toMatchObject({ numerator: 1, denominator: 2 }); // x3 of x2, x3
    expect(ftf('2026-01-05')).toMatchObject({ value: null, denominator: 0 });
  });

  it('KPI-01 by station and by engineer: one group per value, drill-down ids stay in their group', () => {
    const byStation = groupKpis(orders, 'station', {
      period: JANUARY,
      filter: { tenantId: 't1' },
      subscribers: [
        { tenantId: 't1', stationId: 's1', count: 8_000 },
        { tenantId: 't1', stationId: 's2', count: 10_000 },
      ],
    });
    expect(byStation.map((g) => g.key)).toEqual(['s1', 's2']);
    expect(byStation[0]!.report.kpis.first_time_fix_rate.orderIds).toEqual(['x1', 'x2']);
    // s2: 1 complaint (x5) / 10000 users × 10000 = 1
    expect(byStation[1]!.report.kpis.complaints_per_users).toMatchObject({ value: 1, denominator: 10_000 });
    const byEngineer = groupKpis(orders, 'engineer', { period: JANUARY, filter: { tenantId: 't1' } });
    expect(byEngineer.map((g) => g.key)).toEqual(['p1', 'p2', 'p3']);
  });
});
