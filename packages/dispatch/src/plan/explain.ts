import type { Ctx } from './compile.js';
import type {
  AssignmentExplanation,
  Plan,
  PlannedRoute,
  PlannedStop,
  UnassignedOrder,
  UnassignedReason,
} from './model.js';
import { sim, simulate } from './schedule.js';
import type { StopTimes } from './schedule.js';
import type { State } from './state.js';

/**
 * Turns a search state into the published plan: exact per-stop times from the same simulation the
 * search priced, an explanation for every assignment and a reason for every order left over. The
 * reasons are checked in the order a coordinator would fix them: nobody qualified (train/certify),
 * nobody serving the area (coverage), nobody able to make the window even with an empty day (talk to
 * the customer), else the day is simply full (capacity).
 */
export function toPlan(s: State, iterations: number, elapsedMs: number): Plan {
  const c = s.c;
  const routes: PlannedRoute[] = [];
  const loads: number[] = [];
  for (let e = 0; e < c.E; e++) loads.push(s.routeWork[e]!);
  const avg = loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : 0;
  let travel = 0;
  let late = 0;
  let lateStops = 0;
  let km = 0;
  let assigned = 0;
  for (let e = 0; e < c.E; e++) {
    const r = s.routes[e]!;
    const eng = c.req.engineers[e]!;
    const times: StopTimes[] = [];
    simulate(c, e, r, r.length, times);
    const stops: PlannedStop[] = [];
    let prevLoc = c.O + 2 * e;
    let routeKm = 0;
    for (let k = 0; k < r.length; k++) {
      const v = r[k]!;
      const o = c.visitOrder[v]!;
      const t = times[k]!;
      routeKm += c.travel.km(prevLoc, o);
      prevLoc = o;
      const crewWith =
        c.orderVisits[o]!.length > 1
          ? c.orderVisits[o]!.filter((x) => x !== v && s.eng[x]! >= 0).map((x) => c.req.engineers[s.eng[x]!]!.id)
          : undefined;
      stops.push({
        orderId: c.req.orders[o]!.id,
        arrival: t.arrival,
        start: t.start,
        end: t.end,
        travelMinutes: t.travel,
        waitingMinutes: Math.max(0, t.wait),
        lateMinutes: t.late,
        ...(Number.isNaN(t.breakStart) ? {} : { breakBefore: { start: t.breakStart, end: t.breakEnd } }),
        pinned: c.pinnedEng[v]! >= 0,
        ...(crewWith ? { crewWith } : {}),
        explanation: explain(c, o, e, c.pinnedEng[v]! >= 0, s.routeWork[e]!, avg),
      });
      if (t.late > 0) lateStops++;
      late += t.late;
    }
    routeKm += r.length ? c.travel.km(prevLoc, c.O + 2 * e + 1) : 0;
    const routeTravel = stops.reduce((a, x) => a + x.travelMinutes, 0) + (r.length ? homeLeg(s, e, times) : 0);
    travel += routeTravel;
    km += routeKm;
    routes.push({
      engineerId: eng.id,
      stops,
      departure: c.shiftStart[e]!,
      returnAt: r.length ? times[times.length - 1]!.end + homeLeg(s, e, times) : c.shiftStart[e]!,
      travelMinutes: routeTravel,
      serviceMinutes: stops.reduce((a, x) => a + (x.end - x.start), 0),
      waitingMinutes: stops.reduce((a, x) => a + x.waitingMinutes, 0),
      lateMinutes: stops.reduce((a, x) => a + x.lateMinutes, 0),
      distanceKm: routeKm,
    });
  }
  const unassigned: UnassignedOrder[] = [];
  for (let o = 0; o < c.O; o++) {
    const vs = c.orderVisits[o]!;
    if (vs.every((v) => s.eng[v]! >= 0)) assigned++;
    else unassigned.push(reasonFor(s, o));
  }
  const variance = loads.length ? loads.reduce((a, b) => a + (b - avg) ** 2, 0) / loads.length : 0;
  return {
    request: c.req,
    routes,
    unassigned,
    stats: {
      assigned,
      unassigned: unassigned.length,
      travelMinutes: travel,
      lateMinutes: late,
      lateStops,
      distanceKm: km,
      loadStdDevMinutes: Math.sqrt(variance),
      cost: s.total(),
      iterations,
      elapsedMs,
    },
  };
}

/** Travel from the last stop home, as the simulation computed it (breaks taken at the end included). */
function homeLeg(s: State, e: number, times: StopTimes[]): number {
  const c = s.c;
  const r = s.routes[e]!;
  const last = times[times.length - 1]!;
  return c.travel.minutes(c.visitOrder[r[r.length - 1]!]!, c.O + 2 * e + 1, last.end);
}

function explain(c: Ctx, o: number, e: number, pinned: boolean, load: number, avg: number): AssignmentExplanation {
  const order = c.req.orders[o]!;
  const eng = c.req.engineers[e]!;
  const rank = c.cand[o]!.indexOf(e) + 1;
  const eligible = c.cand[o]!.length;
  const skills = order.requiredSkills;
  const parts: string[] = [];
  if (pinned) parts.push('pinned (confirmed or started visit)');
  parts.push(skills.length ? `holds a valid certificate for ${skills.join(', ')}` : 'no skill required');
  if (order.areaId !== undefined) parts.push(`serves area ${order.areaId}`);
  parts.push(
    rank === 1 ? `nearest of ${eligible} eligible engineers` : `#${rank} by distance of ${eligible} eligible engineers`,
  );
  const diff = Math.round(load - avg);
  parts.push(
    `day load ${Math.round(load)} min vs team average ${Math.round(avg)} min (${diff >= 0 ? '+' : ''}${diff})`,
  );
  return {
    qualified: skills,
    areaId: order.areaId ?? null,
    distanceRank: rank,
    eligibleEngineers: eligible,
    pinned,
    engineerLoadMinutes: load,
    averageLoadMinutes: avg,
    text: `${eng.id}: ${parts.join('; ')}`,
  };
}

function reasonFor(s: State, o: number): UnassignedOrder {
  const c = s.c;
  const order = c.req.orders[o]!;
  const need = c.orderVisits[o]!.length;
  let qualified = 0;
  for (let e = 0; e < c.E; e++) qualified += c.qualified[o * c.E + e]!;
  let reason: UnassignedReason;
  let text: string;
  if (qualified < need) {
    reason = 'no_qualified_engineer';
    text = `needs ${need} engineer(s) with a valid certificate for ${order.requiredSkills.join(', ') || '—'}; ${qualified} available`;
  } else if (c.cand[o]!.length < need) {
    reason = 'area_not_covered';
    text = `no${c.cand[o]!.length ? ' enough' : ''} qualified engineer serves area ${order.areaId ?? '—'}`;
  } else {
    const v = c.orderVisits[o]![0]!;
    const reachable = c.cand[o]!.filter((e) => {
      simulate(c, e, [v], 1);
      return sim.violations === 0;
    }).length;
    if (reachable < need) {
      reason = 'window_unreachable';
      text = 'no eligible engineer can start it inside its window (and be home by shift end), even with an empty day';
    } else {
      reason = 'capacity';
      text = `${reachable} eligible engineer(s) could reach it, but their days are full with equal or higher priority work`;
    }
  }
  return { orderId: order.id, priority: order.priority, reason, text };
}
