import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORK_ORDER_STATUSES, WORK_ORDER_TYPES } from '../work-order/work-order.types.js';
import { computeKpis, groupKpis } from './compute-kpis.js';
import type { KpiOrderFacts } from './kpi-facts.js';
import { KPI_KEYS, SATISFACTION_LEVELS } from './kpi-facts.js';
import { KPI_DEFINITIONS } from './kpi-indicators.js';
import { JANUARY } from './kpi.fixtures.js';

/** KPI-01 invariants over random orders around January 2026 (a few days either side). */
const FROM = JANUARY.from.getTime() - 5 * 86_400_000;
const TO = JANUARY.to.getTime() + 5 * 86_400_000;
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const order: fc.Arbitrary<KpiOrderFacts> = fc
  .record({
    id: fc.uuid(),
    stationId: maybe(fc.constantFrom('s1', 's2', 's3')),
    areaId: maybe(fc.constantFrom('a1', 'a2')),
    holderId: maybe(fc.constantFrom('p1', 'p2', 'p3', 'p4')),
    type: fc.constantFrom(...WORK_ORDER_TYPES),
    status: fc.constantFrom(...WORK_ORDER_STATUSES),
    acceptedAt: instant,
    completeAfterH: maybe(fc.integer({ min: 0, max: 120 })),
    apptAfterH: maybe(fc.integer({ min: 1, max: 96 })),
    arriveAfterMin: maybe(fc.integer({ min: -120, max: 240 })),
    firstVisitResolved: maybe(fc.boolean()),
    repeat: fc.boolean(),
    reschedulesByUs: fc.nat(3),
    noAccessAttempts: fc.nat(2),
    callback: maybe(
      fc.record({
        required: fc.boolean(),
        done: fc.boolean(),
        satisfaction: maybe(fc.constantFrom(...SATISFACTION_LEVELS)),
      }),
    ),
    partsHit: maybe(fc.boolean()),
    clocks: fc.array(
      fc.record({
        kind: fc.constantFrom('a', 'b'),
        dueAt: instant,
        outcome: fc.constantFrom('met', 'breached', 'excused', 'running'),
      } as const),
      { maxLength: 3 },
    ),
  })
  .map((r) => {
    const completedAt =
      r.completeAfterH === null ? null : new Date(r.acceptedAt.getTime() + r.completeAfterH * 3_600_000);
    const start = r.apptAfterH === null ? null : new Date(r.acceptedAt.getTime() + r.apptAfterH * 3_600_000);
    const appointment = start && { start, end: new Date(start.getTime() + 2 * 3_600_000) };
    return {
      id: r.id,
      tenantId: 't1',
      vendorId: 'v1',
      stationId: r.stationId,
      areaId: r.areaId,
      holderId: r.holderId,
      type: r.type,
      status: r.status,
      acceptedAt: r.acceptedAt,
      completedAt,
      closedAt: null,
      appointment,
      arrivedAt: start && r.arriveAfterMin !== null ? new Date(start.getTime() + r.arriveAfterMin * 60_000) : null,
      firstVisitResolved: r.firstVisitResolved,
      repeatOfOrderId: r.repeat ? 'earlier' : null,
      reschedulesByUs: r.reschedulesByUs,
      noAccessAttempts: r.noAccessAttempts,
      callback: r.callback,
      partsHit: r.partsHit,
      slaClocks: r.clocks,
    };
  });

const orders = fc.array(order, { maxLength: 40 });
const asOf = fc.integer({ min: JANUARY.to.getTime() - 3 * 86_400_000, max: TO }).map((ms) => new Date(ms));
const RATES = KPI_DEFINITIONS.filter((d) => d.unit === 'ratio').map((d) => d.key);

describe('KPI-01 properties', () => {
  it('KPI-01 every rate stays within [0, 1] and numerator ≤ denominator', () => {
    fc.assert(
      fc.property(orders, asOf, (os, now) => {
        const r = computeKpis(os, { period: JANUARY, asOf: now });
        for (const k of RATES) {
          const v = r.kpis[k];
          expect(v.numerator).toBeLessThanOrEqual(v.denominator);
          if (v.value !== null) expect(v.value >= 0 && v.value <= 1).toBe(true);
          else expect(v.denominator).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each(['day', 'station', 'engineer', 'area'] as const)(
    'KPI-01 grouping by %s then summing numerators and denominators equals the whole',
    (by) => {
      fc.assert(
        fc.property(orders, asOf, (os, now) => {
          const whole = computeKpis(os, { period: JANUARY, asOf: now });
          const groups = groupKpis(os, by, { period: JANUARY, asOf: now });
          for (const k of KPI_KEYS) {
            if (k === 'complaints_per_users') continue; // its denominator is the subscriber base, not orders
            const num = groups.reduce((s, g) => s + g.report.kpis[k].numerator, 0);
            const den = groups.reduce((s, g) => s + g.report.kpis[k].denominator, 0);
            expect(num).toBeCloseTo(whole.kpis[k].numerator, 6);
            expect(den).toBe(whole.kpis[k].denominator);
            // Distinct ids: an order whose SLA clocks fall due on two days is behind both days' figures.
            const ids = [...new Set(groups.flatMap((g) => g.report.kpis[k].orderIds))].sort();
            expect(ids).toEqual([...whole.kpis[k].orderIds].sort());
          }
          const complaints = groups.reduce((s, g) => s + g.report.kpis.complaints_per_users.numerator, 0);
          expect(complaints).toBe(whole.kpis.complaints_per_users.numerator);
        }),
        { numRuns: by === 'day' ? 40 : 150 },
      );
    },
  );
});
