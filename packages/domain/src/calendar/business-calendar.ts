import { DomainError } from '../shared/errors.js';
import { isIsoDate, localParts, zonedDateTime } from '../shared/local-time.js';
import type { CalendarSpec, ParsedCalendarSpec, WorkingSpan } from './calendar-spec.js';
import { minuteOfDay, parseCalendarSpec } from './calendar-spec.js';
import type { OfficialHolidaySource } from './official-cn.js';
import { CHINA_MAINLAND_HOLIDAYS } from './official-cn.js';

/**
 * SLA-01 business calendar: which local days are worked and which instants are working time, in one
 * IANA zone, from the official holiday dataset, the tenant's overrides and the team's hours.
 *
 * Speed matters (the SLA bench computes a million deadlines), and Intl is slow, so each local day is
 * resolved once into absolute instants — its midnight-to-midnight bounds and its working intervals —
 * and cached by day number. After that, every question is integer arithmetic on epoch milliseconds,
 * which is also what makes DST zones safe: a 23- or 25-hour day is just a day with other bounds.
 */

export type YearCoverage = 'official' | 'override' | 'missing';
export type DaySource = 'official' | 'override' | 'weekly';

/** One resolved local day. Intervals are [start, end) pairs of epoch ms, in order. */
export interface CalendarDay {
  /** Local date `YYYY-MM-DD`, and the same as a day number (days since 1970-01-01) for quick stepping. */
  date: string;
  n: number;
  year: number;
  /** Epoch ms of local midnight and of the next local midnight. */
  startMs: number;
  endMs: number;
  working: boolean;
  /** Why the day is (not) worked: the dataset, a tenant override or the plain weekly hours. */
  source: DaySource;
  /** Holiday or make-up day name, when the day has one. */
  name: string | null;
  intervals: readonly number[];
  /** Sum of working time of the day, in ms. */
  workingMs: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A search that finds no working time within this many days means the calendar has none. */
const MAX_SEARCH_DAYS = 3 * 366;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function dayNumberOf(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

function isoOfDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const hhmm = (minute: number): string => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

export class BusinessCalendar {
  readonly id: string;
  readonly timeZone: string;
  readonly spec: ParsedCalendarSpec;
  readonly official: OfficialHolidaySource | null;
  private readonly overrides: Map<string, ParsedCalendarSpec['overrides'][number]>;
  private readonly declaredYears: ReadonlySet<number>;
  private readonly days = new Map<number, CalendarDay>();
  /** Last seen zone offset, the first guess of the local day of an instant. */
  private offsetGuessMs = 0;
  private lastDay: CalendarDay | null = null;

  constructor(spec: CalendarSpec, official?: OfficialHolidaySource | null) {
    this.spec = parseCalendarSpec(spec);
    this.id = this.spec.id;
    this.timeZone = this.spec.timeZone;
    this.official = official !== undefined ? official : this.spec.officialHolidays ? CHINA_MAINLAND_HOLIDAYS : null;
    this.overrides = new Map(this.spec.overrides.map((o) => [o.date, o]));
    this.declaredYears = new Set(this.spec.declaredYears);
    // Resolving a day validates the zone too (zonedDateTime throws VALIDATION_FAILED on an unknown one).
    this.dayByNumber(dayNumberOf('2000-01-03'));
  }

  /**
   * SLA-01: whether a year's holidays are known. 'official': the dataset has the notice; 'override': an
   * admin entered it (or the calendar follows no official dataset, so its own days are the whole truth);
   * 'missing': weekends only are known — admins get a warning and deadlines in it are provisional.
   */
  coverage(year: number): YearCoverage {
    if (!this.official) return 'override';
    if (this.official.years.has(year)) return 'official';
    return this.declaredYears.has(year) ? 'override' : 'missing';
  }

  /** Years in [from, to] whose holidays are not known: what the admin warning lists. */
  missingYears(from: number, to: number): number[] {
    const out: number[] = [];
    for (let y = from; y <= to; y++) if (this.coverage(y) === 'missing') out.push(y);
    return out;
  }

  /** A local date (`YYYY-MM-DD`) or the local date of an instant is a working day. */
  isWorkingDay(day: string | Date): boolean {
    return this.dayOf(day).working;
  }

  /** The resolved day (for explanations and for the admin's calendar view). */
  dayOf(day: string | Date): CalendarDay {
    if (typeof day === 'string') {
      if (!isIsoDate(day)) throw new DomainError('VALIDATION_FAILED', `Invalid date "${day}"`, { field: 'date' });
      return this.dayByNumber(dayNumberOf(day));
    }
    return this.dayAt(checkedMs(day));
  }

  /** The first working instant at or after `t` (t itself inside working hours). */
  nextWorkingMoment(t: Date): Date {
    return new Date(this.nextWorkingMs(checkedMs(t)));
  }

  /**
   * The instant after `minutes` of working time from `start`. Zero minutes is `start` itself; otherwise
   * time outside working hours does not count, and a result at the very end of a span stays there
   * (17:30, not 08:30 the next morning: the work is due by close of business).
   */
  addWorkingTime(start: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new DomainError('VALIDATION_FAILED', 'Working time to add must be zero or more minutes', {
        field: 'minutes',
      });
    }
    return new Date(this.addWorkingMs(checkedMs(start), minutes * MINUTE_MS));
  }

  /** Working time in [a, b), in minutes; negative when b is before a. */
  workingMinutesBetween(a: Date, b: Date): number {
    return this.workingMsBetween(checkedMs(a), checkedMs(b)) / MINUTE_MS;
  }

  /**
   * Close of business of the n-th working day after the local day of `start` (SLA-05 "on site within 2
   * working days": a request on Monday is due by the end of Wednesday's hours). n = 0 is the close of
   * the start day itself, or of the next working day when the start day is not one.
   */
  addWorkingDays(start: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) {
      throw new DomainError('VALIDATION_FAILED', 'Working days to add must be a whole number, zero or more', {
        field: 'days',
      });
    }
    return new Date(this.closeOfWorkingDayMs(checkedMs(start), n));
  }

