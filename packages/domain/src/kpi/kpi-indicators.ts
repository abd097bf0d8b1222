import { addDays, localDate, localParts, zonedDateTime } from '../shared/local-time.js';
import type { KpiContext, KpiDefinition, KpiOrderFacts, KpiValue } from './kpi-facts.js';
import { inPeriod, kpiRate } from './kpi-facts.js';

/**
 * KPI-01: each indicator defined once. Every definition names the instant that places an order in a
 * period (its anchor) and its population, so a figure for a month equals the sum of its days and the
 * sum of its stations: there is one formula for the dashboard, the ranking and the drill-down.
 *
 * Cancelled orders never count: a cancellation means the job should not have existed (duplicate,
 * customer withdrew), so it is neither a success nor a failure of the service.
 */

const HOUR_MS = 60 * 60 * 1000;
const live = (o: KpiOrderFacts): boolean => o.status !== 'cancelled';
const zoneOf = (o: KpiOrderFacts, ctx: KpiContext): string => o.timeZone ?? ctx.policy.timeZone;

/** The same local time `days` calendar days later ("within 3 days" means by 10:15 on day 3 for 10:15). */
export function sameLocalTimeDaysLater(at: Date, days: number, timeZone: string): Date {
  const p = localParts(at, timeZone);
  const hhmm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  const base = zonedDateTime(addDays(localDate(at, timeZone), days), hhmm, timeZone);
  // Seconds and milliseconds are not part of HH:mm; carry them over so the offset is exact.
  return new Date(base.getTime() + p.second * 1000 + (at.getTime() % 1000));
}

/**
 * Population of a "done by a deadline" rate: live orders of the type accepted in the period that are
 * decided, i.e. finished, or past their deadline at `asOf`.
 */
function deadlineRate(
  orders: readonly KpiOrderFacts[],
  ctx: KpiContext,
  type: KpiOrderFacts['type'],
  deadlineOf: (o: KpiOrderFacts) => Date,
): KpiValue {
  const population = orders.filter(
    (o) =>
      o.type === type &&
      live(o) &&
      inPeriod(o.acceptedAt, ctx.period) &&
      (o.completedAt != null || deadlineOf(o).getTime() <= ctx.asOf.getTime()),
  );
  return kpiRate(population, (o) => o.completedAt != null && o.completedAt.getTime() <= deadlineOf(o).getTime());
}

export const installWithinDaysRate: KpiDefinition = {
  key: 'install_within_days_rate',
  ruleIds: ['KPI-01'],
  label: { 'zh-CN': '装机及时率(3天内装机率)', en: 'Install-within-3-days rate' },
  formula: {
    'zh-CN': '受理后N个自然日内(同一时刻前)完成的装机单数 ÷ 周期内受理且已可判定的装机单数',
    en: 'installs completed within N calendar days of acceptance ÷ decidable installs accepted in the period',
  },
  unit: 'ratio',
  compute: (orders, ctx) =>
    deadlineRate(orders, ctx, 'install', (o) =>
      sameLocalTimeDaysLater(o.acceptedAt, ctx.policy.installWithinDays, zoneOf(o, ctx)),
    ),
};

/** The point of the window by which an arrival is on time, grace included. */
function arrivalDeadline(o: KpiOrderFacts, ctx: KpiContext): Date | null {
  if (!o.appointment) return null;
  const edge = ctx.policy.onTimeArrival.by === 'window_start' ? o.appointment.start : o.appointment.end;
  return new Date(edge.getTime() + ctx.policy.onTimeArrival.graceMinutes * 60_000);
}

export const onTimeArrivalRate: KpiDefinition = {
  key: 'on_time_arrival_rate',
  ruleIds: ['KPI-01', 'SLA-07'],
  label: { 'zh-CN': '准时上门率', en: 'On-time arrival rate' },
  formula: {
    'zh-CN': '在预约时段内(含宽限)到达的工单数 ÷ 预约开始时间在周期内且已到达、已完成或已过时段的工单数',
    en: 'orders arrived within the agreed window (plus grace) ÷ orders whose window starts in the period and that arrived, were completed or whose window has passed',
  },
  unit: 'ratio',
  // A completed order nobody arrived at is decided (nobody came in its window), like a finished install
  // in the deadline rates: only open orders wait for their window to pass.
  compute: (orders, ctx) => {
    const population = orders.filter((o) => {
      const due = arrivalDeadline(o, ctx);
      return (
        due != null &&
        live(o) &&
        inPeriod(o.appointment?.start, ctx.period) &&
        (o.arrivedAt != null || o.completedAt != null || due.getTime() <= ctx.asOf.getTime())
      );
    });
    return kpiRate(
      population,
      (o) => o.arrivedAt != null && o.arrivedAt.getTime() <= arrivalDeadline(o, ctx)!.getTime(),
    );
  },
};

