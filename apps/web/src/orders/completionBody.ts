import type { CompletionOutcome, OutcomeKind, WorkOrderType } from '@daowei/domain';
import type { WindowView } from '../api';
import { type SlotId, slotWindow } from './timeSlots';

/** What the completion forms (console and phone) collect; turned into the API body by `completionBody`. */
export interface CompletionValues {
  customerContacted: boolean;
  handlingMinutes: number;
  remark: string;
  outcome?: OutcomeKind;
  causeCode?: string;
  solution?: string;
  steps?: string;
  reason?: string;
  date?: string; // YYYY-MM-DD
  slot?: SlotId;
  explanation?: string;
  misdispatchRemark?: string;
  /** CB-01: not sure the fix holds (a callback 2–3 h later). */
  uncertainFix?: boolean;
}

/** WO-07: the body of POST …/actions/complete. */
export function completionBody(type: WorkOrderType, v: CompletionValues) {
  const kind: OutcomeKind = type === 'complaint' ? (v.outcome ?? 'resolved') : 'done';
  return {
    customerContacted: Boolean(v.customerContacted),
    handlingMinutes: Number(v.handlingMinutes),
    remark: (v.remark ?? '').trim(),
    outcome: outcomeOf(kind, v),
    ...(v.uncertainFix ? { uncertainFix: true } : {}),
  };
}

/** The API takes the window as ISO strings. */
export type OutcomeBody =
  Exclude<CompletionOutcome, { kind: 'reschedule' }> | { kind: 'reschedule'; reason: string; window: WindowView };

function outcomeOf(kind: OutcomeKind, v: CompletionValues): OutcomeBody {
  const s = (x: string | undefined) => (x ?? '').trim();
  switch (kind) {
    case 'done':
      return { kind };
    case 'resolved':
      return { kind, causeCode: v.causeCode ?? '', solution: s(v.solution), steps: s(v.steps) };
    case 'unresolved_to_fault':
      return { kind, steps: s(v.steps) };
    case 'reschedule':
      return { kind, reason: s(v.reason), window: slotWindow(v.date ?? '', v.slot ?? '08-10') };
    case 'cannot_resolve':
      return { kind, explanation: s(v.explanation) };
    case 'misdispatched':
      return { kind, remark: s(v.misdispatchRemark) };
  }
}
