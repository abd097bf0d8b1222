import { z } from 'zod';

/**
 * WO-16 recurring care visits and WO-17 planned inspections as data: how far ahead visits are
 * generated, what happens to a visit that falls on a public holiday, the content a carer may offer,
 * the checks that close every visit, how many inspectors an inspection needs, the inspection items
 * and how long a customer has to rectify a hazard. Edited here, never in code.
 */
const label = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
const labelledCode = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]*$/), label });

/**
 * A visit on a public holiday (or a tenant closure day): `skip` it, `next_day` moves it to the next
 * day that is not one (unless that reaches the following visit, then it is skipped), `keep` it.
 * Weekends are ordinary days for home care: only holidays count here.
 */
export const HOLIDAY_HANDLINGS = ['skip', 'next_day', 'keep'] as const;
export type HolidayHandling = (typeof HOLIDAY_HANDLINGS)[number];

export const plannedWorkPolicySchema = z.object({
  care: z.object({
    /** Visits are generated this many days ahead of today (re-running only fills gaps). */
    generateAheadDays: z.number().int().min(1).max(366),
    /** What a new agreement does on holidays unless it says otherwise. */
    defaultHolidayHandling: z.enum(HOLIDAY_HANDLINGS),
    /** The services a visit may contain (the agreement picks its list). */
    contents: z.array(labelledCode).min(1),
    /** Checks ticked at the end of every visit, before the customer signs (valuables first of all). */
    closingChecks: z.array(labelledCode).min(1),
    /** Outcomes of the phone call that confirms the content beforehand. */
    phoneOutcomes: z.array(labelledCode.extend({ confirms: z.boolean() })).min(1),
    /** The carer's evaluation of the customer's condition after a visit. */
    conditions: z.array(labelledCode).min(1),
    /** The customer's rating scale of the visit (1..max). */
    ratingMax: z.number().int().min(2),
  }),
  inspection: z.object({
    /** WO-17: an inspection is done by at least this many inspectors together. */
    minInspectors: z.number().int().min(1),
    /** Orders of a plan are generated for targets due within this many months (current month = 0). */
    generateMonthsAhead: z.number().int().min(0).max(12),
    /** What is inspected at every address. */
    items: z.array(labelledCode).min(1),
    /** Hazard levels and the days the customer has to rectify (the notice's deadline). */
    hazardLevels: z.array(labelledCode.extend({ rectifyDays: z.number().int().min(1) })).min(1),
    /** Reasons a customer may give for refusing to sign the notice (recorded with free text). */
    refusalReasons: z.array(labelledCode).min(1),
  }),
});
export type PlannedWorkPolicy = z.output<typeof plannedWorkPolicySchema>;

const l = (code: string, zh: string, en: string) => ({ code, label: { 'zh-CN': zh, en } });

export const DEFAULT_PLANNED_WORK_POLICY: PlannedWorkPolicy = plannedWorkPolicySchema.parse({
  care: {
    generateAheadDays: 28,
    defaultHolidayHandling: 'next_day',
    contents: [
      l('cleaning', '居室清洁', 'Home cleaning'),
      l('meal_help', '助餐（备餐、协助进食）', 'Meal help (preparing, assisting)'),
      l('bathing', '助浴', 'Bathing help'),
      l('health_check', '测量血压血糖', 'Blood pressure and sugar check'),
      l('medication', '用药提醒与整理药盒', 'Medication reminder and pill box'),
      l('shopping', '代购生活用品', 'Shopping errands'),
      l('companionship', '聊天陪伴', 'Companionship'),
      l('escort', '陪同就医', 'Escort to the doctor'),
    ],
    closingChecks: [
      l(
        'valuables_checked',
        '客户已在服务人员离开前清点贵重物品',
        'The customer checked their valuables before the carer left',
      ),
      l('home_safe', '门窗、水电燃气已关好', 'Doors, windows, water, power and gas left safe'),
    ],
    phoneOutcomes: [
      { ...l('confirmed', '已确认服务内容与时间', 'Content and time confirmed'), confirms: true },
      { ...l('content_changed', '客户调整了服务内容', 'Customer changed the content'), confirms: true },
      { ...l('no_answer', '无人接听', 'No answer'), confirms: false },
      { ...l('reschedule', '客户要求改期', 'Customer asks to move the visit'), confirms: false },
    ],
    conditions: [
      l('stable', '状况平稳', 'Stable'),
      l('needs_attention', '需关注（已告知家属）', 'Needs attention (family told)'),
      l('worse', '明显变差（已上报）', 'Clearly worse (reported)'),
    ],
    ratingMax: 5,
  },
  inspection: {
    minInspectors: 2,
    generateMonthsAhead: 1,
    items: [
      l('pipe', '户内燃气管道', 'Indoor gas pipe'),
      l('valve', '阀门', 'Valves'),
      l('hose', '连接软管（老化、超长、穿墙）', 'Connecting hose (aged, too long, through a wall)'),
      l('meter', '燃气表', 'Gas meter'),
      l('stove', '燃气灶具', 'Gas stove'),
      l('water_heater', '热水器及烟道', 'Water heater and flue'),
      l('ventilation', '通风条件', 'Ventilation'),
      l('leak_test', '泄漏检测', 'Leak test'),
    ],
    hazardLevels: [
      { ...l('major', '重大隐患', 'Major hazard'), rectifyDays: 3 },
      { ...l('general', '一般隐患', 'General hazard'), rectifyDays: 15 },
    ],
    refusalReasons: [
      l('disagrees', '不认可检查结论', 'Disagrees with the finding'),
      l('not_owner', '非户主，无法做主', 'Not the owner, cannot decide'),
      l('will_fix_self', '表示自行处理，不愿签字', 'Will fix it, does not want to sign'),
      l('other', '其他原因', 'Other reason'),
    ],
  },
});
