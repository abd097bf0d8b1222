import { DomainError } from '../shared/errors.js';
import { checkArrival, type AppointmentPolicy } from '../sla/appointment-rules.js';
import type { AppointmentWindow } from '../work-order/work-order.types.js';
import type { VisitPolicy } from './visit-policy.js';

export interface GeoPosition {
  lat: number;
  lng: number;
}

/** What the engineer sends when checking in (ENG-03): where they are, and the escalation when very late. */
export interface ArrivalInput {
  position?: GeoPosition | undefined;
  /** APT-04: the manager's apology / escalation note, required when later than the apology threshold. */
  escalationNote?: string | undefined;
  /**
   * ENG-07: the instant of arrival when it is not the server's now (a check-in queued offline, see
   * `arrivalInstant`); the server sets it, never the client directly.
   */
  arrivedAt?: Date | undefined;
  /** Where `arrivedAt` came from, recorded with it. */
  arrivalTimeSource?: ArrivalTimeSource | undefined;
  /** The phone's own claim, kept for the record when it was adjusted. */
  deviceArrivedAt?: Date | null | undefined;
}

/** `server`: checked in online; `device`: queued offline, the phone's time; `device_adjusted`: the phone's time was out of range. */
export type ArrivalTimeSource = 'server' | 'device' | 'device_adjusted';

/**
 * ENG-07: when the engineer arrived. A check-in queued on the phone while offline carries the phone's
 * time of arrival, which is what counts (not the later sync). It is believed when it lies between the
 * start of the trip (the depart event) and the server's now; a phone clock outside that span is brought
 * into it and marked adjusted, so a wrong clock cannot make a visit early or set it in the future.
 */
export function arrivalInstant(input: { deviceAt: Date | null; notBefore: Date | null; now: Date }): {
  at: Date;
  source: ArrivalTimeSource;
} {
  const { deviceAt, notBefore, now } = input;
  if (!deviceAt) return { at: now, source: 'server' };
  const low = notBefore ? Math.min(notBefore.getTime(), now.getTime()) : -Infinity;
  const t = deviceAt.getTime();
  if (t > now.getTime()) return { at: now, source: 'device_adjusted' };
  if (t < low) return { at: new Date(low), source: 'device_adjusted' };
  return { at: deviceAt, source: 'device' };
}

/** The check-in as recorded on the arrive event: a reader of the history sees lateness and its handling. */
export interface ArrivalRecord {
  position: GeoPosition | null;
  windowStart: string | null;
  minutesEarly: number | null;
  lateMinutes: number;
  /** SLA-07: arrived at least the policy's minutes before the window. */
  onTime: boolean | null;
  /** APT-04: how the lateness is handled. */
  handling: 'none' | 'apology' | 'escalation';
  escalationNote: string | null;
  /** ENG-07: the instant of arrival (the phone's when the check-in waited offline) and its source. */
  arrivedAt: string;
  arrivalTimeSource: ArrivalTimeSource;
  deviceArrivedAt: string | null;
}

/**
 * ENG-03 / SLA-07 / APT-04: the arrival check-in. Late minutes are counted against the agreed window's
 * start; a small lateness is an apology, a larger one needs the escalation note — refused without it so
 * the engineer cannot check in silently late. An order without an agreed window records no lateness.
 */
export function decideArrival(
  appointmentPolicy: AppointmentPolicy,
  visitPolicy: VisitPolicy,
  window: AppointmentWindow | null,
  input: ArrivalInput,
  now: Date,
): ArrivalRecord {
  const note = input.escalationNote?.trim() ? input.escalationNote.trim() : null;
  const position = input.position ?? null;
  const arrivedAt = input.arrivedAt ?? now;
  const timing = {
    arrivedAt: arrivedAt.toISOString(),
    arrivalTimeSource: input.arrivalTimeSource ?? 'server',
    deviceArrivedAt: input.deviceArrivedAt ? input.deviceArrivedAt.toISOString() : null,
  };
  if (!window) {
    return {
      position,
      windowStart: null,
      minutesEarly: null,
      lateMinutes: 0,
      onTime: null,
      handling: 'none',
      escalationNote: note,
      ...timing,
    };
  }
  const check = checkArrival(appointmentPolicy, { windowStart: window.start, arrivedAt });
  const late = check.minutesLate;
  const handling = late === 0 ? 'none' : late <= visitPolicy.lateness.apologyUpToMinutes ? 'apology' : 'escalation';
  if (handling === 'escalation' && !note) {
    throw new DomainError(
      'WO_ESCALATION_REQUIRED',
      `Arrived ${late} min late: more than ${visitPolicy.lateness.apologyUpToMinutes} min needs an escalation note (manager apology)`,
      { field: 'escalationNote', lateMinutes: late, apologyUpToMinutes: visitPolicy.lateness.apologyUpToMinutes },
    );
  }
  return {
    position,
    windowStart: window.start.toISOString(),
    minutesEarly: check.minutesEarly,
    lateMinutes: late,
    onTime: check.onTime,
    handling,
    escalationNote: note,
    ...timing,
  };
}
