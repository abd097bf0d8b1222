import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KPI_POLICY } from './kpi-facts.js';
import {
  averageFaultDurationHours,
  callbackCompletionRate,
  complaintsPerUsers,
  faultResolvedWithinHoursRate,
  firstTimeFixRate,
  installWithinDaysRate,
  KPI_DEFINITIONS,
  noAccessRate,
  onTimeArrivalRate,
  partsHitRate,
  repeatFaultRate,
  reschedulesByUs,
  sameLocalTimeDaysLater,
  satisfactionRate,
  slaComplianceRate,
} from './kpi-indicators.js';
import { at, CTX, kpiOrder } from './kpi.fixtures.js';

describe('KPI-01 indicators on hand-computed fixtures', () => {
  it('KPI-01 every indicator carries its rule ID and a formula in zh-CN and en', () => {
    for (const d of KPI_DEFINITIONS) {
      expect(d.ruleIds).toContain('KPI-01');
      expect(d.formula['zh-CN'].length).toBeGreaterThan(5);
      expect(d.formula.en.length).toBeGreaterThan(5);
    }
    expect(new Set(KPI_DEFINITIONS.map((d) => d.key)).size).toBe(13);
  });

  it('KPI-01 "within 3 days" ends at the same local time 3 calendar days later', () => {
    expect(sameLocalTimeDaysLater(at('01-05 10:00'), 3, 'Asia/Shanghai')).toEqual(at('01-08 10:00'));
  });

  it('KPI-01 install-within-3-days rate: 2 of 4 decidable installs on time → 50 %', () => {
    const orders = [
      kpiOrder({ id: 'i1', type: 'install', acceptedAt: at('01-05 10:00'), completedAt: at('01-08 10:00') }), // on time (deadline 01-08 10:00, inclusive)
      kpiOrder({ id: 'i2', type: 'install', acceptedAt: at('01-05 10:00'), completedAt: at('01-08 10:01') }), // late
      kpiOrder({ id: 'i3', type: 'install', status: 'taken', acceptedAt: at('01-10 10:00') }), // open past its deadline: fail
      kpiOrder({ id: 'i4', type: 'install', status: 'taken', acceptedAt: at('01-31 20:00') }), // due 02-03: undecided, out
      kpiOrder({ id: 'i5', type: 'install', status: 'cancelled', acceptedAt: at('01-12 10:00') }), // cancelled: out
      kpiOrder({ id: 'i6', type: 'install', acceptedAt: at('12-30 10:00', 2025), completedAt: at('01-02 09:00') }), // December: out
      kpiOrder({ id: 'i7', type: 'install', acceptedAt: at('01-20 10:00'), completedAt: at('01-21 15:00') }), // on time
    ];
    // numerator {i1, i7} = 2; denominator {i1, i2, i3, i7} = 4; 2 / 4 = 0.5
    expect(installWithinDaysRate.compute(orders, CTX)).toEqual({
      value: 0.5,
      numerator: 2,
      denominator: 4,
      orderIds: ['i1', 'i2', 'i3', 'i7'],
    });
  });

  const window = (d: string) => ({ start: at(`${d} 09:00`), end: at(`${d} 11:00`) });

  it('KPI-01 on-time arrival rate: 1 of 3 decided appointments kept → 33.3 %', () => {
    const orders = [
      kpiOrder({ id: 'a1', appointment: window('01-06'), arrivedAt: at('01-06 10:30') }), // inside the window
      kpiOrder({ id: 'a2', appointment: window('01-07'), arrivedAt: at('01-07 11:05') }), // 5 min after it
      kpiOrder({ id: 'a3', status: 'taken', appointment: window('01-08') }), // nobody came, window passed
      kpiOrder({
        id: 'a4',
        status: 'taken',
        appointment: { start: at('01-31 23:00'), end: at('02-01 01:00') }, // still open at asOf: out
      }),
      kpiOrder({ id: 'a5' }), // no appointment: out
    ];
    // numerator {a1} = 1; denominator {a1, a2, a3} = 3; 1 / 3
    const v = onTimeArrivalRate.compute(orders, CTX);
    expect(v).toMatchObject({ numerator: 1, denominator: 3, orderIds: ['a1', 'a2', 'a3'] });
    expect(v.value).toBeCloseTo(1 / 3, 10);
    // Judged by the window's start plus 5 min grace instead, a1 (10:30 > 09:05) is late too: 0 / 3.
    const strict = {
      ...CTX,
      policy: { ...DEFAULT_KPI_POLICY, onTimeArrival: { by: 'window_start', graceMinutes: 5 } },
    };
    expect(onTimeArrivalRate.compute(orders, strict as typeof CTX)).toMatchObject({ value: 0, numerator: 0 });
  });

  it('KPI-01 on-time arrival: an order completed without anyone arriving is decided (a miss) even before its window ends', () => {
    const asOf = at('01-20 10:00');
    const orders = [
      kpiOrder({ id: 'c1', appointment: window('01-20'), completedAt: at('01-20 08:00') }), // done remotely: miss
      kpiOrder({ id: 'c2', status: 'taken', appointment: window('01-20') }), // open, window not over: out
    ];
    // numerator 0; denominator {c1} = 1
    expect(onTimeArrivalRate.compute(orders, { ...CTX, asOf })).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 1,
      orderIds: ['c1'],
    });
  });

  it('KPI-01 SLA compliance: 2 of 3 decided clocks due in January met → 66.7 %', () => {
    const orders = [
      kpiOrder({
        id: 's1',
        slaClocks: [
          { kind: 'hand_off', dueAt: at('01-10 09:30'), outcome: 'met' },
          { kind: 'fault_repair', dueAt: at('01-10 18:00'), outcome: 'breached' },
        ],
      }),
      kpiOrder({
        id: 's2',
        slaClocks: [
          { kind: 'hand_off', dueAt: at('01-11 09:30'), outcome: 'met' },
          { kind: 'fault_repair', dueAt: at('01-11 18:00'), outcome: 'excused' }, // out
          { kind: 'first_contact', dueAt: at('01-11 11:00'), outcome: 'running' }, // out
        ],
      }),
      kpiOrder({ id: 's3', slaClocks: [{ kind: 'hand_off', dueAt: at('02-02 09:00'), outcome: 'met' }] }), // February: out
    ];
    // met: s1 hand_off, s2 hand_off = 2; decided: those + s1 fault_repair = 3; 2 / 3
    const v = slaComplianceRate.compute(orders, CTX);
    expect(v).toMatchObject({ numerator: 2, denominator: 3, orderIds: ['s1', 's2'] });
    expect(v.value).toBeCloseTo(2 / 3, 10);
  });

  it('KPI-01 average fault duration: (6 + 10 + 5) h over 3 faults → 7 h', () => {
    const orders = [
      kpiOrder({ id: 'f1', acceptedAt: at('01-10 08:00'), completedAt: at('01-10 14:00') }), // 6 h
      kpiOrder({ id: 'f2', acceptedAt: at('01-11 20:00'), completedAt: at('01-12 06:00') }), // 10 h over midnight
      kpiOrder({ id: 'f3', acceptedAt: at('01-12 09:30'), completedAt: at('01-12 14:30') }), // 5 h
      kpiOrder({ id: 'f4', status: 'on_site', acceptedAt: at('01-13 09:00') }), // not completed: out
      kpiOrder({ id: 'f5', type: 'install', acceptedAt: at('01-13 09:00'), completedAt: at('01-14 09:00') }), // not a fault
    ];
    // 21 h / 3 = 7 h
    expect(averageFaultDurationHours.compute(orders, CTX)).toEqual({
      value: 7,
      numerator: 21,
      denominator: 3,
      orderIds: ['f1', 'f2', 'f3'],
    });
  });

  it('KPI-01 24 h fault resolution rate: 3 of 5 decidable faults within 24 h → 60 %', () => {
    const orders = [
      kpiOrder({ id: 'f1', acceptedAt: at('01-10 08:00'), completedAt: at('01-10 14:00') }), // 6 h ✓
      kpiOrder({ id: 'f2', acceptedAt: at('01-11 20:00'), completedAt: at('01-12 06:00') }), // 10 h ✓
      kpiOrder({ id: 'f3', acceptedAt: at('01-15 09:00'), completedAt: at('01-16 09:00') }), // exactly 24 h ✓
      kpiOrder({ id: 'f4', acceptedAt: at('01-20 09:00'), completedAt: at('01-21 12:00') }), // 27 h ✗
      kpiOrder({ id: 'f5', status: 'on_site', acceptedAt: at('01-31 12:00') }), // 12 h old at asOf: out
      kpiOrder({ id: 'f6', status: 'on_site', acceptedAt: at('01-25 12:00') }), // open for days ✗
    ];
    // 3 / 5 = 0.6
    expect(faultResolvedWithinHoursRate.compute(orders, CTX)).toMatchObject({
      value: 0.6,
      numerator: 3,
      denominator: 5,
    });
  });

  it('KPI-01 first-time-fix rate: 3 of 4 faults fixed on the first visit → 75 %', () => {
    const done = at('01-10 12:00');
    const orders = [
      kpiOrder({ id: 'f1', completedAt: done, firstVisitResolved: true }),
      kpiOrder({ id: 'f2', completedAt: done, firstVisitResolved: true }),
      kpiOrder({ id: 'f3', completedAt: done, firstVisitResolved: false }),
      kpiOrder({ id: 'f4', completedAt: done, firstVisitResolved: true }),
      kpiOrder({ id: 'f5', completedAt: done, firstVisitResolved: null }), // not recorded: out
    ];
    // 3 / 4 = 0.75
    expect(firstTimeFixRate.compute(orders, CTX)).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
  });

  it('KPI-01 repeat fault rate: 1 repeat among 5 faults accepted → 20 %', () => {
    const orders = [
      ...['f1', 'f2', 'f3', 'f4'].map((id) => kpiOrder({ id })),
      kpiOrder({ id: 'f5', repeatOfOrderId: 'f0' }),
      kpiOrder({ id: 'f6', repeatOfOrderId: 'f0', status: 'cancelled' }), // cancelled: out
      kpiOrder({ id: 'c1', type: 'complaint' }), // not a fault
    ];
    // 1 / 5 = 0.2
    expect(repeatFaultRate.compute(orders, CTX)).toMatchObject({ value: 0.2, numerator: 1, denominator: 5 });
  });

  it('KPI-01 万投比: 3 complaints over 12,000 users → 2.5 per 10,000', () => {
    const orders = [
      ...['c1', 'c2', 'c3'].map((id) => kpiOrder({ id, type: 'complaint' })),
      kpiOrder({ id: 'c4', type: 'complaint', acceptedAt: at('02-01 08:00') }), // February: out
    ];
    // 3 / 12000 × 10000 = 2.5
    expect(complaintsPerUsers.compute(orders, { ...CTX, subscribers: 12_000 })).toEqual({
      value: 2.5,
      numerator: 3,
      denominator: 12_000,
      orderIds: ['c1', 'c2', 'c3'],
    });
    expect(complaintsPerUsers.compute(orders, CTX).value).toBeNull(); // no subscriber base, no ratio
  });

  it('KPI-01 callback completion rate: 3 of 4 required callbacks made → 75 %', () => {
    const done = at('01-10 12:00');
    const orders = [
      kpiOrder({ id: 'o1', completedAt: done, callback: { required: true, done: true } }),
      kpiOrder({ id: 'o2', completedAt: done, callback: { required: true, done: true } }),
      kpiOrder({ id: 'o3', completedAt: done, callback: { required: true, done: false } }),
      kpiOrder({ id: 'o4', completedAt: done, callback: { required: true, done: true } }),
      kpiOrder({ id: 'o5', completedAt: done, callback: { required: false, done: false } }), // not required: out
    ];
    // 3 / 4 = 0.75
    expect(callbackCompletionRate.compute(orders, CTX)).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
  });

  it('KPI-01 satisfaction rate: 3 of 5 answers (very) satisfied → 60 %', () => {
    const done = at('01-10 12:00');
    const answered = (id: string, satisfaction: 'very_satisfied' | 'satisfied' | 'neutral' | 'dissatisfied') =>
      kpiOrder({ id, completedAt: done, callback: { required: true, done: true, satisfaction } });
    const orders = [
      answered('o1', 'very_satisfied'),
      answered('o2', 'satisfied'),
      answered('o3', 'satisfied'),
      answered('o4', 'neutral'),
      answered('o5', 'dissatisfied'),
      kpiOrder({ id: 'o6', completedAt: done, callback: { required: true, done: true, satisfaction: null } }), // no answer: out
    ];
    // 3 / 5 = 0.6
    expect(satisfactionRate.compute(orders, CTX)).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
  });

  it('KPI-01 PART-05 parts hit rate: right parts on 2 of 3 jobs that took parts → 66.7 %', () => {
    const done = at('01-10 12:00');
    const orders = [
      kpiOrder({ id: 'p1', completedAt: done, partsHit: true }),
      kpiOrder({ id: 'p2', completedAt: done, partsHit: true }),
      kpiOrder({ id: 'p3', completedAt: done, partsHit: false }),
      kpiOrder({ id: 'p4', completedAt: done, partsHit: null }), // took no parts: out
    ];
    // 2 / 3
    const v = partsHitRate.compute(orders, CTX);
    expect(v).toMatchObject({ numerator: 2, denominator: 3 });
    expect(v.value).toBeCloseTo(2 / 3, 10);
  });

  it('KPI-01 reschedules by us: 2 + 0 + 1 over 3 on-site orders → 3', () => {
    const appt = window('01-12');
    const orders = [
      kpiOrder({ id: 'r1', appointment: appt, reschedulesByUs: 2 }),
      kpiOrder({ id: 'r2', appointment: appt }),
      kpiOrder({ id: 'r3', appointment: appt, reschedulesByUs: 1 }),
      kpiOrder({ id: 'r4', type: 'consultation' }), // phone only: out
    ];
    // 2 + 0 + 1 = 3; drill-down shows the orders that were moved
    expect(reschedulesByUs.compute(orders, CTX)).toEqual({
      value: 3,
      numerator: 3,
      denominator: 3,
      orderIds: ['r1', 'r3'],
    });
  });

  it('KPI-01 no-access rate: 1 of 4 on-site orders found nobody home → 25 %', () => {
    const appt = window('01-12');
    const orders = [
      kpiOrder({ id: 'n1', appointment: appt, noAccessAttempts: 2 }),
      kpiOrder({ id: 'n2', appointment: appt }),
      kpiOrder({ id: 'n3', appointment: appt }),
      kpiOrder({ id: 'n4', arrivedAt: at('01-12 10:00') }),
      kpiOrder({ id: 'n5', type: 'consultation' }), // phone only: out
    ];
    // 1 / 4 = 0.25
    expect(noAccessRate.compute(orders, CTX)).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
  });
});

