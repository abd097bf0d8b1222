import { listCalendarDays, listDeclaredYears, type Db, type StoredCalendarDay } from '@daowei/db';
import { BusinessCalendar, DEFAULT_CALENDAR_SPEC, type DayOverride } from '@daowei/domain';

/**
 * SLA-01: the business calendar of a tenant — the shipped calendar (official holidays and 调休 from the
 * dataset, office and evening shifts) plus the tenant's own days and declared years from the database.
 *
 * The calendar keeps the shipped id: a clock names the calendar it runs on, and a tenant's overrides
 * refine that calendar rather than replace it. New overrides apply to new clocks, to resumed ones and
 * on an explicit re-evaluate; a stored deadline never moves by itself (SLA-02).
 *
 * Read per call inside the caller's transaction (a handful of rows), so every server process sees an
 * admin's edit at once; the built calendar (with its day cache) is reused while the rows are unchanged.
 */
export function createTenantCalendars() {
  const shipped = new BusinessCalendar(DEFAULT_CALENDAR_SPEC);
  const cache = new Map<string, { key: string; calendar: BusinessCalendar }>();

  return async function calendarFor(db: Db, tenantId: string): Promise<BusinessCalendar> {
    const days = await listCalendarDays(db, tenantId);
    const years = await listDeclaredYears(db, tenantId);
    if (days.length === 0 && years.length === 0) return shipped;
    const key = JSON.stringify([days.map((d) => [d.date, d.kind, d.name, d.source]), years]);
    const hit = cache.get(tenantId);
    if (hit && hit.key === key) return hit.calendar;
    const calendar = new BusinessCalendar({
      ...DEFAULT_CALENDAR_SPEC,
      overrides: days.map(overrideOf),
      declaredYears: years,
    });
    cache.set(tenantId, { key, calendar });
    return calendar;
  };
}

export type TenantCalendars = ReturnType<typeof createTenantCalendars>;

/** A closure (typhoon, outage) is a day without working time, named so people can tell it from a holiday. */
export function overrideOf(d: Pick<StoredCalendarDay, 'date' | 'kind' | 'name' | 'source'>): DayOverride {
  return { date: d.date, kind: d.kind === 'working' ? 'working' : 'holiday', name: d.name, source: d.source };
}
