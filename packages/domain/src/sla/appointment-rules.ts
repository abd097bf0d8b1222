import type { SlaPolicy } from './sla-policy.js';

/**
 * SLA-07 appointment keeping. These are checks at a moment (a reschedule is announced, an engineer
 * arrives), not running clocks: their inputs are two instants and the policy's numbers.
 */
export type AppointmentPolicy = SlaPolicy['appointment'];

export interface RescheduleNoticeCheck {
  /** Notice the policy asks for, in minutes (≥ 2 h; ≥ 1 day for planned visits by default). */
  requiredMinutes: number;
  /** Latest instant the customer had to be told. */
  requiredBy: Date;
  inTime: boolean;
  /** How much notice was missing, in minutes (0 when in time). */
  shortByMinutes: number;
  /** APT-02: a change *we* make inside the notice period breaches SLA-07; the customer's own does not. */
  breach: boolean;
}

export function checkRescheduleNotice(
  policy: AppointmentPolicy,
  input: { visitStart: Date; noticeAt: Date; requestedBy: 'customer' | 'us'; plannedVisit: boolean },
): RescheduleNoticeCheck {
  const requiredMinutes = input.plannedVisit ? policy.plannedVisitNoticeMinutes : policy.rescheduleNoticeMinutes;
  const requiredByMs = input.visitStart.getTime() - requiredMinutes * 60_000;
  const shortMs = Math.max(0, input.noticeAt.getTime() - requiredByMs);
  const inTime = shortMs === 0;
  return {
    requiredMinutes,
    requiredBy: new Date(requiredByMs),
    inTime,
    shortByMinutes: Math.ceil(shortMs / 60_000),
    breach: !inTime && input.requestedBy === 'us',
  };
}

export interface ArrivalCheck {
  /** Minutes before the window start (negative when after it). */
  minutesEarly: number;
  /** Minutes after the window start, recorded on the order (0 when not late). */
  minutesLate: number;
  /** Arrived at least `arriveEarlyMinutes` before the window. */
  onTime: boolean;
  /** Within the 5–10 min early target band. */
  withinTarget: boolean;
}

export function checkArrival(policy: AppointmentPolicy, input: { windowStart: Date; arrivedAt: Date }): ArrivalCheck {
  // Whole minutes, rounded towards lateness: arriving 4 min 30 s early is not "5 min early".
  const earlyMs = input.windowStart.getTime() - input.arrivedAt.getTime();
  const minutesEarly = earlyMs >= 0 ? Math.floor(earlyMs / 60_000) : -Math.ceil(-earlyMs / 60_000);
  return {
    minutesEarly,
    minutesLate: Math.max(0, -minutesEarly),
    onTime: minutesEarly >= policy.arriveEarlyMinutes,
    withinTarget: minutesEarly >= policy.arriveEarlyMinutes && minutesEarly <= policy.arriveEarlyTargetMaxMinutes,
  };
}
