import { DomainError } from '../shared/errors.js';
import type { SlaContractRef } from './clock.types.js';
import type { SlaPolicy } from './sla-policy.js';

/**
 * SLA-02 "by contract": which service contract a new order names. The desk may name one of the tenant's
 * contracts or none (null); when it says nothing the order takes the customer's recorded contract — as
 * long as the tenant's current policy still has it (a contract removed from the policy is no contract).
 */
export function contractForNewOrder(
  policy: Pick<SlaPolicy, 'contracts'>,
  given: string | null | undefined,
  customerContractId: string | null,
): string | null {
  if (given === null) return null;
  if (given === undefined) return contractRef(policy, customerContractId)?.id ?? null;
  if (!contractRef(policy, given)) {
    throw new DomainError('VALIDATION_FAILED', 'No such service contract in the current SLA policy', {
      field: 'contractId',
    });
  }
  return given;
}

/** The contract with this id in the policy, as orders and screens show it; null for none or unknown. */
export function contractRef(
  policy: Pick<SlaPolicy, 'contracts'>,
  id: string | null | undefined,
): SlaContractRef | null {
  const c = id ? policy.contracts.find((x) => x.id === id) : undefined;
  return c ? { id: c.id, code: c.code, name: c.name } : null;
}
