import {
  declareYear,
  deleteCalendarDay,
  deleteNoticeDaysOfYear,
  listCalendarDays,
  upsertCalendarDays,
  type Db,
  type StoredCalendarDay,
} from '@daowei/db';
import { DomainError, isSupervisor, localParts, parseNoticeCsv, parseNoticeDays } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { CalendarDayBody, NoticeBody } from './calendar.schemas.js';
import type { TenantCalendars } from './tenant-calendar.js';

export type CalendarService = ReturnType<typeof createCalendarService>;

/**
 * SLA-01 calendar admin: the tenant's own days on top of the official dataset, the years the dataset
 * lacks (a warning for admins; deadlines in them are provisional), and the import of a year's notice.
 * Coordinators and managers may look; only the operator's admins (not a vendor's) change the calendar,
 * which every vendor's deadlines follow. An edit applies to new clocks and on re-evaluate (SLA-02).
 */
export function createCalendarService({ db, clock, calendars }: { db: Db; clock: Clock; calendars: TenantCalendars }) {
  function requireEditor(auth: AuthContext): void {
    if (auth.position !== 'admin' || auth.vendorId !== null) {
      throw new DomainError('FORBIDDEN', 'The business calendar is edited by the operator’s admins', {
        position: auth.position,
      });
    }
  }

  async function view(tx: Db, auth: AuthContext, year?: number) {
    const cal = await calendars(tx, auth.tenantId);
    const thisYear = localParts(clock.now(), cal.timeZone).year;
    const shown = year ?? thisYear;
    const own = new Map((await listCalendarDays(tx, auth.tenantId, shown)).map((d) => [d.date, d]));
    const days = [];
    for (let d = new Date(Date.UTC(shown, 0, 1)); d.getUTCFullYear() === shown; d.setUTCDate(d.getUTCDate() + 1)) {
      const date = d.toISOString().slice(0, 10);
      const day = cal.dayOf(date);
      const mine = own.get(date);
      if (day.source === 'weekly' && !mine) continue;
      days.push({
        date,
        working: day.working,
        source: day.source,
        name: day.name,
        override: mine ? dayView(mine) : null,
      });
    }
    const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
    return {
      calendarId: cal.id,
      timeZone: cal.timeZone,
      holidaySource: cal.official?.description ?? null,
      year: shown,
      coverage: years.map((y) => ({ year: y, coverage: cal.coverage(y) })),
      // What admins must act on: this year and the next without an official notice.
      warnings: cal.missingYears(thisYear, thisYear + 1).map((y) => ({
        code: 'CALENDAR_YEAR_MISSING' as const,
        year: y,
        text: {
          'zh-CN': `${y} 年的节假日安排尚未录入：只按周末计算，落在该年的期限标记为"暂定"。请录入或导入国务院办公厅的通知。`,
          en: `No official holiday notice for ${y} yet: only weekends count, and deadlines in ${y} are marked provisional. Enter or import the notice.`,
        },
      })),
      days,
    };
  }

  return {
    view(auth: AuthContext, year?: number) {
      if (!isSupervisor(auth.position)) {
        throw new DomainError('FORBIDDEN', 'The calendar is for coordinators, managers and admins', {
          position: auth.position,
        });
      }
      return view(db, auth, year);
    },

    /** Adds or replaces the tenant's own day (a local holiday, a make-up working day, a closure). */
    async putDay(auth: AuthContext, date: string, body: CalendarDayBody) {
      requireEditor(auth);
      const [day] = await upsertCalendarDays(
        db,
        auth.tenantId,
        [{ date, kind: body.kind, name: body.name, source: 'admin' }],
        auth.personId,
        clock.now(),
      );
      return dayView(day!);
    },

    async deleteDay(auth: AuthContext, date: string) {
      requireEditor(auth);
      if (!(await deleteCalendarDay(db, auth.tenantId, date))) {
        throw new DomainError('NOT_FOUND', 'The calendar has no own entry for this day', { date });
      }
      return { date, removed: true };
    },

    /**
     * Imports one year's official notice: replaces the days an earlier import of that year wrote (an
     * admin's own days stay unless the notice names the same date) and declares the year, so its
     * deadlines are no longer provisional. One transaction; retried submissions act once.
     */
    importNotice(auth: AuthContext, body: NoticeBody, key: string | null) {
      requireEditor(auth);
      const days = parseNoticeDays(body.year, body.days ?? parseNoticeCsv(body.csv ?? ''));
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, body, async () => {
          const now = clock.now();
          await deleteNoticeDaysOfYear(tx, auth.tenantId, body.year);
          await upsertCalendarDays(
            tx,
            auth.tenantId,
            days.map((d) => ({ ...d, source: 'official_notice' as const })),
            auth.personId,
            now,
          );
          await declareYear(tx, auth.tenantId, body.year, auth.personId, now);
          const cal = await calendars(tx, auth.tenantId);
          return { year: body.year, imported: days.length, coverage: cal.coverage(body.year) };
        }),
      );
    },
  };
}

function dayView(d: StoredCalendarDay) {
  return { date: d.date, kind: d.kind, name: d.name, source: d.source, updatedAt: d.updatedAt.toISOString() };
}
