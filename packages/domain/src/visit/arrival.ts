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
  if (!window) {
    return {
      position,
      windowStart: null,
      minutesEarly: null,
      lateMinutes: 0,
      onTime: null,
      handling: 'none',
      escalationNote: note,
    };
  }
  const check = checkArrival(appointmentPolicy, { windowStart: window.start, arrivedAt: now });
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
  };
}
