import type { LabelledCode, OutcomeKind } from '@daowei/domain';
import type { TFunction } from 'i18next';
import { codeLabel } from '../i18n/useLabels';
import type { OrderEvent } from '../api';
import { formatWindow, isWindow } from './format';
import { summarizeArrival, summarizeDiagnosis, summarizeNoAccess } from './visitEventSummary';

export interface SummaryLine {
  label: string;
  value: string;
}

interface Lists {
  returnReasons?: readonly LabelledCode[];
  complaintCauses?: readonly LabelledCode[];
  personName?: (id: string) => string | undefined;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** A short, human reading of an event's payload for the timeline (reason, remark, slot, outcome…). */
export function summarizeEvent(e: OrderEvent, t: TFunction, lists: Lists): SummaryLine[] {
  const p = e.payload ?? {};
  const out: SummaryLine[] = [];
  const push = (label: string, value: string | null) => value && out.push({ label, value });

  if (str(p.toPersonId) || str(p.toUnitId)) {
    const id = (str(p.toPersonId) ?? str(p.toUnitId))!;
    push(t('timeline.target'), str(p.toName) ?? lists.personName?.(id) ?? id);
  }
  if (str(p.reasonCode)) push(t('timeline.reasonCode'), codeLabel(lists.returnReasons, p.reasonCode as string));
  if (e.action === 'suspend' && str(p.reason)) {
    push(t('timeline.reason'), t(`suspendReasons.${p.reason as 'waiting_parts'}`, { defaultValue: p.reason }));
  } else push(t('timeline.reason'), str(p.reason));
  if (isWindow(p.window)) push(t('timeline.window'), formatWindow(p.window));
  if (e.action === 'reschedule' && str(p.askedBy)) push(t('forms.askedBy'), t(`askedBy.${p.askedBy as 'us'}`));
  const completion = p.completion as Record<string, unknown> | undefined;
  if (completion && typeof completion === 'object') out.push(...summarizeCompletion(completion, t, lists));
  if (e.action === 'arrive') out.push(...summarizeArrival(p, t)); // APT-04, ENG-07
  if (e.action === 'no_access') out.push(...summarizeNoAccess(p, t)); // APT-03
  if (e.action === 'diagnosis') out.push(...summarizeDiagnosis(p, t)); // ENG-05
  push(t('timeline.remark'), str(p.remark));
  push(t('timeline.linkedFault'), str(p.linkedFaultNumber));
  push(t('timeline.fromComplaint'), str(p.fromComplaintNumber));
  if (str(p.repeatOfOrderId)) push(t('timeline.repeat'), str(p.repeatOfOrderNumber) ?? t('common.yes'));
  return out;
}

function summarizeCompletion(c: Record<string, unknown>, t: TFunction, lists: Lists): SummaryLine[] {
  const out: SummaryLine[] = [];
  const o = (c.outcome ?? {}) as Record<string, unknown>;
  const kind = str(o.kind) as OutcomeKind | null;
  if (kind) out.push({ label: t('timeline.outcome'), value: t(`outcomes.${kind}`) });
  if (typeof c.handlingMinutes === 'number') {
    out.push({ label: t('timeline.handling'), value: t('common.minutes', { count: c.handlingMinutes }) });
  }
  if (typeof c.customerContacted === 'boolean') {
    out.push({ label: '', value: c.customerContacted ? t('timeline.contacted') : t('timeline.notContacted') });
  }
  if (str(o.causeCode))
    out.push({ label: t('forms.cause'), value: codeLabel(lists.complaintCauses, o.causeCode as string) });
  for (const [key, label] of [
    ['solution', t('forms.solution')],
    ['steps', t('forms.steps')],
    ['reason', t('forms.rescheduleReason')],
    ['explanation', t('forms.explanation')],
    ['remark', t('forms.misdispatchRemark')],
  ] as const) {
    const v = str(o[key]);
    if (v) out.push({ label, value: v });
  }
  if (isWindow(o.window)) out.push({ label: t('timeline.window'), value: formatWindow(o.window) });
  if (str(c.remark)) out.push({ label: t('timeline.remark'), value: c.remark as string });
  return out;
}
