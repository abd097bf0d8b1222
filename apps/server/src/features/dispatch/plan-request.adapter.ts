import {
  listAreas,
  listCertificates,
  listEngineerDispatchFacts,
  listOpenDueTimes,
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
  engineers: { id: string; name: string; start: GeoPoint }[];
  orders: Map<string, StoredWorkOrder>;
  /** Orders of the day the planner could not be given (no coordinates), with the reason. */
  skipped: { orderId: string; reason: 'no_location' }[];
  /** DSP-02: orders carried over from the previous days, oldest first. */
  carriedOver: string[];
  /** SLA deadlines (earliest open clock per order) — the planner's due times, the board's at-risk flags. */
  dueAt: Map<string, Date>;
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
  const dueAt = await listOpenDueTimes(
    db,
    tenantId,
    stored.map((o) => o.id),
  );
  const plannedRows = await listPlannedVisitsOf(
    db,
    tenantId,
    stored.map((o) => o.id),
  );
  const planned = new Map(plannedRows.filter((p) => p.day === date).map((p) => [p.orderId, p]));
  const carried = new Set(carriedOver);
  const orders: PlanOrder[] = [];
  const skipped: PlanInput['skipped'] = [];
  for (const o of stored) {
    if (o.lat === null || o.lng === null) {
      skipped.push({ orderId: o.id, reason: 'no_location' });
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
      location: { lat: o.lat, lng: o.lng },
      ...(o.areaId ? { areaId: o.areaId } : {}),
      serviceMinutes: policy.serviceMinutesByType[o.type] ?? policy.defaultServiceMinutes,
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
    engineers: engineers.map((e) => ({ id: e.id, name: workers.find((w) => w.id === e.id)!.name, start: e.start })),
    orders: new Map(stored.map((o) => [o.id, o])),
    skipped,
    carriedOver,
    dueAt,
    planned,
    midnight,
  };
}