export const slaComplianceRate: KpiDefinition = {
  key: 'sla_compliance_rate',
  ruleIds: ['KPI-01', 'SLA-02'],
  label: { 'zh-CN': 'SLA达标率', en: 'SLA compliance' },
  formula: {
    'zh-CN': '达标的时限数 ÷ 截止时间在周期内的已判定时限数(达标+超时;豁免与计时中不计)',
    en: 'clocks met ÷ decided clocks due in the period (met + breached; excused and running left out)',
  },
  unit: 'ratio',
  // Counts clocks, not orders: an order with a hand-off clock and a repair clock makes two promises.
  compute: (orders, ctx) => {
    let met = 0;
    let decided = 0;
    const ids: string[] = [];
    for (const o of orders) {
      if (!live(o)) continue;
      let counted = false;
      for (const c of o.slaClocks ?? []) {
        if (!inPeriod(c.dueAt, ctx.period) || (c.outcome !== 'met' && c.outcome !== 'breached')) continue;
        decided += 1;
        if (c.outcome === 'met') met += 1;
        counted = true;
      }
      if (counted) ids.push(o.id);
    }
    return { value: decided === 0 ? null : met / decided, numerator: met, denominator: decided, orderIds: ids };
  },
};

const completedFaults = (orders: readonly KpiOrderFacts[], ctx: KpiContext): KpiOrderFacts[] =>
  orders.filter((o) => o.type === 'fault' && live(o) && inPeriod(o.completedAt, ctx.period));

export const averageFaultDurationHours: KpiDefinition = {
  key: 'average_fault_duration_hours',
  ruleIds: ['KPI-01', 'SLA-04'],
  label: { 'zh-CN': '故障平均处理时长(小时)', en: 'Average fault duration (hours)' },
  formula: {
    'zh-CN': '周期内完成的故障单(完成时间 − 受理时间)之和(小时) ÷ 故障单数',
    en: 'sum of (completed − accepted) in hours over faults completed in the period ÷ number of those faults',
  },
  unit: 'hours',
  compute: (orders, ctx) => {
    const faults = completedFaults(orders, ctx);
    const hours = faults.reduce((s, o) => s + (o.completedAt!.getTime() - o.acceptedAt.getTime()) / HOUR_MS, 0);
    return {
      value: faults.length === 0 ? null : hours / faults.length,
      numerator: hours,
      denominator: faults.length,
      orderIds: faults.map((o) => o.id),
    };
  },
};

export const faultResolvedWithinHoursRate: KpiDefinition = {
  key: 'fault_resolved_within_hours_rate',
  ruleIds: ['KPI-01'],
  label: { 'zh-CN': '24小时故障解决率', en: '24 h fault resolution rate' },
  formula: {
    'zh-CN': '受理后N小时内完成的故障单数 ÷ 周期内受理且已可判定的故障单数',
    en: 'faults completed within N hours of acceptance ÷ decidable faults accepted in the period',
  },
  unit: 'ratio',
  compute: (orders, ctx) =>
    deadlineRate(
      orders,
      ctx,
      'fault',
      (o) => new Date(o.acceptedAt.getTime() + ctx.policy.faultResolutionHours * HOUR_MS),
    ),
};

export const firstTimeFixRate: KpiDefinition = {
  key: 'first_time_fix_rate',
  ruleIds: ['KPI-01'],
  label: { 'zh-CN': '一次修复率', en: 'First-time-fix rate' },
  formula: {
    'zh-CN': '首次上门即修复的故障单数 ÷ 周期内完成且已记录是否一次修复的故障单数',
    en: 'faults fixed on the first visit ÷ faults completed in the period with the first-visit fact recorded',
  },
  unit: 'ratio',
  compute: (orders, ctx) =>
    kpiRate(
      completedFaults(orders, ctx).filter((o) => o.firstVisitResolved != null),
      (o) => o.firstVisitResolved === true,
    ),
};

export const repeatFaultRate: KpiDefinition = {
  key: 'repeat_fault_rate',
  ruleIds: ['KPI-01', 'WO-12'],
  label: { 'zh-CN': '重复报障率', en: 'Repeat fault rate' },
  formula: {
    'zh-CN': '周期内受理的故障单中被标记为重复报障的数量 ÷ 周期内受理的故障单数',
    en: 'faults accepted in the period flagged as repeats ÷ faults accepted in the period',
  },
  unit: 'ratio',
  compute: (orders, ctx) =>
    kpiRate(
      orders.filter((o) => o.type === 'fault' && live(o) && inPeriod(o.acceptedAt, ctx.period)),
      (o) => o.repeatOfOrderId != null,
    ),
};

export const complaintsPerUsers: KpiDefinition = {
  key: 'complaints_per_users',
  ruleIds: ['KPI-01'],
  label: { 'zh-CN': '万投比', en: 'Complaints per 10,000 users' },
  formula: {
    'zh-CN': '周期内受理的投诉单数 ÷ 范围内的客户数 × 10000',
    en: 'complaints accepted in the period ÷ customers in the scope × 10,000',
  },
  unit: 'per_users',
  // "Users" are the customers on record in the scope (tenant; a vendor, station or area through the
  // customer's area); an engineer serves no users of his own, so his scope's users are counted.

  compute: (orders, ctx) => {
    const complaints = orders.filter((o) => o.type === 'complaint' && live(o) && inPeriod(o.acceptedAt, ctx.period));
    const users = ctx.subscribers ?? 0;
    return {
      value: users > 0 ? (complaints.length / users) * ctx.policy.complaintsPerUsers : null,
      numerator: complaints.length,
      denominator: users,
      orderIds: complaints.map((o) => o.id),
    };
  },
};

