import { describe, expect, it } from 'vitest';
import { computeKpis, subscribersFor } from './compute-kpis.js';
import { kpiClockOutcome, partsHitOf, type KpiClockRecord } from './kpi-sources.js';
import { at, CTX, JANUARY, kpiOrder } from './kpi.fixtures.js';

const clock = (over: Partial<KpiClockRecord>): KpiClockRecord => ({
  kind: 'resolve',
  dueAt: at('01-10 12:00'),
  state: 'running',
  stoppedAt: null,
  pausedAt: null,
  stopReason: null,
  ...over,
});

describe('KPI-01 data sources on hand-computed fixtures', () => {
  it('KPI-01 SLA-02 a clock stopped by its due instant is met, after it breached, by a cancellation excused', () => {
    const asOf = at('01-20 00:00');
    expect(kpiClockOutcome(clock({ state: 'stopped', stoppedAt: at('01-10 12:00') }), asOf).outcome).toBe('met');
    expect(kpiClockOutcome(clock({ state: 'stopped', stoppedAt: at('01-10 12:01') }), asOf).outcome).toBe('breached');
    expect(
      kpiClockOutcome(clock({ state: 'stopped', stoppedAt: at('01-10 11:00'), stopReason: 'cancelled' }), asOf).outcome,
    ).toBe('excused');
  });

  it('KPI-01 SLA-09 an open clock is breached once past due (running) or when paused after due', () => {
    expect(kpiClockOutcome(clock({}), at('01-10 12:00')).outcome).toBe('running'); // due now, not past
    expect(kpiClockOutcome(clock({}), at('01-10 12:01')).outcome).toBe('breached');
    expect(kpiClockOutcome(clock({ state: 'paused', pausedAt: at('01-10 11:00') }), at('01-20 00:00')).outcome).toBe(
      'running',
    );
    expect(kpiClockOutcome(clock({ state: 'paused', pausedAt: at('01-10 13:00') }), at('01-20 00:00')).outcome).toBe(
      'breached',
    );
  });

  it('KPI-01 SLA compliance from stored clocks: met 1, breached 2 (late stop, running past due), excused and running out → 1/3', () => {
    const asOf = at('01-15 00:00');
    const clocks = [
      clock({ state: 'stopped', stoppedAt: at('01-10 10:00') }), // met
      clock({ state: 'stopped', stoppedAt: at('01-11 10:00') }), // breached
      clock({ dueAt: at('01-12 00:00') }), // running past due at asOf: breached
      clock({ state: 'stopped', stoppedAt: at('01-09 00:00'), stopReason: 'cancelled' }), // excused: out
      clock({ dueAt: at('01-20 00:00') }), // still running: out
    ].map((c) => kpiClockOutcome(c, asOf));
    const r = computeKpis([kpiOrder({ id: 's1', slaClocks: clocks })], { period: JANUARY, asOf });
    expect(r.kpis.sla_compliance_rate).toMatchObject({ numerator: 1, denominator: 3, orderIds: ['s1'] });
    expect(r.kpis.sla_compliance_rate.value).toBeCloseTo(1 / 3, 12);
  });

  it('KPI-01 PART-05 parts hit: used parts all from the first card → hit; a part used from a later card → miss', () => {
    const first = { cardId: 'c1', issuedAt: at('01-10 08:00') };
    const later = { cardId: 'c2', issuedAt: at('01-10 15:00') };
    expect(partsHitOf([])).toBeNull(); // took no parts: left out
    expect(partsHitOf([{ ...first, consumed: 1 }])).toBe(true);
    expect(partsHitOf([{ ...first, consumed: 0 }])).toBe(true); // took parts, used none: nothing was missing
    expect(
      partsHitOf([
        { ...first, consumed: 1 },
        { ...later, consumed: 0 },
      ]),
    ).toBe(true); // second card unused
    expect(
      partsHitOf([
        { ...first, consumed: 0 },
        { ...later, consumed: 1 },
      ]),
    ).toBe(false);
    // Three completed jobs that took parts: hit, hit, miss → 2/3.
    const jobs = [
      partsHitOf([{ ...first, consumed: 1 }]),
      partsHitOf([
        { ...first, consumed: 2 },
        { ...later, consumed: 0 },
      ]),
      partsHitOf([
        { ...first, consumed: 1 },
        { ...later, consumed: 1 },
      ]),
    ].map((partsHit, i) => kpiOrder({ id: `p${i}`, completedAt: at('01-12 10:00'), partsHit }));
    const v = computeKpis(jobs, { period: JANUARY, asOf: CTX.asOf }).kpis.parts_hit_rate;
    expect(v).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('KPI-01 万投比 over the customers of the scope: 3 complaints, 6,000 customers in station s1 → 5 per 10,000', () => {
    const users = [
      { tenantId: 't1', vendorId: 'v1', stationId: 's1', areaId: 'a1', count: 4_000 },
      { tenantId: 't1', vendorId: 'v1', stationId: 's1', areaId: 'a2', count: 2_000 },
      { tenantId: 't1', vendorId: 'v1', stationId: 's2', areaId: 'a3', count: 9_000 },
      { tenantId: 't1', vendorId: null, stationId: null, areaId: null, count: 500 }, // no area: tenant only
    ];
    expect(subscribersFor(users, { tenantId: 't1' })).toBe(15_500);
    const complaints = [1, 2, 3].map((i) =>
      kpiOrder({ id: `c${i}`, type: 'complaint', acceptedAt: at('01-05 09:00') }),
    );
    const v = computeKpis(complaints, { period: JANUARY, filter: { stationId: 's1' }, subscribers: users }).kpis
      .complaints_per_users;
    // 3 / 6,000 × 10,000 = 5
    expect(v).toMatchObject({ numerator: 3, denominator: 6_000, value: 5 });
  });
});
