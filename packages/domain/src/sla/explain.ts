import { localParts } from '../shared/local-time.js';
import type { ClockStep, SlaClock } from './clock.types.js';
import type { DeadlineRule } from './sla-policy.js';

/**
 * SLA-02: why a clock is due when it is — the rule, the calendar, the inputs and each step — as
 * structured data for the API and as sentences in zh-CN and en for people. Formatting happens here
 * (with Intl), never when deadlines are computed: the engine only stores instants as epoch ms.
 */
export type Lang = 'zh-CN' | 'en';

export interface ExplainedStep {
  code: ClockStep['code'];
  /** The step's params, with each `…Ms` instant also given as ISO (`…At`) and local time (`…Local`). */
  params: Record<string, string | number | boolean | null>;
  text: Record<Lang, string>;
}

export interface ClockExplanation {
  orderId: string;
  kind: string;
  ruleId: string;
  label: Record<Lang, string>;
  policy: { id: string; version: number };
  calendar: { id: string; timeZone: string };
  inputs: {
    anchor: string;
    startedAt: string;
    deadline: DeadlineRule;
    measure: SlaClock['measure'];
    warnShare: number;
    pauseOn: readonly string[];
    pausedIntervals: { from: string; to: string | null; reason: string }[];
    appointment: { start: string; end: string; chosenBy: string } | null;
  };
  dueAt: string;
  warnAt: string;
  provisional: boolean;
  provisionalYears: readonly number[];
  steps: ExplainedStep[];
  /** One sentence per step, in order. */
  text: Record<Lang, string[]>;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function local(ms: number, timeZone: string): string {
  const p = localParts(new Date(ms), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

function duration(ms: number, lang: Lang): string {
  const minutes = Math.round(ms / 60_000);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  if (lang === 'zh-CN') return h && m ? `${h} 小时 ${m} 分钟` : h ? `${h} 小时` : `${m} 分钟`;
  return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`;
}

const ANCHOR: Record<string, Record<Lang, string>> = {
  accepted: { 'zh-CN': '受理', en: 'accepted' },
  appointment_agreed: { 'zh-CN': '约定上门时段', en: 'appointment agreed' },
  damage_reported: { 'zh-CN': '报告财物损坏', en: 'damage reported' },
  phone_guidance_ended: { 'zh-CN': '电话指导结束', en: 'phone guidance ended' },
  coverage_claim_confirmed: { 'zh-CN': '主管确认覆盖申报', en: 'coverage claim confirmed' },
  resource_change_made: { 'zh-CN': '现场变更网络资源', en: 'network resources changed on site' },
};

const REASON: Record<string, Record<Lang, string>> = {
  waiting_customer: { 'zh-CN': '等待用户', en: 'waiting on the customer' },
  waiting_third_party: { 'zh-CN': '等待第三方', en: 'waiting on a third party' },
  waiting_parts: { 'zh-CN': '等待备件', en: 'waiting for parts' },
  waiting_network_supplement: { 'zh-CN': '等待增补分线箱', en: 'waiting for a network supplement' },
};

type P = ClockStep['params'];
type Fmt = (p: P, t: (key: string) => string, lang: Lang) => string;
const str = (v: unknown): string => String(v ?? '');
const label = (table: Record<string, Record<Lang, string>>, key: unknown, lang: Lang): string =>
  table[str(key)]?.[lang] ?? str(key);

/** Sentence templates per step code; `t(key)` is the local time of param `key` (an `…Ms` instant). */
const TEXT: Record<ClockStep['code'], Record<Lang, Fmt>> = {
  policy: {
    'zh-CN': (p) => `规则 ${str(p.ruleId)}（${str(p.kind)}），策略 ${str(p.policyId)} 第 ${str(p.version)} 版`,
    en: (p) => `Rule ${str(p.ruleId)} (${str(p.kind)}), policy ${str(p.policyId)} version ${str(p.version)}`,
  },
  contract: {
    'zh-CN': (p) => `按服务合同 ${str(p.code)}（${str(p.name)}）选用此规则`,
    en: (p) => `Chosen by the service contract ${str(p.code)} (${str(p.name)})`,
  },
  calendar: {
    'zh-CN': (p) => `日历 ${str(p.calendarId)}，时区 ${str(p.timeZone)}，节假日数据 ${str(p.officialSource ?? '无')}`,
    en: (p) =>
      `Calendar ${str(p.calendarId)}, time zone ${str(p.timeZone)}, holiday data ${str(p.officialSource ?? 'none')}`,
  },
  anchor: {
    'zh-CN': (p, t, l) => `起算：${label(ANCHOR, p.anchor, l)}于 ${t('atMs')}`,
    en: (p, t, l) => `Starts: ${label(ANCHOR, p.anchor, l)} at ${t('atMs')}`,
  },
  add_elapsed: {
    'zh-CN': (p, t, l) => `加 ${duration(Number(p.minutes) * 60_000, l)}（自然时间，含夜间和节假日）→ ${t('dueMs')}`,
    en: (p, t, l) =>
      `Plus ${duration(Number(p.minutes) * 60_000, l)} of elapsed time (nights and holidays count) → ${t('dueMs')}`,
  },
  add_calendar_days: {
    'zh-CN': (p, t) => `加 ${str(p.days)} 个日历日，同一时刻 → ${t('dueMs')}`,
    en: (p, t) => `Plus ${str(p.days)} calendar days, same time of day → ${t('dueMs')}`,
  },
  add_working_time: {
    'zh-CN': (p, t, l) => `加 ${duration(Number(p.minutes) * 60_000, l)}工作时间 → ${t('dueMs')}`,
    en: (p, t, l) => `Plus ${duration(Number(p.minutes) * 60_000, l)} of working time → ${t('dueMs')}`,
  },
  add_working_days: {
    'zh-CN': (p, t) => `起算日之后第 ${str(p.days)} 个工作日的下班时间 → ${t('dueMs')}`,
    en: (p, t) => `Close of business of working day ${str(p.days)} after the start day → ${t('dueMs')}`,
  },
  cutoff: {
    'zh-CN': (p, t) =>
      p.before
        ? `早于截止时间 ${str(p.cutoff)}：当天 ${str(p.dueBy)} 前完成 → ${t('dueMs')}`
        : p.reportedOnWorkingDay
          ? `不早于截止时间 ${str(p.cutoff)}（恰好 ${str(p.cutoff)} 也算）：${p.dayBasis === 'working' ? '下一个工作日' : '次日'} ${str(p.dueBy)} 前完成 → ${t('dueMs')}`
          : `受理日不是工作日，按截止后处理：下一个工作日 ${str(p.dueBy)} 前完成 → ${t('dueMs')}`,
    en: (p, t) =>
      p.before
        ? `Before the ${str(p.cutoff)} cut-off: due by ${str(p.dueBy)} the same day → ${t('dueMs')}`
        : p.reportedOnWorkingDay
          ? `At or after the ${str(p.cutoff)} cut-off: due by ${str(p.dueBy)} the next ${p.dayBasis === 'working' ? 'working ' : ''}day → ${t('dueMs')}`
          : `Reported on a day off, treated as after the cut-off: due by ${str(p.dueBy)} the next working day → ${t('dueMs')}`,
  },
  skipped_days: {
    'zh-CN': (p) =>
      `跳过 ${str(p.count)} 个非工作日（${str(p.first)} 至 ${str(p.last)}${p.names ? `，${str(p.names)}` : ''}）`,
    en: (p) =>
      `Skips ${str(p.count)} non-working days (${str(p.first)} to ${str(p.last)}${p.names ? `, ${str(p.names)}` : ''})`,
  },
  before_appointment: {
    'zh-CN': (p, t) => `约定时段 ${t('windowStartMs')} 开始前 ${str(p.minutes)} 分钟到达 → ${t('dueMs')}`,
    en: (p, t) => `Arrive ${str(p.minutes)} min before the window starting ${t('windowStartMs')} → ${t('dueMs')}`,
  },
  customer_appointment: {
    'zh-CN': (_p, t) =>
      `用户选择了更晚的时段 ${t('windowStartMs')}–${t('windowEndMs')}：时限随预约顺延 → ${t('dueMs')}`,
    en: (_p, t) =>
      `The customer chose a later window ${t('windowStartMs')}–${t('windowEndMs')}: the deadline follows it → ${t('dueMs')}`,
  },
  provisional: {
    'zh-CN': (p) => `${str(p.years)} 年尚无官方节假日安排：此时限为暂定，公布后请重新计算`,
    en: (p) =>
      `No official holiday notice for ${str(p.years)} yet: this deadline is provisional; re-evaluate once published`,
  },
  warning: {
    'zh-CN': (_p, t) => `预警于 ${t('atMs')}`,
    en: (_p, t) => `Warning at ${t('atMs')}`,
  },
  paused: {
    'zh-CN': (p, t, l) => `${t('atMs')} 暂停计时：${label(REASON, p.reason, l)}`,
    en: (p, t, l) => `${t('atMs')} clock paused: ${label(REASON, p.reason, l)}`,
  },
  pause_not_allowed: {
    'zh-CN': (p, t, l) => `${t('atMs')} 挂起（${label(REASON, p.reason, l)}）：本规则不因此暂停，继续计时`,
    en: (p, t, l) =>
      `${t('atMs')} suspended (${label(REASON, p.reason, l)}): this rule does not pause for it, the clock runs on`,
  },
  resumed: {
    'zh-CN': (p, t, l) => `${t('atMs')} 恢复计时，暂停计 ${duration(Number(p.pausedMs), l)} → 新时限 ${t('dueMs')}`,
    en: (p, t, l) =>
      `${t('atMs')} clock resumed after ${duration(Number(p.pausedMs), l)} paused → new deadline ${t('dueMs')}`,
  },
  appointment_changed: {
    'zh-CN': (p, t) =>
      `${t('atMs')} 预约改为 ${p.windowStartMs === null ? '无' : `${t('windowStartMs')}–${t('windowEndMs')}`}（${p.chosenBy === 'customer' ? '用户选择' : '我方安排'}）${p.followed ? '，时限随之调整' : '，时限不随之改变'}`,
    en: (p, t) =>
      `${t('atMs')} appointment changed to ${p.windowStartMs === null ? 'none' : `${t('windowStartMs')}–${t('windowEndMs')}`} (${p.chosenBy === 'customer' ? "customer's choice" : 'our arrangement'})${p.followed ? ', the deadline follows it' : ', the deadline does not move'}`,
  },
  stopped: {
    'zh-CN': (p, t) =>
      `${t('atMs')} ${p.reason === 'cancelled' ? '取消' : '完成'}，计时停止${p.reason === 'cancelled' ? '' : p.met ? '：按时' : '：超时'}`,
    en: (p, t) =>
      `${t('atMs')} ${p.reason === 'cancelled' ? 'cancelled' : 'completed'}, clock stopped${p.reason === 'cancelled' ? '' : p.met ? ': on time' : ': late'}`,
  },
  reevaluated: {
    'zh-CN': (p, t) =>
      `${t('atMs')} 按策略第 ${str(p.toVersion)} 版重新计算（原第 ${str(p.fromVersion)} 版，原时限 ${t('fromDueMs')}）→ ${t('toDueMs')}`,
    en: (p, t) =>
      `${t('atMs')} re-evaluated under policy version ${str(p.toVersion)} (was version ${str(p.fromVersion)}, due ${t('fromDueMs')}) → ${t('toDueMs')}`,
  },
};

export function explainClock(clock: SlaClock): ClockExplanation {
  const tz = clock.timeZone;
  const iso = (d: Date): string => d.toISOString();
  const derived: ClockStep[] = [
    {
      code: 'policy',
      params: {
        policyId: clock.policyId,
        version: clock.policyVersion,
        kind: clock.kind,
        ruleId: clock.ruleId,
        computedAtMs: clock.computedAt.getTime(),
      },
    },
    {
      code: 'calendar',
      params: { calendarId: clock.calendarId, timeZone: tz, officialSource: clock.holidaySource },
    },
    { code: 'anchor', params: { anchor: clock.definition.anchor, atMs: clock.startedAt.getTime() } },
  ];
  const warning: ClockStep = { code: 'warning', params: { atMs: clock.warnAt.getTime() } };
  const steps: ExplainedStep[] = [...derived, ...clock.steps, warning].map((s) => {
    const params: ExplainedStep['params'] = {};
    for (const [k, v] of Object.entries(s.params)) {
      if (k.endsWith('Ms') && typeof v === 'number' && !k.endsWith('pausedMs')) {
        const base = k.slice(0, -2);
        params[`${base}At`] = new Date(v).toISOString();
        params[`${base}Local`] = local(v, tz);
      } else params[k] = v;
    }
    const t = (key: string): string => {
      const v = s.params[key];
      return typeof v === 'number' ? local(v, tz) : '—';
    };
    const text = { 'zh-CN': TEXT[s.code]['zh-CN'](s.params, t, 'zh-CN'), en: TEXT[s.code].en(s.params, t, 'en') };
    return { code: s.code, params, text };
  });
  const def = clock.definition;
  return {
    orderId: clock.orderId,
    kind: clock.kind,
    ruleId: clock.ruleId,
    label: def.label,
    policy: { id: clock.policyId, version: clock.policyVersion },
    calendar: { id: clock.calendarId, timeZone: tz },
    inputs: {
      anchor: def.anchor,
      startedAt: iso(clock.startedAt),
      deadline: def.deadline,
      measure: clock.measure,
      warnShare: clock.warnShare,
      pauseOn: def.pauseOn,
      pausedIntervals: clock.pausedIntervals.map((p) => ({
        from: iso(p.from),
        to: p.to ? iso(p.to) : null,
        reason: p.reason,
      })),
      appointment: clock.appointment
        ? { start: iso(clock.appointment.start), end: iso(clock.appointment.end), chosenBy: clock.appointment.chosenBy }
        : null,
    },
    dueAt: iso(clock.dueAt),
    warnAt: iso(clock.warnAt),
    provisional: clock.provisional,
    provisionalYears: clock.provisionalYears,
    steps,
    text: { 'zh-CN': steps.map((s) => s.text['zh-CN']), en: steps.map((s) => s.text.en) },
  };
}
