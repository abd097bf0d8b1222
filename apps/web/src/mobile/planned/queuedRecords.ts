import type { CareVisitDetail, InspectionDetail, Notice } from '../../api/plannedWork';
import type { OutboxItem } from '../offline/outbox';

/**
 * ENG-07: the care visit and the inspection as the phone expects them once their queued submissions are
 * applied, so the carer or inspector carries on offline (ticks → signature → evaluation; findings →
 * notice → the customer's answer). The server decides for real when the queue syncs; until then the
 * page marks what is still waiting. The `what` names are the outbox's, also shown in its list.
 */
export const PLANNED_WHAT = [
  'care_call',
  'care_ticks',
  'care_evaluation',
  'care_next',
  'finding',
  'notice',
  'notice_answer',
  'take_back',
  'give_back',
] as const;
export type PlannedWhat = (typeof PLANNED_WHAT)[number];

/** A call still waiting on the phone has this id prefix (the page marks it). */
export const QUEUED_ID = 'queued-';

export function withQueuedCare(d: CareVisitDetail, pending: readonly OutboxItem[]): CareVisitDetail {
  if (pending.length === 0) return d;
  const visit = { ...d.visit, ticks: { ...d.visit.ticks } };
  const calls = [...d.calls];
  for (const i of pending) {
    if (i.what === 'care_call') {
      const b = i.body as { outcome: string; note?: string; contents?: string[] };
      const confirms = d.phoneOutcomes.find((o) => o.code === b.outcome)?.confirms ?? false;
      calls.push({
        id: `${QUEUED_ID}${i.seq}`,
        outcome: b.outcome,
        confirms,
        note: b.note ?? null,
        calledAt: i.queuedAt,
      });
      if (confirms) {
        visit.contentConfirmedAt ??= i.queuedAt;
        if (b.contents) visit.contents = b.contents;
      }
    } else if (i.what === 'care_ticks') {
      for (const code of (i.body as { items: string[] }).items) visit.ticks[code] ??= i.queuedAt;
    } else if (i.what === 'care_evaluation') {
      const b = i.body as { condition: string; rating: number; note?: string };
      Object.assign(visit, {
        condition: b.condition,
        rating: b.rating,
        evaluationNote: b.note ?? null,
        evaluatedAt: i.queuedAt,
      });
    } else if (i.what === 'care_next') {
      visit.nextBookedAt = i.queuedAt;
    }
  }
  return { ...d, visit, calls };
}

/** When the customer signed, if the signature still waits on the phone. */
export const queuedSignature = (pending: readonly OutboxItem[]) =>
  pending.find((i) => i.what === 'confirmation')?.queuedAt ?? null;

export function withQueuedInspection(d: InspectionDetail, pending: readonly OutboxItem[]): InspectionDetail {
  if (pending.length === 0) return d;
  let findings = [...d.findings];
  let notice: Notice | null = d.notice;
  for (const i of pending) {
    if (i.what === 'finding') {
      const b = i.body as {
        item: string;
        result: 'ok' | 'hazard' | 'not_applicable';
        hazardLevel?: string;
        note?: string;
      };
      findings = findings.filter((f) => f.item !== b.item);
      findings.push({ item: b.item, result: b.result, hazardLevel: b.hazardLevel ?? null, note: b.note ?? null });
    } else if (i.what === 'notice' && !notice) {
      // Its number and deadline are the server's: an empty id marks a notice that still waits.
      notice = {
        id: '',
        orderId: d.orderId,
        number: '',
        hazards: findings
          .filter((f) => f.result === 'hazard')
          .map((f) => ({ item: f.item, level: f.hazardLevel ?? '', note: f.note })),
        deadline: '',
        issuedAt: i.queuedAt,
        signed: null,
        hasSignature: false,
        refusalReason: null,
        refusalNote: null,
        answeredAt: null,
        rectifiedAt: null,
        rectifiedNote: null,
        overdue: false,
      };
    } else if (i.what === 'notice_answer' && notice) {
      const b = i.body as { signature?: string; refusalReason?: string; refusalNote?: string };
      notice = {
        ...notice,
        signed: b.signature !== undefined,
        hasSignature: b.signature !== undefined,
        refusalReason: b.refusalReason ?? null,
        refusalNote: b.refusalNote ?? null,
        answeredAt: i.queuedAt,
      };
    }
  }
  return { ...d, findings, notice };
}
