import { DomainError } from '../shared/errors.js';
import { addDays } from '../shared/local-time.js';
import type { PlannedWorkPolicy } from './planned-policy.js';

/**
 * WO-17: planned inspections — which targets of a yearly plan are due for an order, the crew of at
 * least the policy's number of inspectors, findings per item, and the rectification notice: its
 * deadline from the hazard levels and the customer's answer (signature, or a refusal with its reason;
 * never forced).
 */
type InspectionPolicy = PlannedWorkPolicy['inspection'];

/** WO-17: fewer distinct inspectors than the policy asks is refused with WO_INSPECTORS_REQUIRED. */
export function assertInspectorCrew(policy: InspectionPolicy, personIds: readonly string[]): void {
  const distinct = new Set(personIds).size;
  if (distinct < policy.minInspectors || distinct !== personIds.length) {
    throw new DomainError(
      'WO_INSPECTORS_REQUIRED',
      `An inspection needs at least ${policy.minInspectors} different inspectors`,
      { required: policy.minInspectors, given: distinct },
    );
  }
}

/** `YYYY-MM` of a plan month. */
export const planMonth = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** A target is due for its order when its month is no later than today's month plus the look-ahead. */
export function isTargetDue(policy: InspectionPolicy, year: number, month: number, today: string): boolean {
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const horizon = ty * 12 + (tm - 1) + policy.generateMonthsAhead;
  return year * 12 + (month - 1) <= horizon;
}

/** First and last day of a plan month (the inspection's period). */
export function monthBounds(year: number, month: number): { from: string; to: string } {
  const from = `${planMonth(year, month)}-01`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from, to: `${planMonth(year, month)}-${String(last).padStart(2, '0')}` };
}

export interface Finding {
  item: string;
  result: 'ok' | 'hazard' | 'not_applicable';
  hazardLevel: string | null;
}

/** A finding names a known item; a hazard names a known level, anything else none. */
export function checkFinding(policy: InspectionPolicy, f: Finding): void {
  if (!policy.items.some((i) => i.code === f.item)) {
    throw new DomainError('VALIDATION_FAILED', `Unknown inspection item "${f.item}"`, { field: 'item' });
  }
  if (f.result === 'hazard' && !policy.hazardLevels.some((h) => h.code === f.hazardLevel)) {
    throw new DomainError('VALIDATION_FAILED', 'A hazard needs its level', { field: 'hazardLevel' });
  }
  if (f.result !== 'hazard' && f.hazardLevel) {
    throw new DomainError('VALIDATION_FAILED', 'Only a hazard has a level', { field: 'hazardLevel' });
  }
}

/** The notice's deadline: the issue day plus the shortest rectification time of its hazards. */
export function rectificationDeadline(policy: InspectionPolicy, issuedOn: string, levels: readonly string[]): string {
  const days = levels.map((l) => policy.hazardLevels.find((h) => h.code === l)?.rectifyDays);
  if (days.length === 0 || days.some((d) => d === undefined)) {
    throw new DomainError('VALIDATION_FAILED', 'A notice needs at least one hazard of a known level', {
      field: 'hazards',
    });
  }
  return addDays(issuedOn, Math.min(...(days as number[])));
}

export interface NoticeAnswer {
  signed: boolean;
  refusalReason: string | null;
  refusalNote: string | null;
}

/**
 * The customer signs, or refuses — then the reason is recorded (a known reason; "other" needs the
 * words). Never both, never neither: nobody is made to sign.
 */
export function checkNoticeAnswer(policy: InspectionPolicy, a: NoticeAnswer): void {
  if (a.signed === (a.refusalReason !== null)) {
    throw new DomainError('VALIDATION_FAILED', 'Either the customer signs or the refusal reason is recorded', {
      field: 'refusalReason',
    });
  }
  if (a.refusalReason === null) return;
  if (!policy.refusalReasons.some((r) => r.code === a.refusalReason)) {
    throw new DomainError('VALIDATION_FAILED', `Unknown refusal reason "${a.refusalReason}"`, {
      field: 'refusalReason',
    });
  }
  if (a.refusalReason === 'other' && !a.refusalNote?.trim()) {
    throw new DomainError('VALIDATION_FAILED', 'Write down what the customer said', { field: 'refusalNote' });
  }
}

/** An open notice is overdue the day after its deadline. */
export const isNoticeOverdue = (n: { deadline: string; rectifiedAt: Date | null }, today: string) =>
  n.rectifiedAt === null && n.deadline < today;
