import { DomainError } from '../shared/errors.js';
import { zonedDateTime } from '../shared/local-time.js';
import { checkRescheduleNotice, type AppointmentPolicy, type RescheduleNoticeCheck } from '../sla/appointment-rules.js';
import type { AppointmentWindow, WorkOrderType } from '../work-order/work-order.types.js';
import type { DispatchPolicy } from './dispatch-policy.js';

/**
 * APT-01/02 as pure rules: the slots offered on a day, what a logged call leads to, and the SLA-07
 * verdict on a reschedule. Instants in, decisions out; the service stores them.
 */

export type CallOutcome = 'reached' | 'no_answer' | 'busy' | 'call_back';

/** APT-01: the day's candidate windows (e.g. 08:00–10:00, 10:00–12:00, …), future ones only. */
export function appointmentSlots(
  policy: Pick<DispatchPolicy, 'appointmentSlots'>,
  date: string,
  timeZone: string,
  now: Date,
): AppointmentWindow[] {
  const { from, to, minutes } = policy.appointmentSlots;
  const first = zonedDateTime(date, from, timeZone).getTime();
  const last = zonedDateTime(date, to, timeZone).getTime();
  const out: AppointmentWindow[] = [];
  for (let t = first; t + minutes * 60_000 <= last; t += minutes * 60_000) {
    if (t > now.getTime()) out.push({ start: new Date(t), end: new Date(t + minutes * 60_000) });
  }
  return out;
}

export interface CallDecision {
  outcome: CallOutcome;
  /** APT-01: "call back at T" → a follow-up task due at T for the caller. */
  followUpAt: Date | null;
}

/** APT-01: a logged call. "Call back" needs a future time within the policy's horizon; others take none. */
export function decideCall(
  policy: Pick<DispatchPolicy, 'maxCallBackMinutes'>,
  input: { outcome: CallOutcome; callBackAt?: Date | null; now: Date },
): CallDecision {
  if (input.outcome !== 'call_back') {
    if (input.callBackAt) {
      throw new DomainError('VALIDATION_FAILED', 'A call-back time goes with the outcome "call back"', {
        field: 'callBackAt',
      });
    }
    return { outcome: input.outcome, followUpAt: null };
  }
  const at = input.callBackAt;
  if (!at) throw new DomainError('VALIDATION_FAILED', 'When should we call back?', { field: 'callBackAt' });
  const ahead = (at.getTime() - input.now.getTime()) / 60_000;
  if (ahead <= 0 || ahead > policy.maxCallBackMinutes) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The call-back time must be in the future and within the allowed horizon',
      {
        field: 'callBackAt',
        maxMinutes: policy.maxCallBackMinutes,
      },
    );
  }
  return { outcome: 'call_back', followUpAt: at };
}

/**
 * APT-02 + SLA-07: a change of an agreed visit. Without an agreed visit there is nothing to give notice
 * of (a first booking); otherwise the notice is checked against the visit being changed, with the
 * longer notice for planned visits, and a change *we* make too late is a breach.
 */
export function checkReschedule(
  appointmentPolicy: AppointmentPolicy,
  dispatchPolicy: Pick<DispatchPolicy, 'plannedVisitTypes'>,
  input: { type: WorkOrderType; previous: AppointmentWindow | null; askedBy: 'customer' | 'us'; now: Date },
): RescheduleNoticeCheck | null {
  if (!input.previous) return null;
  return checkRescheduleNotice(appointmentPolicy, {
    visitStart: input.previous.start,
    noticeAt: input.now,
    requestedBy: input.askedBy,
    plannedVisit: dispatchPolicy.plannedVisitTypes.includes(input.type),
  });
}
