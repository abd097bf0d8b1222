import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import { WORK_ORDER_TYPES } from '../work-order/work-order.types.js';

/**
 * CB-01/CB-03 as data: which event of which order creates which callback task, and by when it is due.
 * A separate versioned section so it can join the policy pack later; a task keeps the rule version it
 * was created with, so editing the rules never moves tasks already in a queue.
 */

/** Order events that may create callbacks. `uncertain_fix`: the engineer was not sure the fix holds. */
export const CALLBACK_EVENTS = ['completed', 'uncertain_fix'] as const;
export type CallbackEvent = (typeof CALLBACK_EVENTS)[number];

const label = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

export const callbackRuleSchema = z
  .object({
    /** Stable name, unique within the rule set. */
    key: z.string().regex(/^[a-z][a-z0-9_]*$/),
    ruleId: z.string().min(1),
    event: z.enum(CALLBACK_EVENTS),
    /** Order types the rule covers; absent = every type. */
    orderTypes: z.array(z.enum(WORK_ORDER_TYPES)).optional(),
    /** Only orders where someone was on site (not phone-only or carry-in work). */
    onSiteOnly: z.boolean().default(false),
    /** Share of matching orders called back (1 = 100 %); a sample is chosen by order id, reproducibly. */
    share: z.number().gt(0).max(1),
    /** The task may not be done before this many minutes after the event (a fix needs time to prove itself). */
    notBeforeMinutes: z.number().int().min(0),
    /** Due this many minutes after the event. */
    dueWithinMinutes: z.number().int().positive(),
    /** The order may not be closed until this callback is made (faults "before closing", complaints). */
    blocksClose: z.boolean(),
    reason: label,
  })
  .refine((r) => r.dueWithinMinutes > r.notBeforeMinutes, 'due after it may start');

export const callbackRulesSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    /**
     * Ordered: per event, the first matching rule decides (specific rules first, the catch-all last),
     * so an install gets its 7-day callback and not a second, generic one.
     */
    rules: z.array(callbackRuleSchema),
    /** Unanswered attempts before a satisfaction callback is given up as unreachable. */
    maxAttempts: z.number().int().positive(),
    /** CB-03: installs still not done when their acceptance is this old … */
    spotCheck: z.object({
      limitDays: z.number().int().positive(),
      /** … within this many days of the limit are spot-checked by sales. */
      nearWithinDays: z.number().int().min(0),
      /** A spot-check is due this many minutes after it is created. */
      dueWithinMinutes: z.number().int().positive(),
      /**
       * CB-03 sampling: a share of the orders completed about `afterDays` days ago (between
       * afterDays − windowDays and afterDays) is called by sales, to check the vendor's report against
       * what the customer says. Chosen by order id, reproducibly; one spot-check per order, ever.
       */
      sample: z
        .object({
          afterDays: z.number().int().positive(),
          windowDays: z.number().int().positive(),
          share: z.number().gt(0).max(1),
          /** Order types sampled; absent = every type. */
          orderTypes: z.array(z.enum(WORK_ORDER_TYPES)).optional(),
        })
        .refine((x) => x.windowDays <= x.afterDays, 'the window lies within the days after completion')
        .default({ afterDays: 7, windowDays: 1, share: 0.2 }),
    }),
  })
  .refine((s) => new Set(s.rules.map((r) => r.key)).size === s.rules.length, 'rule keys are unique');
export type CallbackRule = z.output<typeof callbackRuleSchema>;
export type CallbackRules = z.output<typeof callbackRulesSchema>;

const H = 60;
const DAY = 24 * H;

export const DEFAULT_CALLBACK_RULES: CallbackRules = {
  id: 'default-callback',
  version: 1,
  rules: [
    {
      key: 'install_completed',
      ruleId: 'CB-01',
      event: 'completed',
      orderTypes: ['install'],
      onSiteOnly: false,
      share: 1,
      notBeforeMinutes: 0,
      dueWithinMinutes: 7 * DAY, // 100 % of installs within a week of completion [002]
      blocksClose: false,
      reason: { 'zh-CN': '装机竣工后7天内回访', en: 'Install callback within 7 days of completion' },
    },
    {
      key: 'fault_before_close',
      ruleId: 'CB-01',
      event: 'completed',
      orderTypes: ['fault'],
      onSiteOnly: false,
      share: 1,
      notBeforeMinutes: 0,
      // No source number for "before closing"; one day keeps the fault's own clock honest.
      dueWithinMinutes: 1 * DAY,
      blocksClose: true,
      reason: { 'zh-CN': '故障销障前回访', en: 'Fault callback before closing' },
    },
    {
      key: 'complaint_completed',
      ruleId: 'CB-01',
      event: 'completed',
      orderTypes: ['complaint'],
      onSiteOnly: false,
      share: 1,
      notBeforeMinutes: 0,
      dueWithinMinutes: 1 * DAY,
      blocksClose: true, // CMP-01: every complaint is closed only with a callback
      reason: { 'zh-CN': '投诉处理后回访', en: 'Complaint callback' },
    },
    {
      key: 'on_site_completed',
      ruleId: 'CB-01',
      event: 'completed',
      onSiteOnly: true,
      share: 1,
      notBeforeMinutes: 0,
      dueWithinMinutes: 3 * DAY,
      blocksClose: false,
      reason: { 'zh-CN': '上门服务完成后回访', en: 'Callback after an on-site visit' },
    },
    {
      key: 'uncertain_fix',
      ruleId: 'CB-01',
      event: 'uncertain_fix',
      onSiteOnly: false,
      share: 1,
      notBeforeMinutes: 2 * H, // 2–3 h after: long enough for the fault to come back [001]
      dueWithinMinutes: 3 * H,
      blocksClose: true,
      reason: { 'zh-CN': '无彻底修复把握,2–3小时后回访', en: 'Uncertain fix: call back 2–3 h later' },
    },
  ],
  maxAttempts: 3,
  // CB-03: one completed order in five, on its 7th day after completion (no source number for the share).
  spotCheck: {
    limitDays: 7,
    nearWithinDays: 2,
    dueWithinMinutes: 1 * DAY,
    sample: { afterDays: 7, windowDays: 1, share: 0.2 },
  },
};

export function parseCallbackRules(input: unknown): CallbackRules {
  const r = callbackRulesSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new DomainError('VALIDATION_FAILED', `Invalid callback rules: ${field} ${issue?.message ?? ''}`.trim(), {
      field,
    });
  }
  return r.data;
}
