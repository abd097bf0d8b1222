import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import { DEFAULT_TIME_ZONE } from '../shared/local-time.js';
import { WORK_ORDER_TYPES, type WorkOrderType } from '../work-order/work-order.types.js';
import type { CalendarSpec, DayOverride } from './calendar-spec.js';
import { DEFAULT_CALENDAR_SPEC, minuteOfDay, workingSpanSchema } from './calendar-spec.js';

/**
 * SLA-01 "working hours per shift" and "calendars per area time zone": the pieces a tenant sets on the
 * server and how they make up the calendar one order's clocks run on.
 *
 * - A team (or a whole station) has working hours: a 24×7 fault team, a 09:00–18:00 install team. The
 *   hours are weekly spans per weekday plus the hours of a make-up working day (调休), and a team says
 *   whether it works through public holidays (a 24×7 team does; a closure such as a typhoon still stops
 *   it). `orderTypes` names the order types the team takes, which is how a station with a fault team
 *   and an install team gives each order the hours of the team that will do it.
 * - An area has an IANA time zone (default Asia/Shanghai, or the tenant's zone): the working day, the
 *   18:00 cut-off and the shifts are wall-clock times there.
 */

const TIME_ZONES = new Set<string>();

/** Whether `tz` is an IANA zone this runtime knows (Asia/Urumqi, Europe/Berlin, UTC …). */
export function isTimeZone(tz: string): boolean {
  if (TIME_ZONES.has(tz)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    TIME_ZONES.add(tz);
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().refine(isTimeZone, 'expected an IANA time zone such as Asia/Shanghai');

const daySpans = z
  .array(workingSpanSchema)
  .max(6)
  .refine(
    (spans) => spans.every((s, i) => i === 0 || minuteOfDay(spans[i - 1]!.end) <= minuteOfDay(s.start)),
    'spans of a day are in order and do not overlap',
  );

export const workingHoursSchema = z.object({
  /** Shown to admins and in explanations, e.g. "故障抢修 24 小时班". */
  name: z.string().trim().min(1).max(100),
  /** Index 0 = Sunday … 6 = Saturday; an empty list is a day off. */
  weekly: z.array(daySpans).length(7),
  /** Hours on a make-up working day (调休); by default Monday's. */
  makeUpDay: daySpans.optional(),
  /** 'observe': public holidays are days off (调休 Saturdays are worked); 'work': the team works through them. */
  holidays: z.enum(['observe', 'work']).default('observe'),
  /** Order types this team takes (empty: every type); decides which team's hours an order gets. */
  orderTypes: z.array(z.enum(WORK_ORDER_TYPES)).default([]),
});
export type WorkingHours = z.output<typeof workingHoursSchema>;
export type WorkingHoursInput = z.input<typeof workingHoursSchema>;

/** Validates working hours from an admin; the error names the first bad field. */
export function parseWorkingHours(input: unknown): WorkingHours {
  const r = workingHoursSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new DomainError('VALIDATION_FAILED', `Invalid working hours: ${field} ${issue?.message ?? ''}`.trim(), {
      field,
    });
  }
  const hours = r.data;
  // A team that never works would push every deadline past the engine's search horizon.
  if (hours.weekly.every((d) => d.length === 0)) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid working hours: weekly has no working time at all', {
      field: 'weekly',
    });
  }
  return hours;
}

/** Team hours as stored, with the unit they belong to (what the resolver chooses from). */
export interface UnitWorkingHours {
  unitId: string;
  /** The unit's code, part of the calendar id a clock names (e.g. cn-default/FAULT-24). */
  unitCode: string;
  parentId: string | null;
  hours: WorkingHours;
}

/** The order's place in the org tree, as far as it is known when a clock starts or moves. */
export interface OrderTeamFacts {
  type: WorkOrderType;
  stationId: string | null;
  /** The unit of the person holding the order (a team, usually), once someone holds it. */
  holderUnitId: string | null;
  /** The unit the order was offered to, while it is offered. */
  offeredToUnitId: string | null;
}

const takes = (h: WorkingHours, type: WorkOrderType): boolean =>
  h.orderTypes.length === 0 || h.orderTypes.includes(type);

/**
 * Whose hours an order's clocks follow, most specific first: the holder's team, the unit it is offered
 * to, a team of its station that takes its order type, the station itself. Null: the shipped hours.
 * Among several teams of a station that take the type, the one naming the type beats a catch-all, then
 * the lowest code wins, so the choice never depends on row order.
 */
export function hoursForOrder(all: readonly UnitWorkingHours[], o: OrderTeamFacts): UnitWorkingHours | null {
  const byUnit = new Map(all.map((u) => [u.unitId, u]));
  for (const unitId of [o.holderUnitId, o.offeredToUnitId]) {
    const u = unitId ? byUnit.get(unitId) : undefined;
    if (u && takes(u.hours, o.type)) return u;
  }
  if (!o.stationId) return null;
  const teams = all
    .filter((u) => u.parentId === o.stationId && takes(u.hours, o.type))
    .sort(
      (a, b) =>
        Number(b.hours.orderTypes.includes(o.type)) - Number(a.hours.orderTypes.includes(o.type)) ||
        a.unitCode.localeCompare(b.unitCode),
    );
  if (teams[0]) return teams[0];
  const station = byUnit.get(o.stationId);
  return station && takes(station.hours, o.type) ? station : null;
}

/**
 * The calendar spec of one order: the shipped spec in the area's zone, with the team's hours and the
 * tenant's days. A team working through holidays follows no official dataset and keeps only closures
 * from the tenant's days; its calendar id names the team, so a clock says whose hours it ran on.
 */
export function orderCalendarSpec(input: {
  base?: CalendarSpec;
  timeZone?: string | null;
  team?: Pick<UnitWorkingHours, 'unitCode' | 'hours'> | null;
  /** The tenant's own days; `closure` marks the ones a 24×7 team also stops for. */
  days?: readonly (DayOverride & { closure?: boolean })[];
  declaredYears?: readonly number[];
}): CalendarSpec {
  const base = input.base ?? DEFAULT_CALENDAR_SPEC;
  const team = input.team ?? null;
  const throughHolidays = team?.hours.holidays === 'work';
  const days = (input.days ?? []).filter((d) => !throughHolidays || d.closure);
  const hours = team
    ? { weekly: team.hours.weekly, ...(team.hours.makeUpDay ? { makeUpDay: team.hours.makeUpDay } : {}) }
    : base.hours;
  return {
    ...base,
    id: team ? `${base.id}/${team.unitCode}` : base.id,
    timeZone: input.timeZone ?? base.timeZone ?? DEFAULT_TIME_ZONE,
    officialHolidays: throughHolidays ? null : (base.officialHolidays ?? 'cn-mainland'),
    hours,
    overrides: days.map(({ closure: _closure, ...d }) => d),
    declaredYears: [...(input.declaredYears ?? [])],
  };
}
