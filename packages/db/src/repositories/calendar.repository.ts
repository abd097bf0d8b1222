import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { calendarDays, calendarDeclaredYears } from '../schema/calendar-days.js';

/**
 * SLA-01: a tenant's own calendar days and the years whose official notice an admin has entered. The
 * SLA service turns them into the overrides of the tenant's BusinessCalendar.
 */

export type CalendarDayKind = 'holiday' | 'working' | 'closure';
export type CalendarDaySource = 'admin' | 'official_notice';

export interface StoredCalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: CalendarDaySource;
  updatedBy: string;
  updatedAt: Date;
}

const toDay = (r: typeof calendarDays.$inferSelect): StoredCalendarDay => ({
  date: r.date,
  kind: r.kind,
  name: r.name,
  source: r.source,
  updatedBy: r.updatedBy,
  updatedAt: r.updatedAt,
});

/** The tenant's days, optionally of one year, in date order. */
export async function listCalendarDays(db: Db, tenantId: string, year?: number): Promise<StoredCalendarDay[]> {
  const where = [eq(calendarDays.tenantId, tenantId)];
  if (year !== undefined) {
    where.push(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`));
  }
  const rows = await db
    .select()
    .from(calendarDays)
    .where(and(...where))
    .orderBy(asc(calendarDays.date));
  return rows.map(toDay);
}

export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: CalendarDaySource;
}

/** Adds or replaces days (one row per date). */
export async function upsertCalendarDays(
  db: Db,
  tenantId: string,
  days: readonly CalendarDayInput[],
  by: string,
  at: Date,
): Promise<StoredCalendarDay[]> {
  if (days.length === 0) return [];
  const rows = await db
    .insert(calendarDays)
    .values(days.map((d) => ({ tenantId, ...d, updatedBy: by, createdAt: at, updatedAt: at })))
    .onConflictDoUpdate({
      target: [calendarDays.tenantId, calendarDays.date],
      set: {
        kind: sql`excluded.kind`,
        name: sql`excluded.name`,
        source: sql`excluded.source`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning();
  return rows.map(toDay);
}

/** Removes a day's override; the official dataset and weekly hours decide it again. */
export async function deleteCalendarDay(db: Db, tenantId: string, date: string): Promise<boolean> {
  const rows = await db
    .delete(calendarDays)
    .where(and(eq(calendarDays.tenantId, tenantId), eq(calendarDays.date, date)))
    .returning({ date: calendarDays.date });
  return rows.length > 0;
}

/** Removes the days an earlier import of a year's notice wrote (a re-import replaces them). */
export async function deleteNoticeDaysOfYear(db: Db, tenantId: string, year: number): Promise<void> {
  await db
    .delete(calendarDays)
    .where(
      and(
        eq(calendarDays.tenantId, tenantId),
        eq(calendarDays.source, 'official_notice'),
        gte(calendarDays.date, `${year}-01-01`),
        lte(calendarDays.date, `${year}-12-31`),
      ),
    );
}

export async function listDeclaredYears(db: Db, tenantId: string): Promise<number[]> {
  const rows = await db
    .select({ year: calendarDeclaredYears.year })
    .from(calendarDeclaredYears)
    .where(eq(calendarDeclaredYears.tenantId, tenantId))
    .orderBy(asc(calendarDeclaredYears.year));
  return rows.map((r) => r.year);
}

/** Records that a year's official notice is in (its deadlines stop being provisional). */
export async function declareYear(db: Db, tenantId: string, year: number, by: string, at: Date): Promise<void> {
  await db
    .insert(calendarDeclaredYears)
    .values({ tenantId, year, declaredBy: by, declaredAt: at })
    .onConflictDoUpdate({
      target: [calendarDeclaredYears.tenantId, calendarDeclaredYears.year],
      set: { declaredBy: by, declaredAt: at },
    });
}
