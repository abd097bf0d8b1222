import type { AppointmentWindow, WorkOrderStatus, WorkOrderType } from '../work-order/work-order.types.js';
import { isOpenStatus } from '../work-order/work-order.types.js';
import type { CallbackEvent, CallbackRule, CallbackRules } from './callback-rules.js';

/**
 * CB-01 and CB-03: the callback tasks an order event creates. Pure: the server calls it when the event
 * happens (passing that instant as `now`) and stores what it returns; a job calls `spotCheckTasks` daily.
 */

export interface CallbackOrderFacts {
  id: string;
  type: WorkOrderType;
  /** Someone was on site (an arrival was recorded); phone-only and carry-in work were not. */
  onSite: boolean;
}

export interface CallbackTask {
  /** Idempotency key: one task per order and rule, so a replayed event does not queue a second call. */
  key: string;
  orderId: string;
  /** `satisfaction`: a callback agent asks the customer (CB-02); `spot_check`: sales checks the vendor's report (CB-03). */
  kind: 'satisfaction' | 'spot_check';
  ruleKey: string;
  ruleId: string;
  rules: { id: string; version: number };
  reason: { 'zh-CN': string; en: string };
  createdAt: Date;
  /** Calling earlier would prove nothing (uncertain fixes are checked after 2 h). */
  notBefore: Date;
  dueAt: Date;
  /** The order may not close before the task is done. */
  blocksClose: boolean;
}

const MIN = 60_000;
const DAY_MS = 24 * 60 * MIN;

/** FNV-1a: a stable hash so a sample (share < 1) picks the same orders on every replay. */
function unitHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}

export function ruleMatches(rule: CallbackRule, order: CallbackOrderFacts, event: CallbackEvent): boolean {
  return (
    rule.event === event &&
    (rule.orderTypes === undefined || rule.orderTypes.includes(order.type)) &&
    (!rule.onSiteOnly || order.onSite)
  );
}

/** CB-01: the task (at most one per event: the first matching rule decides) an order event creates. */
export function callbackTasksFor(
  order: CallbackOrderFacts,
  event: CallbackEvent,
  rules: CallbackRules,
  now: Date,
): CallbackTask[] {
  const rule = rules.rules.find((r) => ruleMatches(r, order, event));
  if (!rule) return [];
  if (rule.share < 1 && unitHash(`${rule.key}:${order.id}`) >= rule.share) return [];
  return [
    {
      key: `${order.id}:${rule.key}`,
      orderId: order.id,
      kind: 'satisfaction',
      ruleKey: rule.key,
      ruleId: rule.ruleId,
      rules: { id: rules.id, version: rules.version },
      reason: rule.reason,
      createdAt: now,
      notBefore: new Date(now.getTime() + rule.notBeforeMinutes * MIN),
      dueAt: new Date(now.getTime() + rule.dueWithinMinutes * MIN),
      blocksClose: rule.blocksClose,
    },
  ];
}

export interface SpotCheckOrderFacts {
  id: string;
  type: WorkOrderType;
  status: WorkOrderStatus;
  acceptedAt: Date;
  appointment: AppointmentWindow | null;
  arrivedAt?: Date | null;
}

/**
 * CB-03: installs still open whose acceptance is near the 7-day limit, or whose appointment passed with
 * nobody arriving, are called by sales to check what the vendor reported ([000 篇2 三.1]).
 */
export function spotCheckTasks(
  orders: readonly SpotCheckOrderFacts[],
  rules: CallbackRules,
  now: Date,
): CallbackTask[] {
  const { limitDays, nearWithinDays, dueWithinMinutes } = rules.spotCheck;
  const tasks: CallbackTask[] = [];
  for (const o of orders) {
    if (o.type !== 'install' || !isOpenStatus(o.status)) continue;
    const age = now.getTime() - o.acceptedAt.getTime();
    const nearLimit = age >= (limitDays - nearWithinDays) * DAY_MS && age < limitDays * DAY_MS;
    const missedVisit = o.appointment != null && o.appointment.end.getTime() < now.getTime() && o.arrivedAt == null;
    if (!nearLimit && !missedVisit) continue;
    tasks.push({
      key: `${o.id}:spot_check`,
      orderId: o.id,
      kind: 'spot_check',
      ruleKey: 'spot_check',
      ruleId: 'CB-03',
      rules: { id: rules.id, version: rules.version },
      reason: nearLimit
        ? {
            'zh-CN': `受理临近${limitDays}天仍未装机,销售抽查回访`,
            en: `Install near the ${limitDays}-day limit: sales spot-check`,
          }
        : { 'zh-CN': '预约时间内未上门,销售抽查回访', en: 'Appointment missed: sales spot-check' },
      createdAt: now,
      notBefore: now,
      dueAt: new Date(now.getTime() + dueWithinMinutes * MIN),
      blocksClose: false,
    });
  }
  return tasks;
}

export interface CompletedOrderFacts {
  id: string;
  type: WorkOrderType;
  status: WorkOrderStatus;
  completedAt: Date | null;
}

/** The key of an order's sampled spot-check: one per order, whatever state the first one reached. */
export const sampledSpotCheckKey = (orderId: string): string => `${orderId}:spot_check_sample`;

/**
 * CB-03 sampling: of the orders completed between `afterDays − windowDays` and `afterDays` days before
 * `now` (not cancelled), the rules' share — chosen by a stable hash of the order id, so a daily sweep
 * run twice picks the same orders — gets a spot-check task for sales: does the vendor's report (done,
 * on time, what was fixed) match what the customer says? The caller skips orders that already had one.
 */
export function sampledSpotCheckTasks(
  orders: readonly CompletedOrderFacts[],
  rules: CallbackRules,
  now: Date,
): CallbackTask[] {
  const { sample, dueWithinMinutes } = rules.spotCheck;
  const oldest = now.getTime() - sample.afterDays * DAY_MS;
  const newest = now.getTime() - (sample.afterDays - sample.windowDays) * DAY_MS;
  const tasks: CallbackTask[] = [];
  for (const o of orders) {
    if (o.status === 'cancelled' || o.completedAt == null) continue;
    const done = o.completedAt.getTime();
    if (done < oldest || done >= newest) continue;
    if (sample.orderTypes && !sample.orderTypes.includes(o.type)) continue;
    if (unitHash(`spot_check_sample:${o.id}`) >= sample.share) continue;
    tasks.push({
      key: sampledSpotCheckKey(o.id),
      orderId: o.id,
      kind: 'spot_check',
      ruleKey: 'spot_check_sample',
      ruleId: 'CB-03',
      rules: { id: rules.id, version: rules.version },
      reason: {
        'zh-CN': `完工第${sample.afterDays}天抽查回访:核对代维回复与客户实际情况`,
        en: `Spot-check on day ${sample.afterDays} after completion: vendor's report against the customer's account`,
      },
      createdAt: now,
      notBefore: now,
      dueAt: new Date(now.getTime() + dueWithinMinutes * MIN),
      blocksClose: false,
    });
  }
  return tasks;
}