  /** Local date of the first working day strictly after the local day of `t`, plus n − 1 more. */
  workingDayAfter(t: Date, n = 1): string {
    let d = this.dayAt(checkedMs(t));
    for (let left = n; left > 0; left--) d = this.nextWorkingDay(d);
    return d.date;
  }

  // ---- epoch-ms core, used by the SLA engine without allocating Dates ----

  nextWorkingMs(t: number): number {
    let d = this.dayAt(t);
    for (let guard = 0; guard <= MAX_SEARCH_DAYS; guard++) {
      const iv = d.intervals;
      for (let i = 0; i < iv.length; i += 2) if (t < iv[i + 1]!) return Math.max(t, iv[i]!);
      d = this.nextDay(d);
    }
    throw noWorkingTime(this.id);
  }

  addWorkingMs(t: number, ms: number): number {
    if (ms <= 0) return t;
    let left = ms;
    let d = this.dayAt(t);
    for (let guard = 0; guard <= MAX_SEARCH_DAYS; guard++) {
      // Whole days after the first are skipped by their total, without walking their spans.
      if (t <= d.startMs && left > d.workingMs) {
        left -= d.workingMs;
      } else {
        const iv = d.intervals;
        for (let i = 0; i < iv.length; i += 2) {
          const end = iv[i + 1]!;
          if (t >= end) continue;
          const from = Math.max(t, iv[i]!);
          if (left <= end - from) return from + left;
          left -= end - from;
        }
      }
      d = this.nextDay(d);
      t = d.startMs;
    }
    throw noWorkingTime(this.id);
  }

  workingMsBetween(a: number, b: number): number {
    if (b < a) return -this.workingMsBetween(b, a);
    let total = 0;
    let d = this.dayAt(a);
    while (d.startMs < b) {
      if (a <= d.startMs && d.endMs <= b) total += d.workingMs;
      else {
        const iv = d.intervals;
        for (let i = 0; i < iv.length; i += 2) {
          const from = Math.max(a, iv[i]!);
          const to = Math.min(b, iv[i + 1]!);
          if (to > from) total += to - from;
        }
      }
      d = this.nextDay(d);
    }
    return total;
  }

  closeOfWorkingDayMs(t: number, n: number): number {
    let d = this.dayAt(t);
    let left = n;
    for (let guard = 0; guard <= MAX_SEARCH_DAYS + n; guard++) {
      // n = 0 accepts the start day itself; n >= 1 counts only days after it.
      if (left === 0 && d.working) return d.intervals[d.intervals.length - 1]!;
      d = this.nextDay(d);
      if (left > 0 && d.working) left--;
    }
    throw noWorkingTime(this.id);
  }

  /** The local day containing instant `t`. */
  dayAt(t: number): CalendarDay {
    // Most look-ups of one computation fall on the same day as the previous one.
    const last = this.lastDay;
    if (last && t >= last.startMs && t < last.endMs) return last;
    let n = Math.floor((t + this.offsetGuessMs) / DAY_MS);
    let d = this.dayByNumber(n);
    while (t < d.startMs) d = this.dayByNumber(--n);
    while (t >= d.endMs) d = this.dayByNumber(++n);
    this.lastDay = d;
    return d;
  }

  /** Local date and wall-clock minute of an instant (Intl only on the two DST days of a year). */
  wallTime(t: number): { date: string; minute: number } {
    return { date: this.dayAt(t).date, minute: Math.floor(this.wallMsOf(t) / MINUTE_MS) };
  }

  /**
   * Wall-clock time of an instant as ms since local midnight. On a 23- or 25-hour day this is not the
   * time elapsed since midnight (10:00 on Berlin's spring-forward Sunday is 9 h after midnight), so
   * those days ask Intl; every other day is plain arithmetic on the cached bounds.
   */
  wallMsOf(t: number): number {
    const d = this.dayAt(t);
    if (d.endMs - d.startMs === DAY_MS) return t - d.startMs;
    const p = localParts(new Date(t), this.timeZone);
    return ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 + (((t % 1000) + 1000) % 1000);
  }

