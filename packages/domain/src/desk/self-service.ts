import type { WorkOrderStatus } from '../work-order/work-order.types.js';
import type { DeskPolicy } from './desk-policy.js';

/**
 * DESK-06 customer self-service rules, pure: link validity, the urge (催办) interval, when a rating
 * is accepted, and how the order's history reads to a customer (plain words, no staff details).
 */

/** When a link issued at `issuedAt` stops working. */
export function selfServiceLinkExpiry(issuedAt: Date, policy: DeskPolicy): Date {
  return new Date(issuedAt.getTime() + policy.selfServiceLinkValidDays * 86_400_000);
}

export type UrgeDecision = { allowed: true } | { allowed: false; nextAllowedAt: Date };

/** A customer may urge once per policy interval; the first urge is always allowed. */
export function decideUrge(lastUrgeAt: Date | null, now: Date, policy: DeskPolicy): UrgeDecision {
  if (!lastUrgeAt) return { allowed: true };
  const next = new Date(lastUrgeAt.getTime() + policy.urgeMinIntervalMinutes * 60_000);
  return now.getTime() >= next.getTime() ? { allowed: true } : { allowed: false, nextAllowedAt: next };
}

/** States in which the work is done and the customer may rate it. */
export const RATEABLE_STATUSES: readonly WorkOrderStatus[] = ['completed', 'callback', 'closed'];

/** States in which urging makes no sense any more (nothing left to hurry). */
export const URGE_CLOSED_STATUSES: readonly WorkOrderStatus[] = ['completed', 'callback', 'closed', 'cancelled'];

/** What a customer reads for a state of their order. */
export const CUSTOMER_STATUS_WORDS: Readonly<Record<WorkOrderStatus, { 'zh-CN': string; en: string }>> = {
  created: { 'zh-CN': '已受理，正在安排', en: 'Received, being arranged' },
  triaged: { 'zh-CN': '已受理，正在安排', en: 'Received, being arranged' },
  assigned: { 'zh-CN': '正在安排工程师', en: 'Assigning an engineer' },
  taken: { 'zh-CN': '工程师已接单', en: 'An engineer has taken your request' },
  returned: { 'zh-CN': '正在重新安排工程师', en: 'Re-assigning an engineer' },
  appointment_confirmed: { 'zh-CN': '已预约上门时间', en: 'Visit time agreed' },
  en_route: { 'zh-CN': '工程师正在赶来', en: 'The engineer is on the way' },
  on_site: { 'zh-CN': '工程师正在现场处理', en: 'The engineer is working on site' },
  suspended: { 'zh-CN': '处理暂停，等待条件具备', en: 'Paused until the work can go on' },
  completed: { 'zh-CN': '已处理完成', en: 'Done' },
  callback: { 'zh-CN': '已完成，等待回访', en: 'Done, we will call you to check' },
  closed: { 'zh-CN': '已结束', en: 'Closed' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

/** Only the family name is shown: 张伟 → 张工; an ASCII name keeps its first letter. */
export function maskEngineerName(name: string | null): string | null {
  if (!name) return null;
  const first = [...name.trim()][0];
  if (!first) return null;
  return /[\u4e00-\u9fff]/u.test(first) ? `${first}工` : `${first.toUpperCase()}.`;
}
