import {
  getPerson,
  listCalendarDays,
  listDeclaredYears,
  listUnitWorkingHours,
  zoneOf,
  type Db,
  type StoredCalendarDay,
} from '@daowei/db';
import {
  BusinessCalendar,
  DEFAULT_CALENDAR_SPEC,
  hoursForOrder,
  orderCalendarSpec,
  type DayOverride,
  type WorkOrderType,
} from '@daowei/domain';

/**
 * SLA-01: the business calendar of a tenant — the shipped calendar (official holidays and 调休 from the
 * dataset, office and evening shifts) plus the tenant's own days and declared years from the database —
 * and, for one order, in its area's time zone with the working hours of the team that will do it.
 *
 * The calendar keeps the shipped id (plus the team's code when a team's hours apply): a clock names the
 * calendar it runs on, and a tenant's overrides refine that calendar rather than replace it. New
 * settings apply to new clocks, to resumed ones and on an explicit re-evaluate; a stored deadline never
 * moves by itself (SLA-02).
 *
 * Read per call inside the caller's transaction (a handful of rows), so every server process sees an
 * admin's edit at once; a built calendar (with its day cache) is reused while its inputs are unchanged.
 */

/** What of an order decides its calendar: the area (zone) and the team (hours). */
export interface OrderCalendarFacts {
  areaId: string | null;
  type: WorkOrderType;
  stationId: string | null;
  holderId: string | null;
  offeredToUnitId: string | null;
}

const MAX_CACHED = 500;

export function createTenantCalendars() {
  const shipped = new BusinessCalendar(DEFAULT_CALENDAR_SPEC);
  const cache = new Map<string, BusinessCalendar>();

  /** The tenant's calendar; with an order, in the order's zone with its team's hours. */
  return async function calendarFor(db: Db, tenantId: string, order?: OrderCalendarFacts): Promise<BusinessCalendar> {
    const days = await listCalendarDays(db, tenantId);
    const years = await listDeclaredYears(db, tenantId);
    const timeZone = await zoneOf(db, tenantId, order?.areaId ?? null);
    const team = order ? await teamHoursOf(db, tenantId, order) : null;
    if (days.length === 0 && years.length === 0 && !team && timeZone === shipped.timeZone) return shipped;
    const key = JSON.stringify([
      tenantId,
      timeZone,
      team ? [team.unitCode, team.hours] : null,
      days.map((d) => [d.date, d.kind, d.name, d.source]),
      years,
    ]);
    const hit = cache.get(key);
    if (hit) return hit;
    const calendar = new BusinessCalendar(
      orderCalendarSpec({
        timeZone,
        team,
        days: days.map((d) => ({ ...overrideOf(d), closure: d.kind === 'closure' })),
        declaredYears: years,
      }),
    );
    // Settings change rarely; a full cache is simply started again rather than tracked per entry.
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, calendar);
    return calendar;
  };
}

async function teamHoursOf(db: Db, tenantId: string, order: OrderCalendarFacts) {
  const all = await listUnitWorkingHours(db, tenantId);
  if (all.length === 0) return null;
  const holder = order.holderId ? await getPerson(db, tenantId, order.holderId) : null;
  return hoursForOrder(all, {
    type: order.type,
    stationId: order.stationId,
    holderUnitId: holder?.unitId ?? null,
    offeredToUnitId: order.offeredToUnitId,
  });
}

export type TenantCalendars = ReturnType<typeof createTenantCalendars>;

/** A closure (typhoon, outage) is a day without working time, named so people can tell it from a holiday. */
export function overrideOf(d: Pick<StoredCalendarDay, 'date' | 'kind' | 'name' | 'source'>): DayOverride {
  return { date: d.date, kind: d.kind === 'working' ? 'working' : 'holiday', name: d.name, source: d.source };
}
