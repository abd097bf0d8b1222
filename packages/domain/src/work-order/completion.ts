import { DomainError } from '../shared/errors.js';
import type { AppointmentWindow, WorkOrderStatus, WorkOrderType } from './work-order.types.js';

/** WO-07 outcome variants. Complaints pick one of the five complaint outcomes; other orders complete as `done`. */
export type CompletionOutcome =
  | { kind: 'done' }
  | { kind: 'resolved'; causeCode: string; solution: string; steps: string }
  | { kind: 'unresolved_to_fault'; steps: string }
  | { kind: 'reschedule'; reason: string; window: AppointmentWindow }
  | { kind: 'cannot_resolve'; explanation: string }
  | { kind: 'misdispatched'; remark: string };

export type OutcomeKind = CompletionOutcome['kind'];

export const COMPLAINT_OUTCOMES: readonly OutcomeKind[] = [
  'resolved',
  'unresolved_to_fault',
  'reschedule',
  'cannot_resolve',
  'misdispatched',
];

/** WO-07: every completion records the handler (the actor), contact, handling time and remarks. */
export interface Completion {
  customerContacted: boolean;
  handlingMinutes: number;
  remark: string;
  outcome: CompletionOutcome;
  /** CB-01: the engineer is not sure the fix holds — a callback 2–3 h later (callback rules) checks it. */
  uncertainFix?: boolean | undefined;
}

export function allowedOutcomes(type: WorkOrderType): readonly OutcomeKind[] {
  return type === 'complaint' ? COMPLAINT_OUTCOMES : ['done'];
}

/** The state a completion leads to: only real completions leave the working states. */
export function statusAfterCompletion(outcome: CompletionOutcome): WorkOrderStatus {
  switch (outcome.kind) {
    case 'reschedule':
      return 'appointment_confirmed';
    case 'misdispatched':
      return 'triaged';
    default:
      return 'completed';
  }
}

export function checkCompletion(type: WorkOrderType, c: Completion, causeCodes: readonly string[]): void {
  if (!allowedOutcomes(type).includes(c.outcome.kind)) {
    throw new DomainError('WO_OUTCOME_NOT_ALLOWED', `Outcome "${c.outcome.kind}" is not allowed for a ${type} order`, {
      allowed: allowedOutcomes(type),
    });
  }
  if (!Number.isInteger(c.handlingMinutes) || c.handlingMinutes < 0) {
    throw new DomainError('VALIDATION_FAILED', 'Handling time must be a whole number of minutes', {
      field: 'handlingMinutes',
    });
  }
  if (c.outcome.kind === 'resolved' && !causeCodes.includes(c.outcome.causeCode)) {
    throw new DomainError('WO_REASON_UNKNOWN', `Unknown cause "${c.outcome.causeCode}"`, { allowed: causeCodes });
  }
  if (c.outcome.kind === 'reschedule' && c.outcome.window.end <= c.outcome.window.start) {
    throw new DomainError('VALIDATION_FAILED', 'The new time slot must end after it starts', { field: 'window' });
  }
}
