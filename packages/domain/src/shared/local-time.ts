import { DomainError } from './errors.js';

/**
 * Wall-clock views of an instant in a named time zone. The domain never reads the clock, but it does
 * need to know which calendar day and hour an instant falls on for the customer (SLA-01: per-area time
 * zone, default Asia/Shanghai): order numbers carry the local acceptance date, certificates expire at
 * the end of a local day, rosters are written in local time. Intl is pure computation, not I/O.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface LocalParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number; // 0..23
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday, like Date#getDay but in the given zone. */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// Building an Intl.DateTimeFormat costs far more than using one; zones are few, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
    } catch {
      throw new DomainError('VALIDATION_FAILED', `Unknown time zone "${timeZone}"`, { field: 'timeZone' });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

function assertValidDate(at: Date): void {
  if (Number.isNaN(at.getTime())) throw new DomainError('VALIDATION_FAILED', 'Invalid date', { field: 'at' });
}

export function localParts(at: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalParts {
  assertValidDate(at);
  const parts = formatterFor(timeZone).formatToParts(at);
  const num = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const weekday = WEEKDAYS.indexOf(parts.find((p) => p.type === 'weekday')?.value ?? '');
  return {
    year: num('year'),
    month: num('month'),
    day: num('day'),
    hour: num('hour'),
    minute: num('minute'),
    second: num('second'),
    weekday,
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local calendar date of an instant, as `YYYY-MM-DD` (ISO dates compare correctly as strings). */
export function localDate(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = localParts(at, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** `YYYY-MM-DD` plus a number of days, on the calendar (no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  if (!isIsoDate(isoDate)) throw new DomainError('VALIDATION_FAILED', `Invalid date "${isoDate}"`, { field: 'date' });
  const t = new Date(`${isoDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Day of week of a calendar date, 0 = Sunday. */
export function weekdayOf(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new DomainError('VALIDATION_FAILED', `Invalid date "${isoDate}"`, { field: 'date' });
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

/**
 * The instant at which the wall clock in `timeZone` shows `isoDate` `hhmm`. Zone offsets are found by
 * asking Intl what the clock shows at a first guess and correcting once; a second pass settles the
 * rare case where the correction crosses a DST change (zones such as Asia/Shanghai have none today).
 */
export function zonedDateTime(isoDate: string, hhmm: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  if (!isIsoDate(isoDate)) throw new DomainError('VALIDATION_FAILED', `Invalid date "${isoDate}"`, { field: 'date' });
  const hm = HH_MM.exec(hhmm);
  if (!hm) throw new DomainError('VALIDATION_FAILED', `Invalid time "${hhmm}", expected HH:mm`, { field: 'time' });
  const wall = Date.parse(`${isoDate}T${hhmm}:00Z`);
  const offsetAt = (t: number): number => {
    const p = localParts(new Date(t), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - t;
  };
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  return new Date(second);
}
