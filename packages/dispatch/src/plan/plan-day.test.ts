import { describe, expect, it } from 'vitest';
import { cityInstance } from './generator.js';
import { planDay } from './plan-day.js';
import { at, engineer, engineerOf, hardRuleViolations, order, request } from './test-helpers.js';

const quick = { timeLimitMs: 2000, maxIterations: 30, seed: 1 };
const gas = (validUntil: string) => [{ skillCode: 'gas', certificateNo: 'G1', validUntil }];

describe('DSP-03 day planning', () => {
  it('DSP-03/ORG-03 an order needing a skill goes only to an engineer with a valid certificate', () => {
    const plan = planDay(
      request(
        [
          engineer('near-none', { start: at(1) }),
          engineer('near-expired', { start: at(1.2), certificates: gas('2026-06-14') }),
          engineer('far-valid', { start: at(12), certificates: gas('2026-06-15') }),
        ],
        [order('G', { requiredSkills: ['gas'] })],
      ),
      quick,
    );
    expect(engineerOf(plan, 'G')).toEqual(['far-valid']);
    expect(plan.routes.find((r) => r.engineerId === 'far-valid')!.stops[0]!.explanation.text).toMatch(/gas/);
  });

  it('DSP-03/ORG-03 no valid certificate anywhere → unassigned with the reason', () => {
    const plan = planDay(
      request([engineer('e', { certificates: gas('2026-01-01') })], [order('G', { requiredSkills: ['gas'] })]),
      quick,
    );
    expect(plan.unassigned).toMatchObject([{ orderId: 'G', reason: 'no_qualified_engineer' }]);
  });

  it('DSP-03/ORG-04 never outside served areas', () => {
    const engs = [
      engineer('a-near', { start: at(1), areaIds: ['A'] }),
      engineer('b-far', { start: at(20), areaIds: ['B'] }),
    ];
    const plan = planDay(request(engs, [order('inB', { areaId: 'B' }), order('inC', { areaId: 'C' })]), quick);
    expect(engineerOf(plan, 'inB')).toEqual(['b-far']);
    expect(plan.unassigned).toMatchObject([{ orderId: 'inC', reason: 'area_not_covered' }]);
  });

  it('DSP-03/ORG-06 never outside shifts (evening window goes to the evening shift)', () => {
    const engs = [
      engineer('day', { shift: { start: 480, end: 1020 } }),
      engineer('late', { start: at(8), shift: { start: 720, end: 1260 } }),
    ];
    const orders = [
      order('eve', { window: { start: 1140, end: 1200 } }),
      order('night', { window: { start: 1320, end: 1380 } }),
    ];
    const plan = planDay(request(engs, orders), quick);
    expect(engineerOf(plan, 'eve')).toEqual(['late']);
    expect(plan.unassigned).toMatchObject([{ orderId: 'night', reason: 'window_unreachable' }]);
    expect(hardRuleViolations(plan)).toEqual([]);
  });

  it('DSP-03 appointment windows are respected when feasible, breaks inside their window', () => {
    const orders = [
      order('w1', { location: at(3), window: { start: 600, end: 720 } }),
      order('w2', { location: at(1), window: { start: 480, end: 600 } }),
      order('w3', { location: at(5), window: { start: 840, end: 960 } }),
      order('w4', { location: at(2, 2), window: { start: 720, end: 840 } }),
    ];
    const plan = planDay(request([engineer('e')], orders), quick);
    expect(plan.stats.assigned).toBe(4);
    expect(plan.stats.lateMinutes).toBe(0);
    expect(plan.routes[0]!.stops.map((s) => s.orderId)).toEqual(['w2', 'w1', 'w4', 'w3']);
    expect(plan.routes[0]!.stops.some((s) => s.breakBefore)).toBe(true);
    expect(hardRuleViolations(plan)).toEqual([]);
  });

  it('DSP-03 urgent before normal when capacity is short', () => {
    const orders = [
      order('n1', { location: at(1) }),
      order('n2', { location: at(1.5) }),
      order('u', { location: at(6), priority: 'urgent', deadline: 600 }),
    ];
    const plan = planDay(request([engineer('e', { maxOrders: 2 })], orders), quick);
    expect(engineerOf(plan, 'u')).toEqual(['e']);
    expect(plan.unassigned).toHaveLength(1);
    expect(plan.unassigned[0]).toMatchObject({ priority: 'normal', reason: 'capacity' });
  });

  it('DSP-03/WO-17 a crew order gets two engineers at the same start time', () => {
    const engs = [engineer('x', { start: at(0) }), engineer('y', { start: at(9) }), engineer('z', { start: at(30) })];
    const orders = [
      order('crew', { location: at(4), crewSize: 2, window: { start: 540, end: 660 } }),
      order('o1', { location: at(1), window: { start: 480, end: 560 } }),
      order('o2', { location: at(8), window: { start: 480, end: 560 } }),
    ];
    const plan = planDay(request(engs, orders), quick);
    const crew = plan.routes.flatMap((r) => r.stops.filter((s) => s.orderId === 'crew').map((s) => ({ r, s })));
    expect(crew).toHaveLength(2);
    expect(new Set(crew.map((c) => c.r.engineerId)).size).toBe(2);
    expect(crew[0]!.s.start).toBe(crew[1]!.s.start);
    expect(crew[0]!.s.crewWith).toEqual([crew[1]!.r.engineerId]);
    expect(hardRuleViolations(plan)).toEqual([]);
  });

  it('DSP-03 pinned visits stay with their engineer, in their sequence', () => {
    const engs = [engineer('near', { start: at(1) }), engineer('far', { start: at(15) })];
    const orders = [
      order('p2', { location: at(1.2), pinned: { engineerId: 'far', sequence: 2 } }),
      order('p1', { location: at(1.1), pinned: { engineerId: 'far', sequence: 1 } }),
      order('free', { location: at(1.1) }),
    ];
    const plan = planDay(request(engs, orders), quick);
    const far = plan.routes.find((r) => r.engineerId === 'far')!;
    expect(far.stops.filter((s) => s.pinned).map((s) => s.orderId)).toEqual(['p1', 'p2']);
    expect(far.stops[0]!.explanation.pinned).toBe(true);
    expect(engineerOf(plan, 'free')).toEqual(['near']);
  });

  it('DSP-03 workload balance (准时、公平、合理) evens out a lopsided plan', () => {
    // Everything is next to a's home; b lives 6 km away. Travel alone gives a the whole day.
    const engs = [engineer('a'), engineer('b', { start: at(6) })];
    const orders = Array.from({ length: 8 }, (_, i) => order(`o${i}`, { location: at(0.5 + (i % 3) * 0.3, i * 0.2) }));
    const lopsided = planDay(request(engs, orders, { weights: { balance: 0 } }), quick);
    const balanced = planDay(request(engs, orders), quick);
    expect(balanced.stats.assigned).toBe(8);
    expect(lopsided.routes.filter((r) => r.stops.length > 0)).toHaveLength(1);
    expect(balanced.stats.loadStdDevMinutes).toBeLessThan(lopsided.stats.loadStdDevMinutes);
    expect(balanced.stats.loadStdDevMinutes).toBeLessThan(60);
  });

  it('DSP-03 a synthetic city day keeps every hard rule and explains every leftover', () => {
    const req = cityInstance({ orders: 150, engineers: 20, seed: 7 });
    const plan = planDay(req, { timeLimitMs: 1500, maxIterations: 40, seed: 3 });
    expect(hardRuleViolations(plan)).toEqual([]);
    expect(plan.stats.assigned + plan.unassigned.length).toBe(150);
    expect(plan.stats.assigned).toBeGreaterThan(100);
    for (const u of plan.unassigned) expect(u.text.length).toBeGreaterThan(0);
  });

  it('DSP-03 deterministic for a seed', () => {
    const req = cityInstance({ orders: 80, engineers: 8, seed: 11 });
    const a = planDay(req, { timeLimitMs: 10_000, maxIterations: 25, seed: 5 });
    const b = planDay(req, { timeLimitMs: 10_000, maxIterations: 25, seed: 5 });
    const strip = (p: typeof a) => p.routes.map((r) => r.stops.map((s) => [s.orderId, s.start]));
    expect(strip(b)).toEqual(strip(a));
    expect(b.stats.cost).toBe(a.stats.cost);
  });
});
