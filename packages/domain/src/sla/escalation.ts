import { localParts } from '../shared/local-time.js';
import type { SlaClock } from './clock.types.js';
import type { Lang } from './explain.js';
import type { EscalationTarget, EscalationTrigger } from './sla-policy.js';

/**
 * SLA-09 escalation: whom a clock's warning or breach is reported to, and the sentence they read. The
 * target is the clock's own definition snapshot (its policy version), so editing the policy pack
 * changes escalations of new or re-evaluated clocks only, like every other part of a promise.
 */
export function escalationOf(clock: SlaClock, trigger: EscalationTrigger): EscalationTarget | null {
  return clock.definition.escalate?.[trigger] ?? null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The notification text of an escalation, in the clock's zone (the due time people promised). */
export function escalationText(clock: SlaClock, trigger: EscalationTrigger, orderNumber: string): Record<Lang, string> {
  const p = localParts(clock.dueAt, clock.timeZone);
  const due = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
  const zh = clock.definition.label['zh-CN'];
  const en = clock.definition.label.en;
  return trigger === 'breach'
    ? {
        'zh-CN': `工单 ${orderNumber}「${zh}」已超时，期限为 ${due}，请跟进并填写超时原因。`,
        en: `Order ${orderNumber} "${en}" is overdue: it was due ${due}. Follow up and note the reason.`,
      }
    : {
        'zh-CN': `工单 ${orderNumber}「${zh}」即将超时，期限为 ${due}。`,
        en: `Order ${orderNumber} "${en}" is at risk: due ${due}.`,
      };
}
