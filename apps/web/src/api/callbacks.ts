import { apiRequest } from './http';
import type { WorkOrderView } from './types';

/** CB-01/02 answers (docs/api.md "Callbacks"). */
export type Satisfaction = 'very_satisfied' | 'satisfied' | 'neutral' | 'dissatisfied';
export type AttemptResult = 'reached' | 'no_answer' | 'busy' | 'call_back_later';

export interface CallbackTaskView {
  id: string;
  orderId: string;
  kind: 'satisfaction' | 'spot_check';
  ruleKey: string;
  ruleId: string;
  reason: { 'zh-CN': string; en: string };
  raisedAt: string;
  notBefore: string;
  dueAt: string;
  blocksClose: boolean;
  state: 'open' | 'done' | 'unreachable';
  unansweredAttempts: number;
  callBackAt: string | null;
  satisfaction: Satisfaction | null;
  consequence: string | null;
  /** CB-03 spot-check answer and the VND-01 case a mismatch recorded. */
  spotCheckMatches?: boolean | null;
  vendorReport?: string | null;
  truth?: string | null;
  assessmentCaseId?: string | null;
  attempts: { seq: number; result: AttemptResult; callBackAt: string | null; note: string | null; at: string }[];
  order?: WorkOrderView;
}

export interface OutcomeInput {
  satisfaction: Satisfaction;
  problemSolved: boolean;
  rootCause?: string;
  suggestion?: string;
  remark?: string;
  improvementAction?: { ownerId?: string; measure?: string; dueDate?: string };
}

export const callbacksApi = {
  queue: (state: 'open' | 'done' | 'unreachable', kind?: 'satisfaction' | 'spot_check') =>
    apiRequest<{ now: string; items: CallbackTaskView[] }>('GET', '/callbacks', { query: { state, kind, limit: 200 } }),
  spotCheck: (
    id: string,
    body: { matchesVendorReport: boolean; vendorReport?: string; truth?: string; note?: string },
    idempotencyKey: string,
  ) =>
    apiRequest<CallbackTaskView>('POST', `/callbacks/${encodeURIComponent(id)}/spot-check`, { body, idempotencyKey }),
  sweepSpotChecks: () => apiRequest<{ created: number }>('POST', '/callbacks/spot-checks/sweep'),
  attempt: (id: string, body: { result: AttemptResult; callBackAt?: string; note?: string }, idempotencyKey: string) =>
    apiRequest<CallbackTaskView>('POST', `/callbacks/${encodeURIComponent(id)}/attempts`, { body, idempotencyKey }),
  outcome: (id: string, body: OutcomeInput, idempotencyKey: string) =>
    apiRequest<CallbackTaskView>('POST', `/callbacks/${encodeURIComponent(id)}/outcome`, { body, idempotencyKey }),
};
