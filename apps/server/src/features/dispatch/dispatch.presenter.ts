import type { StoredPlannedVisit, StoredWorkOrder } from '@daowei/db';
import type { Plan } from '@daowei/dispatch';
import type { DispatchPolicy } from '@daowei/domain';
import type { PlanInput } from './plan-request.adapter.js';

/**
 * The plan as the board shows it: minutes since local midnight (the board draws timelines in them),
 * order numbers and engineer names next to ids, and the stored geometry for the offline map. Each
 * order carries its SLA due time and whether it is at risk (due within the policy's margin, or past);
 * the orders carried over from the previous days (DSP-02) are listed first, oldest first.
 */
export function planView(input: PlanInput, plan: Plan, now: Date, policy: Pick<DispatchPolicy, 'atRiskMinutes'>) {
  const numberOf = (id: string) => input.orders.get(id)?.number ?? id;
  const minutes = (at: Date) => Math.round((at.getTime() - input.midnight.getTime()) / 60_000);
  const dueOf = (id: string) => {
    const due = input.dueAt.get(id);
    return due ? minutes(due) : null;
  };
  // DSP-01: at risk when any open promise (visit, hand-off, first contact…) is due within the margin.
  const atRisk = (id: string) => {
    const due = input.risk.get(id)?.dueAt;
    return due !== undefined && due.getTime() - now.getTime() <= policy.atRiskMinutes * 60_000;
  };
  const riskOf = (id: string) => {
    const r = input.risk.get(id);
    return r && atRisk(id) ? { kind: r.kind, ruleId: r.ruleId, dueAt: r.dueAt.toISOString() } : null;
  };
  const partsOf = (id: string) => {
    const p = input.parts.get(id);
    return p ? { status: p.status, lines: p.lines } : { status: 'none' as const, lines: [] };
  };
  const carried = new Set(input.carriedOver);
  const placeOf = new Map(plan.routes.flatMap((r) => r.stops.map((s) => [s.orderId, r.engineerId] as const)));
  const nameOfId = new Map(input.engineers.map((e) => [e.id, e.name]));
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
        dueAt: dueOf(s.orderId),
        atRisk: atRisk(s.orderId),
        risk: riskOf(s.orderId),
        parts: partsOf(s.orderId),
        carriedOver: carried.has(s.orderId),
      })),
    })),
    unassigned: [
      ...plan.unassigned.map((u) => ({
        orderId: u.orderId,
        orderNumber: numberOf(u.orderId),
        priority: u.priority,
        reason: u.reason as string,
        text: u.text,
        dueAt: dueOf(u.orderId),
        atRisk: atRisk(u.orderId),
        risk: riskOf(u.orderId),
        parts: partsOf(u.orderId),
        carriedOver: carried.has(u.orderId),
      })),
      ...input.skipped.map((s) => ({
        orderId: s.orderId,
        orderNumber: numberOf(s.orderId),
        priority: input.orders.get(s.orderId)?.priority ?? 'normal',
        reason: s.reason as string,
        text: s.text,
        dueAt: dueOf(s.orderId),
        atRisk: atRisk(s.orderId),
        risk: riskOf(s.orderId),
        parts: partsOf(s.orderId),
        carriedOver: carried.has(s.orderId),
      })),
    ],
    /** DSP-02: last days' outstanding work, oldest first, with where the plan puts it. */
    carriedOver: input.carriedOver.map((id) => {
      const o = input.orders.get(id)!;
      const engineerId = placeOf.get(id) ?? null;
      return {
        orderId: id,
        orderNumber: o.number,
        priority: o.priority,
        status: o.status,
        appointmentStart: o.appointment?.start.toISOString() ?? null,
        engineerId,
        engineerName: engineerId ? (nameOfId.get(engineerId) ?? '') : null,
        atRisk: atRisk(id),
      };
    }),
    /** APT-04/SLA-07: visits checked in late, and visits whose window has begun with nobody there yet. */
    lateArrivals: lateArrivalsOf(input, plan, now, nameOf),
    /** DSP-03: engineers off (ill) on this day. */
    absent: input.absent.map((a) => ({ engineerId: a.id, engineerName: a.name, from: minutes(a.from) })),
    stats: plan.stats,
    map: {
      areas: input.areas.map((a) => ({ id: a.id, name: a.name, polygon: a.polygon })),
      engineers: input.engineers.map((e) => ({
        ...e,
        position: e.position ? { lat: e.position.lat, lng: e.position.lng, at: e.position.at.toISOString() } : null,
      })),
      orders: input.request.orders.map((o) => ({
        id: o.id,
        number: numberOf(o.id),
        ...o.location,
        approx: input.approxLocation.has(o.id),
      })),
    },
  };
}

const NOT_YET_ARRIVED = new Set(['assigned', 'taken', 'appointment_confirmed', 'en_route']);

/**
 * APT-04 on the board: the late check-ins made that day (minutes late, apology or escalation) and the
 * visits of the day whose window has begun with no check-in yet — the ones a coordinator should chase
 * now. The latest first.
 */
function lateArrivalsOf(input: PlanInput, plan: Plan, now: Date, nameOf: Map<string, string>) {
  const engineerOf = new Map(plan.routes.flatMap((r) => r.stops.map((s) => [s.orderId, r.engineerId] as const)));
  const out: {
    orderId: string;
    orderNumber: string;
    engineerName: string;
    state: 'arrived_late' | 'not_arrived';
    lateMinutes: number;
    handling: string | null;
  }[] = [];
  for (const o of input.orders.values()) {
    const engineerId = engineerOf.get(o.id) ?? o.holderId ?? o.offeredToPersonId;
    const engineerName = engineerId ? (nameOf.get(engineerId) ?? '') : '';
    const arrival = input.arrivals.get(o.id);
    const dayEnd = input.midnight.getTime() + 24 * 3_600_000;
    const onThisDay = arrival && arrival.at >= input.midnight && arrival.at.getTime() < dayEnd;
    if (arrival && onThisDay && arrival.lateMinutes > 0) {
      out.push({
        orderId: o.id,
        orderNumber: o.number,
        engineerName,
        state: 'arrived_late',
        lateMinutes: arrival.lateMinutes,
        handling: arrival.handling,
      });
    } else if (!arrival && o.appointment && NOT_YET_ARRIVED.has(o.status) && o.appointment.start < now) {
      const late = Math.floor((now.getTime() - o.appointment.start.getTime()) / 60_000);
      if (late > 0 && o.appointment.start >= input.midnight) {
        out.push({
          orderId: o.id,
          orderNumber: o.number,
          engineerName,
          state: 'not_arrived',
          lateMinutes: late,
          handling: null,
        });
      }
    }
  }
  return out.sort((a, b) => b.lateMinutes - a.lateMinutes);
}

/** ENG-01: one visit of the engineer's day, in sequence. */
export function engineerDayView(r: { visit: StoredPlannedVisit; order: StoredWorkOrder }, seq: number) {
  return {
    seq,
    orderId: r.order.id,
    number: r.order.number,
    type: r.order.type,
    status: r.order.status,
    priority: r.order.priority,
    address: r.order.address,
    contactName: r.order.contactName,
    plannedStart: r.visit.plannedStart?.toISOString() ?? null,
    plannedEnd: r.visit.plannedEnd?.toISOString() ?? null,
    appointmentStart: r.order.appointment?.start.toISOString() ?? null,
    appointmentEnd: r.order.appointment?.end.toISOString() ?? null,
  };
}
