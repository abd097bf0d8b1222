import { DomainError } from '../shared/errors.js';

/**
 * VND-01 disputes: a vendor may dispute a case; a reviewer takes it up and either upholds it or reverses
 * it. Each step is a new history entry (AUD-01 spirit): the case itself is never edited, and a reversal
 * adds a counter-entry to the ledger instead of deleting the charge.
 */

export type CaseState = 'assessed' | 'disputed' | 'in_review' | 'upheld' | 'reversed';

export interface CaseHistoryEvent {
  kind: 'disputed' | 'review_started' | 'upheld' | 'reversed';
  at: Date;
  /** Person id of whoever took the step (vendor manager, reviewer). */
  by: string;
  /** Why: the vendor's argument, the reviewer's finding. */
  note: string;
}

const NEXT: Record<CaseState, Partial<Record<CaseHistoryEvent['kind'], CaseState>>> = {
  assessed: { disputed: 'disputed' },
  disputed: { review_started: 'in_review' },
  in_review: { upheld: 'upheld', reversed: 'reversed' },
  upheld: {},
  reversed: {},
};

export function nextCaseState(state: CaseState, step: CaseHistoryEvent): CaseState {
  const to = NEXT[state][step.kind];
  if (!to) {
    throw new DomainError('CONFLICT', `A case that is ${state} cannot be ${step.kind.replace('_', ' ')}`, {
      state,
      step: step.kind,
    });
  }
  if (step.note.trim() === '') {
    throw new DomainError('VALIDATION_FAILED', 'Each dispute step needs a reason', { field: 'note' });
  }
  return to;
}

/** Replays a case's history in order; throws on a step out of order (dispute → review → upheld | reversed). */
export function caseState(history: readonly CaseHistoryEvent[]): CaseState {
  return history.reduce<CaseState>((s, e) => nextCaseState(s, e), 'assessed');
}