const completedInPeriod = (orders: readonly KpiOrderFacts[], ctx: KpiContext): KpiOrderFacts[] =>
  orders.filter((o) => live(o) && inPeriod(o.completedAt, ctx.period));

export const callbackCompletionRate: KpiDefinition = {
  key: 'callback_completion_rate',
  ruleIds: ['KPI-01', 'CB-01'],
  label: { 'zh-CN': '回访完成率', en: 'Callback completion rate' },
  formula: {
    'zh-CN': '已完成回访的工单数 ÷ 周期内完成且需回访的工单数',
    en: 'orders called back ÷ orders completed in the period that required a callback',
  },
  unit: 'ratio',
  compute: (orders, ctx) =>
    kpiRate(
      completedInPeriod(orders, ctx).filter((o) => o.callback?.required === true),
      (o) => o.callback?.done === true,
    ),
};

export const satisfactionRate: KpiDefinition = {
  key: 'satisfaction_rate',
  ruleIds: ['KPI-01', 'CB-02'],
  label: { 'zh-CN': '满意率', en: 'Satisfaction rate' },
  formula: {
    'zh-CN': '回访答复为非常满意或满意的工单数 ÷ 周期内完成且回访有满意度答复的工单数',
    en: 'callbacks answered very satisfied or satisfied ÷ orders completed in the period with a satisfaction answer',
  },
  unit: 'ratio',
  compute: (orders, ctx) =>
    kpiRate(
      completedInPeriod(orders, ctx).filter((o) => o.callback?.done === true && o.callback.satisfaction != null),
      (o) => ctx.policy.satisfiedLevels.includes(o.callback!.satisfaction!),
    ),
};

export const partsHitRate: KpiDefinition = {
  key: 'parts_hit_rate',
  ruleIds: ['KPI-01', 'PART-05'],
  label: { 'zh-CN': '备件命中率', en: 'Parts hit rate' },
  formula: {
    'zh-CN': '所用备件均来自首张领料单的工单数 ÷ 周期内完成且领过备件的工单数',
    en: 'jobs whose used parts all came on the first borrow card ÷ jobs completed in the period that took parts',
  },
  unit: 'ratio',
  // What "the part needed was at hand" means in stored data: see partsHitOf (kpi-sources.ts).

  compute: (orders, ctx) =>
    kpiRate(
      completedInPeriod(orders, ctx).filter((o) => o.partsHit != null),
      (o) => o.partsHit === true,
    ),
};

const onSiteAccepted = (orders: readonly KpiOrderFacts[], ctx: KpiContext): KpiOrderFacts[] =>
  orders.filter(
    (o) =>
      live(o) &&
      inPeriod(o.acceptedAt, ctx.period) &&
      (o.appointment != null || o.arrivedAt != null || o.noAccessAttempts > 0),
  );

export const reschedulesByUs: KpiDefinition = {
  key: 'reschedules_by_us',
  ruleIds: ['KPI-01', 'SLA-07'],
  label: { 'zh-CN': '我方改约次数', en: 'Reschedules by us' },
  formula: {
    'zh-CN': '周期内受理的上门工单中由我方发起的改约次数之和(分母为上门工单数,供比较)',
    en: 'sum of reschedules made at our initiative over on-site orders accepted in the period (denominator: those orders, for comparison)',
  },
  unit: 'count',
  compute: (orders, ctx) => {
    const onSite = onSiteAccepted(orders, ctx);
    const count = onSite.reduce((s, o) => s + o.reschedulesByUs, 0);
    return {
      value: count,
      numerator: count,
      denominator: onSite.length,
      orderIds: onSite.filter((o) => o.reschedulesByUs > 0).map((o) => o.id),
    };
  },
};

export const noAccessRate: KpiDefinition = {
  key: 'no_access_rate',
  ruleIds: ['KPI-01'],
  label: { 'zh-CN': '上门不遇率', en: 'No-access rate' },
  formula: {
    'zh-CN': '至少一次上门不遇的工单数 ÷ 周期内受理的上门工单数',
    en: 'on-site orders with at least one no-access visit ÷ on-site orders accepted in the period',
  },
  unit: 'ratio',
  compute: (orders, ctx) => kpiRate(onSiteAccepted(orders, ctx), (o) => o.noAccessAttempts > 0),
};

/** Every KPI-01 indicator, in dashboard order. */
export const KPI_DEFINITIONS = [
  installWithinDaysRate,
  onTimeArrivalRate,
  slaComplianceRate,
  averageFaultDurationHours,
  faultResolvedWithinHoursRate,
  firstTimeFixRate,
  repeatFaultRate,
  complaintsPerUsers,
  callbackCompletionRate,
  satisfactionRate,
  partsHitRate,
  reschedulesByUs,
  noAccessRate,
] as const satisfies readonly KpiDefinition[];
