import { isQualified } from '@daowei/domain';
import type { GeoPoint } from '@daowei/domain';
import type { Plan, PlanEngineer, PlanOrder, PlanRequest } from './model.js';
import { speedModel } from './travel.js';

/** Test fixtures: a flat 30 km/h city (1 km = 2 minutes) so expected times can be worked out by hand. */
export const flat = speedModel({ bands: [{ fromMinute: 0, kmh: 30 }], detourFactor: 1, fixedMinutes: 0 });
const ORIGIN = { lat: 31.2, lng: 121.4 };
/** A point `north` km north and `east` km east of the origin. */
export const at = (north: number, east = 0): GeoPoint => ({
  lat: ORIGIN.lat + north / 111.195,
  lng: ORIGIN.lng + east / (111.195 * Math.cos((ORIGIN.lat * Math.PI) / 180)),
});

export function engineer(id: string, over: Partial<PlanEngineer> = {}): PlanEngineer {
  return {
    id,
    start: at(0),
    shift: { start: 480, end: 1020, breaks: [{ earliest: 690, latest: 810, minutes: 45 }] },
    certificates: [],
    areaIds: ['A'],
    ...over,
  };
}

export function order(id: string, over: Partial<PlanOrder> = {}): PlanOrder {
  return { id, location: at(1), areaId: 'A', serviceMinutes: 30, priority: 'normal', requiredSkills: [], ...over };
}

export function request(engineers: PlanEngineer[], orders: PlanOrder[], over: Partial<PlanRequest> = {}): PlanRequest {
  return { date: '2026-06-15', timeZone: 'Asia/Shanghai', engineers, orders, travel: flat, ...over };
}

export const engineerOf = (plan: Plan, orderId: string): string[] =>
  plan.routes.filter((r) => r.stops.some((s) => s.orderId === orderId)).map((r) => r.engineerId);

/**
 * Independent re-check of a plan's hard rules: ORG-03 (valid certificate), ORG-04 (served area),
 * ORG-06 (inside the shift, break taken in its window), hard appointment windows, crews together.
 */
export function hardRuleViolations(plan: Plan): string[] {
  const req = plan.request;
  const on = new Date(`${req.date}T12:00:00Z`);
  const out: string[] = [];
  const crewStart = new Map<string, number[]>();
  for (const r of plan.routes) {
    const eng = req.engineers.find((e) => e.id === r.engineerId)!;
    if (r.stops.length > (eng.maxOrders ?? Infinity)) out.push(`${eng.id} over max orders`);
    let breaks = 0;
    for (const s of r.stops) {
      const o = req.orders.find((x) => x.id === s.orderId)!;
      if (!isQualified(eng.certificates, o.requiredSkills, on, req.timeZone))
        out.push(`${o.id}: ${eng.id} unqualified`);
      if (o.areaId !== undefined && !eng.areaIds.includes(o.areaId)) out.push(`${o.id}: ${eng.id} outside areas`);
      if (s.start < eng.shift.start || s.end > eng.shift.end) out.push(`${o.id}: outside ${eng.id}'s shift`);
      if (o.window && !o.pinned && s.start < o.window.start - 1e-9) out.push(`${o.id}: before window`);
      if (o.window && s.start > o.window.end + (o.softLateMinutes ?? 0) + 1e-6) out.push(`${o.id}: after window`);
      if (s.breakBefore) {
        breaks++;
        const b = eng.shift.breaks![0]!;
        if (s.breakBefore.start < b.earliest || s.breakBefore.start > b.latest) out.push(`${eng.id}: break off window`);
      }
      if ((o.crewSize ?? 1) > 1) crewStart.set(o.id, [...(crewStart.get(o.id) ?? []), s.start]);
    }
    if (r.returnAt > eng.shift.end + 1e-6) out.push(`${eng.id}: home after shift end`);
    void breaks;
  }
  for (const [id, starts] of crewStart) {
    const o = req.orders.find((x) => x.id === id)!;
    if (starts.length !== o.crewSize || new Set(starts).size !== 1) out.push(`${id}: crew not synchronised`);
  }
  return out;
}