/**
 * Issue 7 audit ("every KPI has a test with a hand-computed expected value on a small fixture"): the
 * test of each KPI-01 indicator above, by key. An indicator added to KPI_DEFINITIONS without a
 * hand-computed test here fails this check.
 */
const HAND_COMPUTED: Record<(typeof KPI_DEFINITIONS)[number]['key'], string> = {
  install_within_days_rate: 'install-within-3-days rate: 2 of 4 decidable installs on time → 50 %',
  on_time_arrival_rate: 'on-time arrival rate: 1 of 3 decided appointments kept → 33.3 %',
  sla_compliance_rate: 'SLA compliance: 2 of 3 decided clocks due in January met → 66.7 %',
  average_fault_duration_hours: 'average fault duration: (6 + 10 + 5) h over 3 faults → 7 h',
  fault_resolved_within_hours_rate: '24 h fault resolution rate: 3 of 5 decidable faults within 24 h → 60 %',
  first_time_fix_rate: 'first-time-fix rate: 3 of 4 faults fixed on the first visit → 75 %',
  repeat_fault_rate: 'repeat fault rate: 1 repeat among 5 faults accepted → 20 %',
  complaints_per_users: '万投比: 3 complaints over 12,000 users → 2.5 per 10,000',
  callback_completion_rate: 'callback completion rate: 3 of 4 required callbacks made → 75 %',
  satisfaction_rate: 'satisfaction rate: 3 of 5 answers (very) satisfied → 60 %',
  parts_hit_rate: 'parts hit rate: right parts on 2 of 3 jobs that took parts → 66.7 %',
  reschedules_by_us: 'reschedules by us: 2 + 0 + 1 over 3 on-site orders → 3',
  no_access_rate: 'no-access rate: 1 of 4 on-site orders found nobody home → 25 %',
};

// Which indicators' hand-computed tests ran (and passed: a failing test fails the run anyway).
const covered = new Set<string>();
afterEach(() => {
  const name = expect.getState().currentTestName ?? '';
  for (const [key, title] of Object.entries(HAND_COMPUTED)) if (name.includes(title)) covered.add(key);
});

describe('KPI-01 audit of the hand-computed tests', () => {
  it('KPI-01 every indicator of KPI_DEFINITIONS has its hand-computed test in this file', () => {
    expect(Object.keys(HAND_COMPUTED).sort()).toEqual(KPI_DEFINITIONS.map((d) => d.key).sort());
    // Runs last in this file: every title above has run by now.
    expect([...covered].sort()).toEqual(Object.keys(HAND_COMPUTED).sort());
  });
});
