import { describe, expect, it } from 'vitest';
import { checkInsertion } from './check-insertion.js';
import { cityInstance } from './generator.js';
import { planDay } from './plan-day.js';
import { replan } from './replan.js';
import { at, engineer, engineerOf, hardRuleViolations, order, request } from './test-helpers.js';

const opts = { timeLimitMs: 1500, maxIterations: 20, seed: 2 };
const base = planDay(cityInstance({ orders: 120, engineers: 16, seed: 21 }), opts);

describe('DSP-03 re-planning during the day', () => {
  it('DSP-03 a new urgent order is planned and few assignments change', () => {
    const urgent = order('URG', {
      location: base.request.orders[0]!.location,
      areaId: base.request.orders[0]!.areaId!,
      priority: 'urgent',
      deadline: 720,
    });
    const r = replan(base, { kind: 'new_order', order: urgent, now: 660 }, opts);
    expect(engineerOf(r.plan, 'URG')).toHaveLength(1);
    expect(r.changedAssignments).toBeLessThanOrEqual(6);
    expect(hardRuleViolations(r.plan)).toEqual([]);
  });

  it('DSP-03 an engineer off ill: only his orders move, started visits stay frozen', () => {
    const busiest = [...base.routes].sort((a, b) => b.stops.length - a.stops.length)[0]!;
    const r = replan(base, { kind: 'engineer_off', engineerId: busiest.engineerId, now: 600 }, opts);
    expect(r.plan.routes.some((x) => x.engineerId === busiest.engineerId)).toBe(false);
    const his = new Set(busiest.stops.map((s) => s.orderId));
    const others = r.changedOrderIds.filter((id) => !his.has(id));
    expect(others.length).toBeLessThanOrEqual(busiest.stops.length);
    for (const route of base.routes) {
      if (route.engineerId === busiest.engineerId) continue;
      for (const s of route.stops.filter((x) => x.start < 600 && !x.crewWith)) {
        expect(engineerOf(r.plan, s.orderId)).toEqual([route.engineerId]);
      }
    }
  });

  it('DSP-03 an order running long pushes or moves only what no longer fits', () => {
    const route = base.routes.find((x) => x.stops.length >= 4 && !x.stops[1]!.crewWith)!;
    const running = route.stops[1]!;
    const r = replan(
      base,
      { kind: 'overrun', orderId: running.orderId, extraMinutes: 90, now: running.start + 1 },
      opts,
    );
    const after = r.plan.routes.find((x) => x.engineerId === route.engineerId)!;
    const stop = after.stops.find((s) => s.orderId === running.orderId)!;
    expect(stop.start).toBe(running.start);
    expect(stop.end - stop.start).toBe(running.end - running.start + 90);
    expect(r.changedAssignments).toBeLessThanOrEqual(route.stops.length);
    expect(hardRuleViolations(r.plan)).toEqual([]);
  });
});

describe('DSP-04 insertion check', () => {
  const req = request(
    [engineer('e')],
    [
      order('first', { location: at(1), window: { start: 540, end: 545 }, serviceMinutes: 60 }),
      order('far', { location: at(25), window: { start: 600, end: 610 } }),
      order('close', { location: at(2), window: { start: 610, end: 640 } }),
    ],
  );
  const plan = planDay({ ...req, orders: req.orders.slice(0, 1) }, { timeLimitMs: 500, maxIterations: 5 });
  const withAll = { ...plan, request: req };

  it('DSP-04 refuses a slot the engineer cannot reach in time after the previous job', () => {
    // first ends at 10:00 at 1 km; 24 km at 30 km/h is 48 min → 10:48, window closes 10:10.
    const v = checkInsertion(withAll, 'e', 'far', 1);
    expect(v).toMatchObject({ feasible: false, reason: 'window_unreachable', position: 1 });
    expect(v.arrival).toBeCloseTo(648, 2);
  });

  it('DSP-04 accepts a reachable slot with its arrival time', () => {
    const v = checkInsertion(withAll, 'e', 'close', 1);
    expect(v).toMatchObject({ feasible: true, reason: 'ok', lateMinutes: 0 });
    expect(v.arrival).toBeCloseTo(602, 2);
  });

  it('DSP-04 refuses an engineer without the skill', () => {
    const r2 = { ...withAll, request: { ...req, orders: [...req.orders, order('gas', { requiredSkills: ['gas'] })] } };
    expect(checkInsertion(r2, 'e', 'gas').reason).toBe('not_qualified');
  });
});
