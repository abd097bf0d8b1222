import { z } from 'zod';
import { POSITIONS } from '../org/positions.js';
import { WORK_ORDER_TYPES } from '../work-order/work-order.types.js';

/**
 * ENG-03/04/06, APT-04, WO-14 as data: the on-site part of a policy pack. Lateness thresholds, the
 * consents an engineer may capture, the checklist per order type, what an attachment may be and which
 * faults need a speed-test screenshot to close are all edited here, never in code.
 */
const label = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
const labelledCode = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]*$/), label });

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const visitPolicySchema = z.object({
  /** APT-04: late up to `apologyUpToMinutes` → apology noted; more → escalation (manager apology) required. */
  lateness: z.object({ apologyUpToMinutes: z.number().int().min(0) }),
  /** ENG-04: consents with what each one needs besides time and signature. */
  consents: z.array(
    labelledCode.extend({
      needsBackupConfirmed: z.boolean().default(false),
      needsQuotedPrice: z.boolean().default(false),
    }),
  ),
  /** ENG-03: on-site steps per order type (absent type: no checklist). */
  checklists: z.partialRecord(z.enum(WORK_ORDER_TYPES), z.array(labelledCode)),
  /** WO-14: size limit of one attachment or signature image, and the image types accepted (checked by magic bytes). */
  attachments: z.object({ maxBytes: z.number().int().positive(), contentTypes: z.array(z.enum(IMAGE_TYPES)).min(1) }),
  /** WO-14: a fault whose description names one of these symptoms closes only with a speed-test screenshot. */
  speedTest: z.object({ orderTypes: z.array(z.enum(WORK_ORDER_TYPES)), symptomKeywords: z.array(z.string().min(1)) }),
  /** ENG-06: the satisfaction scale the customer picks from (1..max). */
  satisfactionMax: z.number().int().min(2),
  /** ENG-02: what to take along per order type (tools, parts, forms), ticked on the phone before leaving. */
  kit: z.partialRecord(z.enum(WORK_ORDER_TYPES), z.array(labelledCode)).default({}),
  /**
   * ENG-02: the suggested departure time is the window start minus the SLA-07 early-arrival margin, the
   * travel time and a buffer (parking, lift, finding the door). Travel: straight-line distance × detour
   * factor at the average speed; without positions, the default travel time.
   */
  departure: z
    .object({
      averageKmh: z.number().positive(),
      detourFactor: z.number().min(1),
      defaultTravelMinutes: z.number().int().min(0),
      bufferMinutes: z.number().int().min(0),
    })
    .default({ averageKmh: 25, detourFactor: 1.4, defaultTravelMinutes: 30, bufferMinutes: 5 }),
  /**
   * APT-03 nobody home: the doorstep protocol (knock, call with its outcome, ask a neighbour), how long
   * the engineer waits from the first knock before leaving, whether the note left needs a photo, and
   * who gets the follow-up (re-contact and rebook) and by when.
   */
  noAccess: z
    .object({
      minWaitMinutes: z.number().int().min(0),
      callOutcomes: z.array(labelledCode).min(1),
      neighbourOutcomes: z.array(labelledCode).min(1),
      notePhotoRequired: z.boolean(),
      followUpPosition: z.enum(POSITIONS),
      followUpDueMinutes: z.number().int().positive(),
    })
    .default(() => DEFAULT_NO_ACCESS),
  /** WO-15: the kinds of network resource change an engineer reports from site. */
  resourceChange: z.object({ kinds: z.array(labelledCode).min(1) }).default(() => DEFAULT_RESOURCE_CHANGE),
  /** SLA-08: who settles a damage compensation (the clock itself is the SLA pack's damage_compensation). */
  damage: z
    .object({ settlePositions: z.array(z.enum(POSITIONS)).min(1) })
    .default({ settlePositions: ['station_manager', 'vendor_manager', 'admin'] }),
  /**
   * ENG-05: the engineer watches for the symptom at most `maxObservedMinutes`; an order of a type in
   * `requiredFor` that was visited completes only with a diagnosis recorded on that visit.
   */
  diagnosis: z
    .object({ maxObservedMinutes: z.number().int().min(0), requiredFor: z.array(z.enum(WORK_ORDER_TYPES)) })
    .default({ maxObservedMinutes: 30, requiredFor: ['fault'] }),
});
export type VisitPolicy = z.output<typeof visitPolicySchema>;

const l = (code: string, zh: string, en: string) => ({ code, label: { 'zh-CN': zh, en } });

