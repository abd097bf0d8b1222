import { z } from 'zod';
import { DomainError } from '../shared/errors.js';

/**
 * VND-01 as data: event → amount against the vendor and against the person responsible, in integer fen
 * (PAY-03; 200 元 = 20 000 fen), or points off the vendor's monthly score where the catalog names no
 * amount. Defaults are the operator's catalog [000 篇2]. A separate versioned section so it can join the
 * policy pack later; every case keeps the rule version it was assessed under.
 */

export const ASSESSMENT_EVENTS = [
  'install_overdue', // install not done within 3 days (SLA-03)
  'fault_overdue_without_reason', // fault past its deadline with no reason noted (SLA-04)
  'uncovered_claim_false', // "address not covered" found untrue on site check (WO-09)
  'script_not_followed_complaint', // script not followed and the customer or office complained
  'direct_report_mishandled', // a fault phoned straight to an engineer handled badly → complaint
  'speed_screenshot_missing', // slow-speed fault closed without the speed-test screenshot (WO-14)
  'parts_warning_missed', // stock warning not raised in time (PART-04)
  'vendor_report_differs', // CB-03 spot-check: the vendor's report differs from the truth
  'supplement_overdue_complaint', // network supplement not done in 7 days and the customer complained (WO-10)
  'false_report_complaint', // careless words or a false report caused a verified complaint
] as const;
export type AssessmentEventKind = (typeof ASSESSMENT_EVENTS)[number];

const fen = z.number().int().min(0);
const label = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

export const assessmentRuleSchema = z.object({
  event: z.enum(ASSESSMENT_EVENTS),
  ruleId: z.string().min(1),
  label,
  /** Charged to the vendor per case. */
  vendorFen: fen,
  /** Charged by the vendor to the person responsible per case (0 when the catalog names none). */
  personFen: fen,
  /** Points off the vendor's monthly score per case. */
  scorePoints: z.number().int().min(0),
});
export type AssessmentRule = z.output<typeof assessmentRuleSchema>;

export const assessmentRulesSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    rules: z.array(assessmentRuleSchema),
  })
  .refine((s) => new Set(s.rules.map((r) => r.event)).size === s.rules.length, 'one rule per event');
export type AssessmentRules = z.output<typeof assessmentRulesSchema>;

const YUAN = 100;
const r = (
  event: AssessmentEventKind,
  ruleId: string,
  zh: string,
  en: string,
  vendorYuan: number,
  personYuan: number,
  scorePoints = 0,
): AssessmentRule => ({
  event,
  ruleId,
  label: { 'zh-CN': zh, en },
  vendorFen: vendorYuan * YUAN,
  personFen: personYuan * YUAN,
  scorePoints,
});

export const DEFAULT_ASSESSMENT_RULES: AssessmentRules = {
  id: 'default-assessment',
  version: 1,
  rules: [
    r('install_overdue', 'VND-01', '装机超3天未上门', 'Install overdue (over 3 days)', 200, 0),
    r('fault_overdue_without_reason', 'VND-01', '故障超时且无原因备注', 'Fault overdue without a reason', 200, 100),
    r('uncovered_claim_false', 'VND-01', '未覆盖地址虚报', 'False "address not covered" claim', 500, 200),
    r(
      'script_not_followed_complaint',
      'VND-01',
      '未按口径答复引发投诉',
      'Script not followed, causing a complaint',
      200,
      100,
    ),
    r('direct_report_mishandled', 'VND-01', '用户直接报障处理不规范引发投诉', 'Direct report mishandled', 500, 200),
    r('speed_screenshot_missing', 'VND-01', '网速慢未上传测速截图', 'Speed-test screenshot missing', 200, 100),
    // The catalog says "points off the monthly score" without a number: one point per case until the tenant sets it.
    r('parts_warning_missed', 'VND-01', '库存预警不及时', 'Stock warning missed', 0, 0, 1),
    r('vendor_report_differs', 'CB-03', '抽查回访发现回复与实际不符', 'Vendor report differs from the truth', 200, 0),
    r(
      'supplement_overdue_complaint',
      'WO-10',
      '增补7天未完成引发投诉',
      'Supplement overdue, causing a complaint',
      200,
      0,
    ),
    r(
      'false_report_complaint',
      'VND-01',
      '用语不规范或虚假上报引发投诉',
      'Careless words or false report, complaint upheld',
      200,
      100,
    ),
  ],
};

export function parseAssessmentRules(input: unknown): AssessmentRules {
  const res = assessmentRulesSchema.safeParse(input);
  if (!res.success) {
    const issue = res.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new DomainError('VALIDATION_FAILED', `Invalid assessment rules: ${field} ${issue?.message ?? ''}`.trim(), {
      field,
    });
  }
  return res.data;
}
