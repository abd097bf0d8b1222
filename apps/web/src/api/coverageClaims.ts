import { apiRequest } from './http';

/** WO-09/10 answers (docs/api.md "Coverage claims"): the engineer's claim and the supervisor's decision. */
export type CoverageClaimKind = 'uncovered_address' | 'network_supplement';

export interface CoverageClaimView {
  id: string;
  orderId: string;
  kind: CoverageClaimKind;
  state: 'claimed' | 'confirmed' | 'rejected' | 'closed';
  reason: string;
  dropCableM: number | null;
  demandConfirmed: boolean | null;
  claimedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  dueAt: string | null;
  overdue: boolean;
  closedAt: string | null;
}

export interface ClaimInput {
  kind: CoverageClaimKind;
  reason: string;
  dropCableM?: number;
  demandConfirmed?: boolean;
}

export const coverageClaimsApi = {
  ofOrder: (orderId: string) =>
    apiRequest<{ items: CoverageClaimView[] }>('GET', `/work-orders/${orderId}/coverage-claims`),
  claim: (orderId: string, body: ClaimInput, idempotencyKey: string) =>
    apiRequest<CoverageClaimView>('POST', `/work-orders/${orderId}/coverage-claims`, { body, idempotencyKey }),
};
