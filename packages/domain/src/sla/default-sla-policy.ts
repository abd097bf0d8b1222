import type { SlaPolicy, SlaPolicyInput } from './sla-policy.js';
import { parseSlaPolicy } from './sla-policy.js';

/**
 * The shipped defaults of SLA-03..08 (requirements.md), parsed through the schema at load so a typo in
 * the data fails the first test rather than a customer's deadline.
 *
 * Selector choices worth knowing: the broadband fault cut-off (SLA-04) applies to faults except those
 * taken in by a service office, whose promises are SLA-05's (on site in 2 / 3 working days); a tenant
 * with other channels edits the selectors, not code.
 */
const WAITING_ON_OTHERS = ['waiting_customer', 'waiting_third_party', 'waiting_network_supplement'] as const;

/** SLA-09 escalation defaults: the station's coordinator hears of a warning, its manager of a breach. */
const COORDINATOR_THEN_MANAGER = {
  warning: { position: 'coordinator', unit: 'station' },
  breach: { position: 'station_manager', unit: 'station' },
} as const;
const MANAGER_ON_BREACH = { breach: { position: 'station_manager', unit: 'station' } } as const;
const COORDINATOR_ON_BREACH = { breach: { position: 'coordinator', unit: 'station' } } as const;

const input: SlaPolicyInput = {
  id: 'sla-default',
  version: 1,
  warnShare: 0.8,
  clocks: [
    {
      kind: 'install_complete',
      ruleId: 'SLA-03',
      label: { 'zh-CN': '装机3天内完成', en: 'Install completed within 3 days' },
      when: { orderTypes: ['install'] },
      anchor: 'accepted',
      deadline: { kind: 'calendar_days', days: 3 },
      pauseOn: [...WAITING_ON_OTHERS],
      followsCustomerAppointment: true,
      stopOn: 'completed',
      breachPenaltyFen: 20_000,
      escalate: COORDINATOR_THEN_MANAGER,
    },
    {
      kind: 'install_spot_check',
      ruleId: 'SLA-03',
      label: { 'zh-CN': '装机满7天抽查', en: 'Install spot-check at 7 days' },
      when: { orderTypes: ['install'] },
      anchor: 'accepted',
      deadline: { kind: 'calendar_days', days: 7 },
      stopOn: 'completed',
    },
    {
      kind: 'fault_repair',
      ruleId: 'SLA-04',
      label: { 'zh-CN': '故障修复时限', en: 'Fault repair deadline' },
      when: { orderTypes: ['fault'], not: { channels: ['service_office'] } },
      anchor: 'accepted',
      deadline: { kind: 'cutoff', cutoff: '18:00', sameDayBy: '24:00', nextDayBy: '09:00', dayBasis: 'working' },
      pauseOn: [...WAITING_ON_OTHERS],
      followsCustomerAppointment: true,
      stopOn: 'completed',
      escalate: COORDINATOR_THEN_MANAGER,
    },
    {
      kind: 'hotline_handoff',
      ruleId: 'SLA-05',
      label: { 'zh-CN': '热线30分钟内转协调员', en: 'Hotline hands over to a coordinator in 30 min' },
      when: { channels: ['hotline'] },
      anchor: 'accepted',
      deadline: { kind: 'elapsed', minutes: 30 },
      stopOn: 'handed_to_coordinator',
      escalate: COORDINATOR_ON_BREACH,
    },
    {
      kind: 'first_contact',
      ruleId: 'SLA-05',
      label: { 'zh-CN': '2小时内联系用户', en: 'Customer contacted within 2 h' },
      when: { channels: ['hotline', 'service_office'] },
      anchor: 'accepted',
      deadline: { kind: 'elapsed', minutes: 120 },
      stopOn: 'customer_contacted',
      escalate: COORDINATOR_ON_BREACH,
    },
    {
      kind: 'on_site_inside',
      ruleId: 'SLA-05',
      label: { 'zh-CN': '区域内2个工作日上门', en: 'On site within 2 working days (inside the area)' },
      when: { channels: ['service_office'], orderTypes: ['fault', 'paid_service'], coverage: ['inside'] },
      anchor: 'accepted',
      deadline: { kind: 'working_days', days: 2 },
      pauseOn: ['waiting_customer'],
      followsCustomerAppointment: true,
      stopOn: 'arrived',
      escalate: COORDINATOR_THEN_MANAGER,
    },
    {
      kind: 'on_site_near',
      ruleId: 'SLA-05',
      label: { 'zh-CN': '区域外80公里内3个工作日上门', en: 'On site within 3 working days (within 80 km outside)' },
      when: { channels: ['service_office'], orderTypes: ['fault', 'paid_service'], coverage: ['near'] },
      anchor: 'accepted',
      deadline: { kind: 'working_days', days: 3 },
      pauseOn: ['waiting_customer'],
      followsCustomerAppointment: true,
      stopOn: 'arrived',
      escalate: COORDINATOR_THEN_MANAGER,
    },
    {
      kind: 'carry_in_repair',
      ruleId: 'SLA-05',
      label: { 'zh-CN': '送修3个工作日内修复', en: 'Carry-in repaired within 3 working days' },
      when: { orderTypes: ['carry_in'] },
      anchor: 'accepted',
      deadline: { kind: 'working_days', days: 3 },
      pauseOn: ['waiting_customer', 'waiting_third_party', 'waiting_parts'],
      stopOn: 'completed',
      escalate: COORDINATOR_THEN_MANAGER,
    },
    {
      kind: 'hard_question',
      ruleId: 'SLA-05',
      label: { 'zh-CN': '疑难问题1个工作日内答复', en: 'Hard question answered within 1 working day' },
      when: { orderTypes: ['consultation'], tags: ['hard_question'] },
      anchor: 'accepted',
      deadline: { kind: 'working_days', days: 1 },
      pauseOn: ['waiting_third_party'],
      stopOn: 'completed',
    },
    {
      kind: 'urgent_arrival',
      ruleId: 'SLA-06',
      label: { 'zh-CN': '紧急抢修30分钟到场', en: 'Urgent repair: on site within 30 min' },
      when: { contractTerms: ['urgent_repair'], priorities: ['urgent'] },
      anchor: 'accepted',
      deadline: { kind: 'elapsed', minutes: 30 },
      stopOn: 'arrived',
      escalate: MANAGER_ON_BREACH,
    },
    {
      kind: 'arrive_early',
      ruleId: 'SLA-07',
      label: { 'zh-CN': '提前5分钟到达', en: 'Arrive 5 min before the window' },
      when: {},
      anchor: 'appointment_agreed',
      deadline: { kind: 'before_appointment', minutes: 5 },
      stopOn: 'arrived',
    },
    {
      kind: 'damage_compensation',
      ruleId: 'SLA-08',
      label: { 'zh-CN': '损坏48小时内赔偿', en: 'Damage compensated within 48 h' },
      when: {},
      anchor: 'damage_reported',
      deadline: { kind: 'elapsed', minutes: 48 * 60 },
      stopOn: 'compensated',
      escalate: { breach: { position: 'vendor_manager', unit: 'vendor' } },
    },
    {
      kind: 'guidance_callback',
      ruleId: 'DESK-02',
      label: { 'zh-CN': '电话指导后2小时回访', en: 'Callback 2 h after phone guidance' },
      when: {},
      anchor: 'phone_guidance_ended',
      deadline: { kind: 'elapsed', minutes: 120 },
      stopOn: 'callback_done',
    },
    {
      kind: 'uncovered_contact',
      ruleId: 'WO-09',
      label: {
        'zh-CN': '未覆盖地址7天内由营业厅联系用户',
        en: 'Uncovered address: sales office contacts the customer within 7 days',
      },
      when: {},
      anchor: 'coverage_claim_confirmed',
      deadline: { kind: 'calendar_days', days: 7 },
      stopOn: 'claim_closed',
    },
    {
      kind: 'network_supplement',
      ruleId: 'WO-10',
      label: { 'zh-CN': '增补分线箱7天内完成', en: 'Network supplement done within 7 days' },
      when: {},
      anchor: 'coverage_claim_confirmed',
      deadline: { kind: 'calendar_days', days: 7 },
      stopOn: 'claim_closed',
    },
    {
      kind: 'resource_change_report',
      ruleId: 'WO-15',
      label: {
        'zh-CN': '现场资源变更24小时内报资源管理员',
        en: 'Resource change reported to the resource manager in 24 h',
      },
      when: {},
      anchor: 'resource_change_made',
      deadline: { kind: 'elapsed', minutes: 24 * 60 },
      // Anchored on when the change was made (not when it was filed): a late report starts late.
      stopOn: 'resource_change_acknowledged',
    },
  ],
  appointment: {
    arriveEarlyMinutes: 5,
    arriveEarlyTargetMaxMinutes: 10,
    rescheduleNoticeMinutes: 120,
    plannedVisitNoticeMinutes: 24 * 60,
  },
  targets: { faultAverageDurationMinutes: 8 * 60 },
};

export const DEFAULT_SLA_POLICY: SlaPolicy = parseSlaPolicy(input);
