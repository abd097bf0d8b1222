import {
  lastReportedPosition,
  listAbsences,
  listAreas,
  listCertificates,
  listEngineerDispatchFacts,
  listPeople,
  listPlannedVisitsOf,
  listStationOutstanding,
  listPositionsOf,
  listShifts,
  listStationOrdersForDay,
  type Db,
  type StoredOrgUnit,
  type StoredPlannedVisit,
  type StoredWorkOrder,
} from '@daowei/db';
import type { PlanEngineer, PlanOrder, PlanRequest } from '@daowei/dispatch';
import {
  addDays,
  descendants,
  isWorker,
  zonedDateTime,
  type Area,
  type DispatchPolicy,
  type GeoPoint,
  type Priority,
  type WorkOrderStatus,
} from '@daowei/domain';
import { loadDayFacts, partsShortText, type DayFacts } from './day-facts.js';

/** Open work a day plan considers; visits already under way are pinned to their engineer. */
const PLANNED_STATUSES: readonly WorkOrderStatus[] = [
  'created',
  'triaged',
  'assigned',
  'returned',
  'taken',
  'appointment_confirmed',
  'en_route',
  'on_site',
];
export const PINNED_STATUSES: readonly WorkOrderStatus[] = ['appointment_confirmed', 'en_route', 'on_site'];
/** DSP-02: carried-over work is planned at least at this priority, so it is (re)assigned first. */
const CARRIED_OVER_PRIORITY: Priority = 'high';
const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
/** More orders than this for one station-day is a data problem; the planner is benchmarked at 1,000. */
const MAX_ORDERS = 1_000;

export interface PlanInput {
  request: PlanRequest;
  /** Stored facts the board draws: areas as polygons, where each engineer starts, each order's place. */
  areas: Area[];
  engineers: { id: string; name: string; start: GeoPoint; position: { lat: number; lng: number; at: Date } | null }[];
  orders: Map<string, StoredWorkOrder>;
  /** Orders of the day the planner was not given (no coordinates; parts short when required), with the reason. */
  skipped: { orderId: string; reason: 'no_location' | 'parts_short'; text: string }[];
  /** DSP-02: orders carried over from the previous days, oldest first. */
  carriedOver: string[];
  /** SLA deadlines binding the visit — the planner's due times (SLA-05 on site, SLA-04 repair…). */
  dueAt: Map<string, Date>;
  /** DSP-01: the nearest open promise of any kind (the at-risk flag), parts readiness, late arrivals. */
  risk: DayFacts['risk'];
  parts: DayFacts['parts'];
  arrivals: DayFacts['arrivals'];
  /** Orders placed at their area's centre for want of coordinates (the board marks them approximate). */
  approxLocation: ReadonlySet<string>;
  /** DSP-03: engineers rostered that day but recorded off (ill) from `from` on: left out of the day's plans. */
  absent: { id: string; name: string; from: Date }[];
  /** The stored sequence of each order of the day (DSP-01 current day, DSP-04 drag). */
  planned: Map<string, StoredPlannedVisit>;
  /** Instant ↔ minutes since local midnight of the day. */
  midnight: Date;
}

/** Mean of the polygon's points: good enough as a start point for a district-sized area. */
function centroidOf(areas: readonly Area[]): GeoPoint | null {
  const pts = areas.flatMap((a) => a.polygon);
  if (pts.length === 0) return null;
  return {
    lng: pts.reduce((s, p) => s + p[0], 0) / pts.length,
    lat: pts.reduce((s, p) => s + p[1], 0) / pts.length,
  };
}

/**
 * DSP-03 adapter: builds the planner's request for one station and one local day from stored data.
 * Instants become minutes since local midnight in the tenant's zone once, here. Engineers start from
 * their stored base and serve their stored areas; without those rows, the station's centre and all of
 * its areas. SLA deadlines become due times; open work of the last days (DSP-02) joins the day at a
 * raised priority. Skills and visit durations come from the dispatch policy by type and product.
 */
