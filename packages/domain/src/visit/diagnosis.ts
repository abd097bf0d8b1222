import { CAUSE_CATEGORIES, type CauseCategory } from '../desk/scripts-library.js';
import { DomainError } from '../shared/errors.js';
import type { WorkOrder } from '../work-order/work-order.types.js';
import type { VisitPolicy } from './visit-policy.js';

/**
 * ENG-05: whether the engineer saw the reported symptom. "Intermittent" is its own answer because a
 * field engineer watching a line for half an hour often sees it drop once and then behave — neither a
 * clean yes nor a no, and it is what the next visit needs to know.
 */
export const SYMPTOM_REPRODUCED = ['yes', 'no', 'intermittent'] as const;
export type SymptomReproduced = (typeof SYMPTOM_REPRODUCED)[number];

/** ENG-05: the diagnosis as the engineer records it on site (an internal record, never shown to the customer). */
export interface DiagnosisInput {
  symptomReproduced: SymptomReproduced;
  /** Minutes spent watching for the symptom, 0..policy `diagnosis.maxObservedMinutes`. */
  observedMinutes: number;
  causeCategory: CauseCategory;
  /** What was found (free text). */
  finding: string;
}

/** ENG-05: a known answer and cause, a finding, and an observation no longer than the policy allows. */
export function checkDiagnosis(policy: VisitPolicy, input: DiagnosisInput): void {
  if (!SYMPTOM_REPRODUCED.includes(input.symptomReproduced)) {
    throw new DomainError('VALIDATION_FAILED', 'Say whether the symptom was reproduced', {
      field: 'symptomReproduced',
      allowed: SYMPTOM_REPRODUCED,
    });
  }
  if (!CAUSE_CATEGORIES.includes(input.causeCategory)) {
    throw new DomainError('VALIDATION_FAILED', `Unknown cause category "${String(input.causeCategory)}"`, {
      field: 'causeCategory',
      allowed: CAUSE_CATEGORIES,
    });
  }
  if (!Number.isInteger(input.observedMinutes) || input.observedMinutes < 0) {
    throw new DomainError('VALIDATION_FAILED', 'Observed minutes are a whole number from 0', {
      field: 'observedMinutes',
    });
  }
  const max = policy.diagnosis.maxObservedMinutes;
  if (input.observedMinutes > max) {
    throw new DomainError('WO_OBSERVATION_TOO_LONG', `The symptom is observed for at most ${max} minutes`, {
      field: 'observedMinutes',
      maxObservedMinutes: max,
    });
  }
  if (!input.finding.trim()) {
    throw new DomainError('VALIDATION_FAILED', 'Write down what was found', { field: 'finding' });
  }
}

/**
 * ENG-05: refuses completing an order of a type the policy names after a visit (`visited`: the
 * engineer checked in on site on the current trip) while no diagnosis was recorded on that trip. An
 * order resolved without a visit (remotely, or called off on the way) has no on-site diagnosis to give.
 */
export function assertDiagnosisRecorded(
  policy: VisitPolicy,
  order: Pick<WorkOrder, 'type'>,
  visit: { visited: boolean; diagnosed: boolean },
): void {
  if (!policy.diagnosis.requiredFor.includes(order.type) || !visit.visited || visit.diagnosed) return;
  throw new DomainError('WO_DIAGNOSIS_MISSING', 'Record the diagnosis of this visit before completing', {
    field: 'diagnosis',
    orderType: order.type,
  });
}
