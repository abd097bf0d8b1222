import type { AssessmentEventKind } from '../assessment/assessment-rules.js';
import { DomainError } from '../shared/errors.js';
import { isIsoDate } from '../shared/local-time.js';
import type { Satisfaction } from '../kpi/kpi-facts.js';
import type { CallbackRules } from './callback-rules.js';
import type { CallbackTask } from './callback-tasks.js';

/**
 * CB-02/CB-03: what a callback found and what follows from it, decided purely. The server records the
 * answer as an event and carries out the consequence (reopen, book a revisit, open an assessment case).
 */

export type CallbackAnswer =
  | { kind: 'not_reached'; note?: string }
  | {
      kind: 'answered';
      satisfaction: Satisfaction;
      /** The customer says the problem itself is solved (a dissatisfied customer may still have a working line). */
      problemSolved: boolean;
      rootCause?: string;
      suggestion?: string;
      remark?: string;
    }
  | { kind: 'spot_check'; matchesVendorReport: boolean; vendorReport?: string; truth?: string };

/** The start of a VND-01 case: the assessment turns it into money with the rules in force. */
export interface AssessmentTrigger {
  event: AssessmentEventKind;
  orderId: string;
  ruleId: string;
  evidence: string;
}

export type CallbackConsequence =
  | { kind: 'retry'; attempt: number }
  | { kind: 'unreachable'; attempt: number }
  | { kind: 'close_allowed' }
  /** Not fixed: the order goes back to work. */
  | { kind: 'reopen'; improvementActionRequired: true }
  /** Fixed but unhappy with the service: someone goes back until the customer is satisfied [001]. */
  | { kind: 'revisit'; improvementActionRequired: true }
  | { kind: 'spot_check_ok' }
  | { kind: 'assessment'; trigger: AssessmentTrigger };

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

function refuse(field: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', message, { field });
}

/**
 * Validates an answer for a task and decides the consequence. `attempt` is this attempt's number
 * (1 for the first call); after `rules.maxAttempts` unanswered calls the task is given up as unreachable.
 */
export function decideCallbackOutcome(
  task: Pick<CallbackTask, 'orderId' | 'kind'>,
  answer: CallbackAnswer,
  attempt: number,
  rules: Pick<CallbackRules, 'maxAttempts'>,
): CallbackConsequence {
  if (!Number.isInteger(attempt) || attempt < 1) refuse('attempt', 'Attempt numbers start at 1');
  if (answer.kind === 'not_reached') {
    return attempt >= rules.maxAttempts ? { kind: 'unreachable', attempt } : { kind: 'retry', attempt };
  }
  if (answer.kind === 'spot_check') {
    if (task.kind !== 'spot_check') refuse('kind', 'A spot-check answer belongs to a spot-check task');
    if (answer.matchesVendorReport) return { kind: 'spot_check_ok' };
    if (blank(answer.truth)) refuse('truth', 'Say what the customer reported, to set against the vendor’s report');
    return {
      kind: 'assessment',
      trigger: {
        event: 'vendor_report_differs',
        orderId: task.orderId,
        ruleId: 'CB-03',
        evidence: `vendor: ${answer.vendorReport?.trim() || '—'}; customer: ${answer.truth!.trim()}`,
      },
    };
  }
  if (task.kind !== 'satisfaction') refuse('kind', 'A satisfaction answer belongs to a satisfaction callback');
  if (answer.satisfaction === 'dissatisfied') {
    // CB-02: dissatisfaction without its cause and the customer's suggestion teaches nothing.
    if (blank(answer.rootCause)) refuse('rootCause', 'A dissatisfied answer needs the root cause');
    if (blank(answer.suggestion)) refuse('suggestion', 'A dissatisfied answer needs the customer’s suggestion');
    return answer.problemSolved
      ? { kind: 'revisit', improvementActionRequired: true }
      : { kind: 'reopen', improvementActionRequired: true };
  }
  return { kind: 'close_allowed' };
}

/** CB-02: the improvement action a dissatisfied callback requires before the follow-up is done. */
export interface ImprovementAction {
  ownerId: string;
  measure: string;
  /** ISO date by which the measure is in place. */
  dueDate: string;
}

export function checkImprovementAction(a: Partial<ImprovementAction>): asserts a is ImprovementAction {
  if (blank(a.ownerId)) refuse('ownerId', 'An improvement action needs an owner');
  if (blank(a.measure)) refuse('measure', 'An improvement action needs a measure');
  if (a.dueDate === undefined || !isIsoDate(a.dueDate)) refuse('dueDate', 'An improvement action needs a due date');
}
