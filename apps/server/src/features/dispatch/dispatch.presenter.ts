import type { AssignmentExplanation, Plan, PlannedRoute } from '@daowei/dispatch';
import type { PlanInput } from './plan-request.adapter.js';

/**
 * The plan as the board shows it: minutes since local midnight (the board draws timelines in them),
 * order numbers and engineer names next to ids, and the stored geometry for the offline map.
 */
export function planView(input: PlanInput, plan: Plan) {
  const numberOf = (id: string) => input.orders.get(id)?.number ?? id;
  const nameOf = new Map(input.engineers.map((e) => [e.id, e.name]));
  const shiftOf = new Map(input.request.engineers.map((e) => [e.id, e.shift]));
  return {
    date: input.request.date,
    timeZone: input.request.timeZone ?? null,
    routes: plan.routes.map((r) => ({
      engineerId: r.engineerId,
      engineerName: nameOf.get(r.engineerId) ?? '',
      shift: { start: shiftOf.get(r.engineerId)?.start ?? 0, end: shiftOf.get(r.engineerId)?.end ?? 0 },
      departure: r.departure,
      returnAt: r.returnAt,
      travelMinutes: r.travelMinutes,
      serviceMinutes: r.serviceMinutes,
      lateMinutes: r.lateMinutes,
      distanceKm: r.distanceKm,
      stops: r.stops.map((s) => ({
        orderId: s.orderId,
        orderNumber: numberOf(s.orderId),
        arrival: s.arrival,
        start: s.start,
        end: s.end,
        travelMinutes: s.travelMinutes,
        waitingMinutes: s.waitingMinutes,
        lateMinutes: s.lateMinutes,
        breakBefore: s.breakBefore ?? null,
        pinned: s.pinned,
        explanation: s.explanation.text,
      })),
    })),
    unassigned: [
      ...plan.unassigned.map((u) => ({
        orderId: u.orderId,
        orderNumber: numberOf(u.orderId),
        priority: u.priority,
        reason: u.reason as string,
        text: u.text,
      })),
      ...input.skipped.map((s) => ({
        orderId: s.orderId,
        orderNumber: numberOf(s.orderId),
        priority: input.orders.get(s.orderId)?.priority ?? 'normal',
        reason: s.reason as string,
        text: 'The order has no coordinates; set its address location to plan it',
      })),
    ],
    stats: plan.stats,
    map: {
      areas: input.areas.map((a) => ({ id: a.id, name: a.name, polygon: a.polygon })),
      engineers: input.engineers,
      orders: input.request.orders.map((o) => ({ id: o.id, number: numberOf(o.id), ...o.location })),
    },
  };
}

const NO_EXPLANATION: AssignmentExplanation = {
  qualified: [],
  areaId: null,
  distanceRank: 0,
  eligibleEngineers: 0,
  pinned: false,
  engineerLoadMinutes: 0,
  averageLoadMinutes: 0,
  text: '',
};

/**
 * The day as it stands (DSP-04 checks a drag against it): each engineer's orders — held or offered —
 * in appointment order. Only the sequence matters: checkInsertion re-simulates the times itself.
 */
export function currentPlanOf(input: PlanInput): Plan {
  const routes: PlannedRoute[] = input.request.engineers.map((e) => {
    const mine = input.request.orders
      .filter((o) => o.previousEngineerIds?.[0] === e.id)
      .sort((a, b) => (a.window?.start ?? 0) - (b.window?.start ?? 0));
    return {
      engineerId: e.id,
      stops: mine.map((o) => {
        const t = o.window?.start ?? 0;
        return {
          orderId: o.id,
          arrival: t,
          start: t,
          end: t + o.serviceMinutes,
          travelMinutes: 0,
          waitingMinutes: 0,
          lateMinutes: 0,
          pinned: Boolean(o.pinned),
          explanation: NO_EXPLANATION,
        };
      }),
      departure: e.shift.start,
      returnAt: e.shift.end,
      travelMinutes: 0,
      serviceMinutes: 0,
      waitingMinutes: 0,
      lateMinutes: 0,
      distanceKm: 0,
    };
  });
  const stats = {
    assigned: 0,
    unassigned: 0,
    travelMinutes: 0,
    lateMinutes: 0,
    lateStops: 0,
    distanceKm: 0,
    loadStdDevMinutes: 0,
    cost: 0,
    iterations: 0,
    elapsedMs: 0,
  };
  return { request: input.request, routes, unassigned: [], stats };
}
