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
  contradictsMap: boolean;
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

/** A row of the supervisor's queue: the claim with its order number, vendor and engineer. */
export interface CoverageClaimQueueRow extends CoverageClaimView {
  orderNumber: string;
  vendorId: string;
  vendorName: string;
  claimedByName: string;
}

export interface CoverageClaimQuery {
  state?: CoverageClaimView['state'] | undefined;
  kind?: CoverageClaimKind | undefined;
  vendorId?: string | undefined;
  limit?: number;
}

export const coverageClaimsApi = {
  list: (query: CoverageClaimQuery) =>
    apiRequest<{ items: CoverageClaimQueueRow[] }>('GET', '/coverage-claims', { query: { limit: 200, ...query } }),
  decide: (id: string, body: { decision: 'confirm' | 'reject'; note: string }, idempotencyKey: string) =>
    apiRequest<CoverageClaimView>('POST', `/coverage-claims/${encodeURIComponent(id)}/decision`, {
      body,
      idempotencyKey,
    }),
  close: (id: string, body: { note: string }, idempotencyKey: string) =>
    apiRequest<CoverageClaimView>('POST', `/coverage-claims/${encodeURIComponent(id)}/close`, { body, idempotencyKey }),
  ofOrder: (orderId: string) =>
    apiRequest<{ items: CoverageClaimView[] }>('GET', `/work-orders/${orderId}/coverage-claims`),
  claim: (orderId: string, body: ClaimInput, idempotencyKey: string) =>
    apiRequest<CoverageClaimView>('POST', `/work-orders/${orderId}/coverage-claims`, { body, idempotencyKey }),
};
