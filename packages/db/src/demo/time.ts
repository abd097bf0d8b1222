/**
 * Wall-clock arithmetic for the demo city. Asia/Shanghai has kept a fixed UTC+08:00 since 1991 (no DST),
 * so local times are plain offsets here; the generator computes tens of thousands of them and Intl-based
 * conversions (the domain's zonedDateTime) would dominate the run time at benchmark sizes. The domain
 * functions are still used where a rule depends on them (order numbers, rosters, certificates).
 */
export const DEMO_TIME_ZONE = 'Asia/Shanghai';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** Epoch ms of local midnight of the day containing `t`. */
export function localMidnight(t: number): number {
  return Math.floor((t + OFFSET) / DAY) * DAY - OFFSET;
}

/** Local hour as a fraction (14.5 = 14:30). */
export function localHour(t: number): number {
  return ((t + OFFSET) % DAY) / HOUR;
}

/** 0 = Sunday … 6 = Saturday, local. */
export function localWeekday(t: number): number {
  return new Date(t + OFFSET).getUTCDay();
}

/** `YYYY-MM-DD` of the local day. */
export function localIsoDate(t: number): string {
  return new Date(t + OFFSET).toISOString().slice(0, 10);
}

/** The instant a local day (given by any instant in it) shows `hour` (fractional hours allowed). */
export function atLocal(dayInstant: number, hour: number): number {
  return localMidnight(dayInstant) + Math.round(hour * HOUR);
}

/**
 * Moves an instant into office hours [open, close) local time: people at a desk do not triage at 03:00.
 * Something falling after closing (or before opening) happens shortly after the next opening instead.
 * `jitterMin` spreads the morning backlog over the first minutes rather than stacking it at 08:00:00.
 */
export function intoHours(t: number, open: number, close: number, jitterMin: number): number {
  const h = localHour(t);
  if (h >= open && h < close) return t;
  const base = h < open ? atLocal(t, open) : atLocal(t + DAY, open);
  return base + Math.round(jitterMin) * MINUTE;
}

/** Two-hour appointment slots offered to customers (local start hours); 18–22 is evening service (ORG-06). */
export const SLOT_STARTS = [8, 10, 14, 16, 18, 20] as const;
