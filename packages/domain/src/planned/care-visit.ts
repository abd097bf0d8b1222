import { DomainError } from '../shared/errors.js';
import type { PlannedWorkPolicy } from './planned-policy.js';

/**
 * WO-16: the rules of one care visit — the phone call that confirms the content beforehand, the
 * content and closing checks ticked on site, the customer's signature only once every closing check
 * (valuables first) is ticked, and the carer's evaluation.
 */
type CarePolicy = PlannedWorkPolicy['care'];

/** The phone outcome must be one of the policy's; answers whether it confirms the visit. */
export function checkPhoneOutcome(policy: CarePolicy, outcome: string): { confirms: boolean } {
  const known = policy.phoneOutcomes.find((o) => o.code === outcome);
  if (!known) throw new DomainError('VALIDATION_FAILED', `Unknown call outcome "${outcome}"`, { field: 'outcome' });
  return { confirms: known.confirms };
}

/** Agreement contents must come from the policy's catalogue, each once. */
export function checkAgreementContents(policy: CarePolicy, contents: readonly string[]): void {
  const unknown = contents.filter((c) => !policy.contents.some((p) => p.code === c));
  if (unknown.length || new Set(contents).size !== contents.length || contents.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'Pick each content of the list once', {
      field: 'contents',
      unknown,
    });
  }
}

/** What can be ticked on this visit: its contents and the policy's closing checks. */
export function checkVisitTicks(policy: CarePolicy, visitContents: readonly string[], codes: readonly string[]): void {
  const allowed = new Set([...visitContents, ...policy.closingChecks.map((c) => c.code)]);
  const unknown = codes.filter((c) => !allowed.has(c));
  if (unknown.length) {
    throw new DomainError('VALIDATION_FAILED', `Not part of this visit: ${unknown.join(', ')}`, {
      field: 'items',
      unknown,
    });
  }
}

/**
 * The customer signs only after every closing check was ticked (the valuables check protects both
 * the customer and the carer): otherwise WO_CARE_CHECK_MISSING names what is missing.
 */
export function assertClosingChecksDone(policy: CarePolicy, ticked: readonly string[]): void {
  const missing = policy.closingChecks.map((c) => c.code).filter((c) => !ticked.includes(c));
  if (missing.length) {
    throw new DomainError('WO_CARE_CHECK_MISSING', `Tick these before the customer signs: ${missing.join(', ')}`, {
      missing,
    });
  }
}

/** The carer's evaluation: a known condition and a rating on the policy's scale. */
export function checkEvaluation(policy: CarePolicy, e: { condition: string; rating: number }): void {
  if (!policy.conditions.some((c) => c.code === e.condition)) {
    throw new DomainError('VALIDATION_FAILED', `Unknown condition "${e.condition}"`, { field: 'condition' });
  }
  if (!Number.isInteger(e.rating) || e.rating < 1 || e.rating > policy.ratingMax) {
    throw new DomainError('VALIDATION_FAILED', `Rating is 1..${policy.ratingMax}`, { field: 'rating' });
  }
}
