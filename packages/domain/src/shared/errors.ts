/**
 * Domain errors carry a stable code. The HTTP layer maps codes to status codes in one place
 * (apps/server/src/http/error-map.ts); docs/errors.md lists every code.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'RATE_LIMITED',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_SESSION_EXPIRED',
  'ORG_POSITION_NOT_HELD',
  'ORG_PERSON_NOT_QUALIFIED',
  'ORG_EXTERNAL_ACCOUNT_TAKEN',
  'WO_INVALID_TRANSITION',
  'WO_ALREADY_TAKEN',
  'WO_NOT_HOLDER',
  'WO_REQUIRED_FIELD_MISSING',
  'WO_OUTCOME_NOT_ALLOWED',
  'WO_REASON_UNKNOWN',
  'WO_STALE_VERSION',
  'AUD_CHAIN_BROKEN',
  'INTERNAL',
  // PART-01..03 stock and borrowing
  'PART_OUT_OF_STOCK',
  'PART_UNIT_ELSEWHERE',
  'PART_PREVIOUS_NOT_RETURNED',
  'PART_NOT_SETTLED',
  'PART_MOVEMENT_NOT_ALLOWED',
  'PART_OVER_RETURN',
  // PAY-01/02 quotes and payments, WO-13 take-back
  'PAY_QUOTE_NOT_ACCEPTED',
  'PAY_QUOTE_DECIDED',
  'PAY_OVERPAID',
  'WO_TAKE_BACK_CLOSED',
  'WO_LOANER_NOT_BACK',
  // ENG-03/04/06, APT-04, WO-14 on-site visit
  'WO_ESCALATION_REQUIRED',
  'WO_BACKUP_NOT_CONFIRMED',
  'WO_ATTACHMENT_TOO_LARGE',
  'WO_ATTACHMENT_TYPE_REFUSED',
  'WO_SPEED_TEST_MISSING',
  // ENG-05 the engineer's diagnosis: observed too long, or a fault completed without one
  'WO_OBSERVATION_TOO_LONG',
  'WO_DIAGNOSIS_MISSING',
  // ENG-07 a submission queued offline that no longer fits the order
  'WO_OFFLINE_CONFLICT',
  // DESK-04 a customer-facing text with a forbidden phrase; DESK-06/SLA-07 a self-service move too late
  'DESK_FORBIDDEN_PHRASE',
  'DESK_RESCHEDULE_TOO_LATE',
  // DESK-06 a customer's own fault report while the same fault is open
  'DESK_DUPLICATE_REPORT',
  // DSP-04 a confirmed drag the engineer's day cannot take
  'DSP_INSERTION_REFUSED',
  // INT-01 a message template naming a fact its event does not have
  'NOTIFY_TEMPLATE_PLACEHOLDER',
  // CMP-01 a complaint closes only with the three principles and its callback
  'CMP_CLOSE_INCOMPLETE',
  'CMP_CLOSED',
  // WO-16 a care visit signed before its closing checks; WO-17 an inspection crew below the minimum
  'WO_CARE_CHECK_MISSING',
  'WO_INSPECTORS_REQUIRED',
  // APT-03 a no-access visit before the doorstep protocol is done
  'WO_NO_ACCESS_PROTOCOL',
  'WO_NO_ACCESS_TOO_SOON',
  'WO_NO_ACCESS_NOTE_PHOTO_MISSING',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