export async function buildPlanInput(
  db: Db,
  q: {
    tenantId: string;
    station: StoredOrgUnit;
    units: readonly StoredOrgUnit[];
    date: string;
    timeZone: string;
    /** An order to plan on this day whatever its status or appointment (APT-01 offers a window for it). */
    include?: StoredWorkOrder;
    /** DSP-03 "with parts confirmed": orders whose needed parts are short are left out with the reason. */
    requireParts?: boolean;
  },
  policy: DispatchPolicy,
): Promise<PlanInput> {
  const { tenantId, station, date, timeZone } = q;
  const midnight = zonedDateTime(date, '00:00', timeZone);
  const nextMidnight = zonedDateTime(addDays(date, 1), '00:00', timeZone);
  const minutes = (at: Date) => Math.round((at.getTime() - midnight.getTime()) / 60_000);
  const clampDay = (m: number) => Math.max(0, Math.min(m, 24 * 60));

  const areas = await listAreas(db, tenantId, { stationIds: [station.id] });
  const home = centroidOf(areas) ?? { lat: 0, lng: 0 };
  const unitIds = [station.id, ...descendants(station.id, q.units)];
  const people = await listPeople(db, tenantId, { unitIds, activeOnly: true });
  const positions = await listPositionsOf(
    db,
    tenantId,
    people.map((p) => p.id),
  );
  const workers = people.filter((p) => (positions.get(p.id) ?? []).some(isWorker));
  const ids = workers.map((p) => p.id);
  const shifts = ids.length ? await listShifts(db, tenantId, { from: midnight, to: nextMidnight, personIds: ids }) : [];
  const certs = ids.length ? await listCertificates(db, tenantId, ids) : [];
  const facts = await listEngineerDispatchFacts(db, tenantId, ids);
  const absences = await listAbsences(db, tenantId, { personIds: ids, from: midnight, to: nextMidnight });
  const absent: PlanInput['absent'] = [];
  const stationAreaIds = new Set(areas.map((a) => a.id));
  const lunch = {
    earliest: minutes(zonedDateTime(date, policy.lunchBreak.earliest, timeZone)),
    latest: minutes(zonedDateTime(date, policy.lunchBreak.latest, timeZone)),
    minutes: policy.lunchBreak.minutes,
  };

  const engineers: PlanEngineer[] = [];
  for (const p of workers) {
    const own = shifts.filter((s) => s.personId === p.id);
    if (own.length === 0) continue; // ORG-06: not rostered that day
    const start = clampDay(Math.min(...own.map((s) => minutes(s.start))));
    const end = clampDay(Math.max(...own.map((s) => minutes(s.end))));
    // DSP-03 an engineer off ill: out of the day's plans altogether. The re-plan that recorded the
    // absence already moved his visits; what he did before falling ill is history, not plan.
    const off = absences.find((a) => a.personId === p.id);
    if (off) {
      absent.push({ id: p.id, name: p.name, from: off.startsAt });
      continue;
    }
    const spansLunch = start <= lunch.earliest && end >= lunch.latest;
    const ownAreas = (facts.areas.get(p.id) ?? []).filter((a) => stationAreaIds.has(a));
    engineers.push({
      id: p.id,
      start: facts.bases.get(p.id) ?? home,
      shift: { start, end, ...(spansLunch ? { breaks: [lunch] } : {}) },
      certificates: certs
        .filter((c) => c.personId === p.id)
        .map((c) => ({ skillCode: c.skillCode, certificateNo: c.certificateNo, validUntil: c.validUntil })),
      areaIds: ownAreas.length ? ownAreas : areas.map((a) => a.id),
    });
  }
  const onShift = new Set(engineers.map((e) => e.id));

  const stored = await listStationOrdersForDay(db, tenantId, {
    stationId: station.id,
    statuses: PLANNED_STATUSES,
    from: midnight,
    to: nextMidnight,
    limit: MAX_ORDERS,
  });
  const seen = new Set(stored.map((o) => o.id));
  const outstanding = (
    await listStationOutstanding(db, tenantId, {
      stationId: station.id,
      statuses: PLANNED_STATUSES,
      since: zonedDateTime(addDays(date, -policy.startOfDayLookbackDays), '00:00', timeZone),
      before: midnight,
      limit: MAX_ORDERS,
    })
  ).filter((o) => !seen.has(o.id));
  const carriedOver = outstanding.map((o) => o.id);
  stored.push(...outstanding.slice(0, Math.max(0, MAX_ORDERS - stored.length)));
  if (q.include && !stored.some((o) => o.id === q.include!.id)) stored.push(q.include);
  const carried = new Set(carriedOver);
  const dayFacts = await loadDayFacts(db, tenantId, { stationId: station.id, orders: stored, carried }, policy);
  const { dueAt } = dayFacts;
  const plannedRows = await listPlannedVisitsOf(
    db,
    tenantId,
    stored.map((o) => o.id),
  );
  const planned = new Map(plannedRows.filter((p) => p.day === date).map((p) => [p.orderId, p]));
  const orders: PlanOrder[] = [];
  const skipped: PlanInput['skipped'] = [];
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const approxLocation = new Set<string>();
  for (const o of stored) {
    // An address taken on the phone has no coordinates yet (no geocoder offline): the centre of its
    // area stands in, marked approximate on the board; without an area of this station it cannot be planned.
    const area = o.areaId ? areaById.get(o.areaId) : undefined;
    const location = o.lat !== null && o.lng !== null ? { lat: o.lat, lng: o.lng } : area ? centroidOf([area]) : null;
    if (!location) {
      const text = 'The order has no coordinates; set its address location to plan it';
      skipped.push({ orderId: o.id, reason: 'no_location', text });
      continue;
    }
    if (o.lat === null || o.lng === null) approxLocation.add(o.id);
    const parts = dayFacts.parts.get(o.id);
    // A confirmed or started visit stays in the day whatever its parts; the board still flags it.
    if (q.requireParts && parts?.status === 'short' && !PINNED_STATUSES.includes(o.status)) {
      skipped.push({ orderId: o.id, reason: 'parts_short', text: partsShortText(parts) });
      continue;
    }
    const skills = new Set(policy.skillsByType[o.type] ?? []);
    for (const [key, extra] of Object.entries(policy.skillsByProduct)) {
      if (o.product.includes(key)) extra.forEach((s) => skills.add(s));
    }
    const holder = o.holderId ?? o.offeredToPersonId;
    const due = dueAt.get(o.id);
    // A past window (carried over) no longer binds the visit; the deadline and priority do.
    const window = o.appointment && !carried.has(o.id) ? o.appointment : null;
    const priority =
      carried.has(o.id) && RANK[o.priority] < RANK[CARRIED_OVER_PRIORITY] ? CARRIED_OVER_PRIORITY : o.priority;
    orders.push({
      id: o.id,
      location,
      ...(o.areaId ? { areaId: o.areaId } : {}),
      // DSP-03: a visit that ran long keeps its longer duration for the rest of its day.
      serviceMinutes:
        (policy.serviceMinutesByType[o.type] ?? policy.defaultServiceMinutes) +
        (planned.get(o.id)?.overrunMinutes ?? 0),
      ...(window ? { window: { start: minutes(window.start), end: minutes(window.end) } } : {}),
      ...(due && due < nextMidnight ? { deadline: Math.max(0, minutes(due)) } : {}),
      softLateMinutes: policy.softLateMinutes,
      priority,
      requiredSkills: [...skills],
      ...(PINNED_STATUSES.includes(o.status) && o.holderId && onShift.has(o.holderId)
        ? { pinned: { engineerId: o.holderId } }
        : {}),
      ...(holder ? { previousEngineerIds: [holder] } : {}),
    });
  }
  return {
    request: { date, timeZone, engineers, orders },
    areas,
    engineers: await Promise.all(
      engineers.map(async (e) => ({
        id: e.id,
        name: workers.find((w) => w.id === e.id)!.name,
        start: e.start,
        // DSP-01: where his phone last reported him that day (a check-in's position), for the map.
        position: await lastReportedPosition(db, tenantId, e.id, midnight).then((p) =>
          p && p.at < nextMidnight ? p : null,
        ),
      })),
    ),
    orders: new Map(stored.map((o) => [o.id, o])),
    skipped,
    carriedOver,
    dueAt,
    risk: dayFacts.risk,
    parts: dayFacts.parts,
    arrivals: dayFacts.arrivals,
    absent,
    approxLocation,
    planned,
    midnight,
  };
}