/** APT-03 defaults: 10 min on the doorstep, a photo of the note, the station's coordinator rebooks within 2 h. */
const DEFAULT_NO_ACCESS = {
  minWaitMinutes: 10,
  callOutcomes: [
    l('no_answer', '无人接听', 'No answer'),
    l('busy', '占线', 'Busy'),
    l('unreachable', '关机或无法接通', 'Switched off or unreachable'),
    l('reached_not_available', '已接通，用户暂时无法回来', 'Reached, cannot come back now'),
    l('wrong_number', '号码错误', 'Wrong number'),
  ],
  neighbourOutcomes: [
    l('told_something', '邻居提供了情况', 'A neighbour told us something'),
    l('knew_nothing', '邻居不了解情况', 'The neighbour knew nothing'),
    l('nobody_around', '周围无人可问', 'Nobody around to ask'),
  ],
  notePhotoRequired: true,
  followUpPosition: 'coordinator' as const,
  followUpDueMinutes: 120,
};

/** WO-15 defaults: what an engineer may change in the network on site. */
const DEFAULT_RESOURCE_CHANGE = {
  kinds: [
    l('port_changed', '更换分光器/交换机端口', 'Splitter or switch port changed'),
    l('drop_cable_rerouted', '皮线重新布放', 'Drop cable re-routed'),
    l('box_added', '新增或更换分线箱', 'Distribution box added or replaced'),
    l('terminal_replaced', '更换用户终端（光猫）', 'Customer terminal (modem) replaced'),
    l('other', '其他资源变更', 'Other resource change'),
  ],
};
const STANDARD_STEPS = [
  l('badge_shown', '出示工作证', 'Badge shown'),
  l('consent_to_enter', '征得同意入户', 'Consent to enter'),
  l('shoe_covers', '穿戴鞋套', 'Shoe covers on'),
  l('identity_checked', '核对用户身份与工单一致', 'Customer identity checked against the order'),
];

export const DEFAULT_VISIT_POLICY: VisitPolicy = visitPolicySchema.parse({
  lateness: { apologyUpToMinutes: 15 },
  consents: [
    l('open_device', '拆机', 'Opening the device'),
    { ...l('data_risk', '数据风险操作（已备份）', 'Data-risk operation (backup first)'), needsBackupConfirmed: true },
    l('wall_drilling', '墙面打孔', 'Wall drilling'),
    { ...l('paid_work', '有偿服务（按报价）', 'Paid work at the quoted price'), needsQuotedPrice: true },
    l('moving_furniture', '搬动家具', 'Moving furniture'),
  ],
  checklists: {
    install: STANDARD_STEPS,
    fault: STANDARD_STEPS,
    complaint: STANDARD_STEPS,
    inspection: STANDARD_STEPS,
    care_visit: STANDARD_STEPS,
    paid_service: STANDARD_STEPS,
  },
  attachments: { maxBytes: 2 * 1024 * 1024, contentTypes: ['image/png', 'image/jpeg', 'image/webp'] },
  speedTest: { orderTypes: ['fault'], symptomKeywords: ['网速慢', '速度慢', '网慢', 'slow speed', 'slow internet'] },
  satisfactionMax: 5,
  kit: {
    install: [
      l('optical_modem', '光猫（已核对型号）', 'Optical modem (model checked)'),
      l('drop_cable', '皮线光缆与接头', 'Drop cable and connectors'),
      l('power_meter', '光功率计', 'Optical power meter'),
      l('work_order_form', '装机单与宣传单', 'Installation form and leaflet'),
      l('shoe_covers', '鞋套与清洁布', 'Shoe covers and cleaning cloth'),
    ],
    fault: [
      l('power_meter', '光功率计', 'Optical power meter'),
      l('spare_modem', '备用光猫', 'Spare modem'),
      l('laptop_speedtest', '测速电脑或手机', 'Laptop or phone for the speed test'),
      l('shoe_covers', '鞋套与清洁布', 'Shoe covers and cleaning cloth'),
    ],
    inspection: [
      l('gas_detector', '燃气检测仪', 'Gas detector'),
      l('notice_forms', '隐患整改通知书', 'Rectification notice forms'),
      l('badge', '工作证', 'Staff badge'),
    ],
    care_visit: [l('visit_plan', '本次服务内容单', "This visit's content list"), l('badge', '工作证', 'Staff badge')],
  },
  departure: { averageKmh: 25, detourFactor: 1.4, defaultTravelMinutes: 30, bufferMinutes: 5 },
  noAccess: DEFAULT_NO_ACCESS,
  resourceChange: DEFAULT_RESOURCE_CHANGE,
  diagnosis: { maxObservedMinutes: 30, requiredFor: ['fault'] },
});
