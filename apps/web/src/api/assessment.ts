import { apiRequest } from './http';

/** VND-01 answers (docs/api.md "Vendor assessment"); amounts in integer fen. */
export type CaseStepKind = 'disputed' | 'review_started' | 'upheld' | 'reversed';

export interface AssessmentCaseView {
  id: string;
  event: string;
  vendorId: string;
  orderId: string;
  orderNumber: string | null;
  personId: string | null;
  occurredAt: string;
  evidence: string[];
  note: string | null;
  ruleId: string | null;
  lines: { party: 'vendor' | 'person'; amountFen: number; scorePoints?: number; personId?: string | null }[];
  state: 'assessed' | 'disputed' | 'in_review' | 'upheld' | 'reversed';
  history: { seq: number; kind: CaseStepKind; at: string; by: string; note: string }[];
}

export interface LedgerView {
  vendorId: string;
  month: string;
  totals: { vendorFen: number; personTotalFen: number; scorePoints: number; disputedFen: number };
  entries: {
    seq: number;
    kind: 'charge' | 'reversal';
    caseId: string;
    orderId: string;
    orderNumber: string | null;
    ruleId: string | null;
    at: string;
    party: 'vendor' | 'person';
    personId: string | null;
    amountFen: number;
    caseState: string;
  }[];
}

export interface WhatIfTotals {
  vendorFen: number;
  personFen: number;
  scorePoints: number;
  cases: number;
}

export interface AssessmentRuleInput {
  event: string;
  ruleId: string;
  label: { 'zh-CN': string; en: string };
  vendorFen: number;
  personFen: number;
  scorePoints: number;
}

export const assessmentApi = {
  cases: (month: string, vendorId?: string) =>
    apiRequest<{ items: AssessmentCaseView[] }>('GET', '/assessment/cases', { query: { month, vendorId } }),
  ledger: (month: string, vendorId: string) =>
    apiRequest<LedgerView>('GET', '/assessment/ledger', { query: { month, vendorId } }),
  step: (id: string, body: { kind: CaseStepKind; note: string }, idempotencyKey: string) =>
    apiRequest<AssessmentCaseView>('POST', `/assessment/cases/${encodeURIComponent(id)}/steps`, {
      body,
      idempotencyKey,
    }),
  whatIf: (
    month: string,
    vendorId: string | undefined,
    draft: { id: string; version: number; rules: AssessmentRuleInput[] },
  ) =>
    apiRequest<{ current: WhatIfTotals; draft: WhatIfTotals; delta: WhatIfTotals }>('POST', '/assessment/what-if', {
      body: { month, vendorId, draft },
    }),
  sweep: () => apiRequest<{ created: number }>('POST', '/assessment/sweep', { body: {} }),
};