  /** The instant a wall-clock time of a local date happens; 24:00 is the next midnight. */
  instantOf(date: string, minute: number): number {
    return this.atMinute(this.dayOf(date), minute);
  }

  /** The instant a wall-clock minute of a resolved day happens; 1440 is the next midnight. */
  atMinute(d: CalendarDay, minute: number): number {
    if (minute >= 1440) return d.endMs;
    // A day of exactly 24 hours has no offset change, so wall minutes are plain offsets from midnight.
    if (d.endMs - d.startMs === DAY_MS) return d.startMs + minute * MINUTE_MS;
    return zonedDateTime(d.date, hhmm(minute), this.timeZone).getTime();
  }

  /** The same local wall time `days` calendar days later (SLA-03 "within 3 days"), across DST. */
  addCalendarDaysMs(t: number, days: number): number {
    const from = this.dayAt(t);
    const to = this.dayByNumber(from.n + days);
    if (from.endMs - from.startMs === DAY_MS && to.endMs - to.startMs === DAY_MS)
      return to.startMs + (t - from.startMs);
    // Wall time, not elapsed time: 10:00 on a DST Sunday is due 10:00 three days later.
    const wallMs = this.wallMsOf(t);
    const minute = Math.floor(wallMs / MINUTE_MS);
    return this.atMinute(to, minute) + (wallMs - minute * MINUTE_MS);
  }

  /** The first working day strictly after `d`. */
  nextWorkingDay(d: CalendarDay): CalendarDay {
    let next = this.nextDay(d);
    for (let guard = 0; !next.working; guard++) {
      if (guard > MAX_SEARCH_DAYS) throw noWorkingTime(this.id);
      next = this.nextDay(next);
    }
    return next;
  }

  nextDay(d: CalendarDay): CalendarDay {
    return this.dayByNumber(d.n + 1);
  }

  dayByNumber(n: number): CalendarDay {
    let d = this.days.get(n);
    if (!d) {
      d = this.resolve(n);
      this.days.set(n, d);
      this.offsetGuessMs = n * DAY_MS - d.startMs;
    }
    return d;
  }

  /** The slow path, once per local day: the only place that asks Intl (through zonedDateTime). */
  private resolve(n: number): CalendarDay {
    const date = isoOfDayNumber(n);
    const startMs = zonedDateTime(date, '00:00', this.timeZone).getTime();
    const endMs = zonedDateTime(isoOfDayNumber(n + 1), '00:00', this.timeZone).getTime();
    const { working, source, name, spans } = this.rule(date, new Date(n * DAY_MS).getUTCDay());
    const intervals: number[] = [];
    let workingMs = 0;
    if (working) {
      for (const s of spans) {
        const from = minuteOfDay(s.start);
        const to = minuteOfDay(s.end);
        const a = zonedDateTime(date, hhmm(from), this.timeZone).getTime();
        const b = to >= 1440 ? endMs : zonedDateTime(date, hhmm(to), this.timeZone).getTime();
        // On a DST day a span may lose its skipped hour; one that vanishes entirely is dropped.
        const lo = Math.max(a, startMs, intervals[intervals.length - 1] ?? -Infinity);
        const hi = Math.min(b, endMs);
        if (hi > lo) {
          intervals.push(lo, hi);
          workingMs += hi - lo;
        }
      }
    }
    return {
      date,
      n,
      year: Number(date.slice(0, 4)),
      startMs,
      endMs,
      working: working && intervals.length > 0,
      source,
      name,
      intervals,
      workingMs,
    };
  }

  /** Precedence: a tenant override beats the official notice, which beats the weekly hours. */
  private rule(
    date: string,
    weekday: number,
  ): { working: boolean; source: DaySource; name: string | null; spans: readonly WorkingSpan[] } {
    const hours = this.spec.hours;
    const makeUp = hours.makeUpDay ?? hours.weekly[1] ?? [];
    const o = this.overrides.get(date);
    if (o) return { working: o.kind === 'working', source: 'override', name: o.name, spans: o.hours ?? makeUp };
    const official = this.official?.dayOf(date);
    if (official) {
      const name = official.name['zh-CN'];
      return { working: official.kind === 'working', source: 'official', name, spans: makeUp };
    }
    const spans = hours.weekly[weekday] ?? [];
    return { working: spans.length > 0, source: 'weekly', name: null, spans };
  }
}

function checkedMs(t: Date): number {
  const ms = t.getTime();
  if (Number.isNaN(ms)) throw new DomainError('VALIDATION_FAILED', 'Invalid date', { field: 'at' });
  return ms;
}

function noWorkingTime(id: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `Calendar "${id}" has no working time within ${MAX_SEARCH_DAYS} days`, {
    field: 'calendar',
  });
}
