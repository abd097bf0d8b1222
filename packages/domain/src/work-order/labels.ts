import type { OrgUnitKind, ShiftKind } from '../org/org.types.js';
import type { Position } from '../org/positions.js';
import type { LabelledCode } from '../policy/policy-pack.js';
import type { OutcomeKind } from './completion.js';
import type { WorkOrderAction } from './lifecycle.table.js';
import type { Priority, SuspendReason, WarrantyState, WorkOrderStatus, WorkOrderType } from './work-order.types.js';

/**
 * Display names for codes, in Chinese (the default UI) and English. The web and exports read them from
 * here so a status is called the same thing on every screen and in every spreadsheet. Each table is a
 * full Record over its codes: adding a status without naming it is a type error.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Label = LabelledCode['label'];

const l = (zh: string, en: string): Label => ({ 'zh-CN': zh, en });

export const TYPE_LABELS: Readonly<Record<WorkOrderType, Label>> = {
  install: l('装机开通', 'Installation'),
  fault: l('故障维修', 'Fault repair'),
  complaint: l('投诉处理', 'Complaint'),
  inspection: l('计划检查', 'Planned inspection'),
  care_visit: l('定期上门', 'Recurring visit'),
  carry_in: l('送修', 'Carry-in repair'),
  consultation: l('咨询', 'Consultation'),
  paid_service: l('有偿服务', 'Paid service'),
};

export const STATUS_LABELS: Readonly<Record<WorkOrderStatus, Label>> = {
  created: l('新建', 'New'),
  triaged: l('待派单', 'Ready to dispatch'),
  assigned: l('待取单', 'Waiting to be taken'),
  taken: l('已取单', 'Taken'),
  appointment_confirmed: l('已预约', 'Appointment set'),
  en_route: l('在途', 'On the way'),
  on_site: l('已到场', 'On site'),
  suspended: l('挂起', 'On hold'),
  completed: l('已回单', 'Completed'),
  callback: l('回访中', 'In callback'),
  closed: l('已关闭', 'Closed'),
  returned: l('已退单', 'Returned'),
  cancelled: l('已取消', 'Cancelled'),
};

/** WO-11: events a batch incident writes into each child's history (the status does not change). */
export const INCIDENT_EVENT_ACTIONS = ['incident_linked', 'incident_unlinked', 'incident_progress'] as const;

/** ENG-05: on-site records written into the history without changing the status (the diagnosis). */
export const RECORD_EVENT_ACTIONS = ['diagnosis'] as const;

/** Event actions: every lifecycle action plus the creation event that opens an order's history. */
export type EventAction =
  WorkOrderAction | 'create' | (typeof INCIDENT_EVENT_ACTIONS)[number] | (typeof RECORD_EVENT_ACTIONS)[number];

export const ACTION_LABELS: Readonly<Record<EventAction, Label>> = {
  create: l('建单', 'Create'),
  triage: l('分拣', 'Triage'),
  dispatch: l('派单', 'Dispatch'),
  take: l('取单', 'Take'),
  return: l('退单', 'Return'),
  confirm_appointment: l('确认预约', 'Confirm appointment'),
  reschedule: l('改约', 'Reschedule'),
  depart: l('出发', 'Set off'),
  arrive: l('到场', 'Arrive'),
  suspend: l('挂起', 'Put on hold'),
  resume: l('恢复处理', 'Resume'),
  complete: l('回单', 'Complete'),
  start_callback: l('开始回访', 'Start callback'),
  close: l('关闭', 'Close'),
  reopen: l('重新处理', 'Reopen'),
  cancel: l('取消', 'Cancel'),
  no_access: l('上门不遇', 'Nobody home'),
  incident_linked: l('并入批量故障', 'Linked to a batch fault'),
  incident_unlinked: l('移出批量故障', 'Taken out of a batch fault'),
  incident_progress: l('批量故障进展', 'Batch fault update'),
  diagnosis: l('故障诊断', 'Diagnosis'),
};

export const POSITION_LABELS: Readonly<Record<Position, Label>> = {
  hotline_agent: l('热线工程师', 'Hotline agent'),
  coordinator: l('协调员', 'Coordinator'),
  team_lead: l('班组长', 'Team lead'),
  onsite_engineer: l('上门工程师', 'Field engineer'),
  reception_engineer: l('接待工程师', 'Reception engineer'),
  repair_engineer: l('站内维修工程师', 'Workshop engineer'),
  parts_clerk: l('备件专员', 'Parts clerk'),
  callback_agent: l('回访专员', 'Callback agent'),
  station_manager: l('站长', 'Station manager'),
  finance_clerk: l('行政专员', 'Office & finance clerk'),
  vendor_manager: l('代维经理', 'Vendor manager'),
  monitor: l('后台监控', 'Back-office monitor'),
  sales: l('销售稽核', 'Sales spot-check'),
  support: l('支撑中心', 'Support centre'),
  admin: l('系统管理员', 'Administrator'),
  resource_manager: l('资源管理员', 'Resource manager'),
};

export const SUSPEND_REASON_LABELS: Readonly<Record<SuspendReason, Label>> = {
  waiting_parts: l('等待备件', 'Waiting for parts'),
  waiting_third_party: l('等待第三方', 'Waiting for a third party'),
  waiting_network_supplement: l('等待增补分线箱', 'Waiting for a network supplement'),
  waiting_customer: l('等待用户', 'Waiting for the customer'),
};

export const PRIORITY_LABELS: Readonly<Record<Priority, Label>> = {
  low: l('低', 'Low'),
  normal: l('普通', 'Normal'),
  high: l('高', 'High'),
  urgent: l('紧急', 'Urgent'),
};

export const WARRANTY_LABELS: Readonly<Record<WarrantyState, Label>> = {
  in_warranty: l('保修期内', 'In warranty'),
  out_of_warranty: l('已过保', 'Out of warranty'),
  unknown: l('待确认', 'To be checked'),
};

export const OUTCOME_LABELS: Readonly<Record<OutcomeKind, Label>> = {
  done: l('已完成', 'Done'),
  resolved: l('已解决', 'Resolved'),
  unresolved_to_fault: l('未解决，转故障单', 'Not resolved, fault order raised'),
  reschedule: l('改约再处理', 'Rescheduled'),
  cannot_resolve: l('特殊情况，无法解决', 'Cannot be resolved'),
  misdispatched: l('错分或错派，退回分拣', 'Misclassified, back to triage'),
};

export const SHIFT_KIND_LABELS: Readonly<Record<ShiftKind, Label>> = {
  day: l('白班', 'Day shift'),
  evening: l('晚班', 'Evening shift'),
  weekend: l('周末班', 'Weekend shift'),
};

export const ORG_UNIT_KIND_LABELS: Readonly<Record<OrgUnitKind, Label>> = {
  operator: l('运营方', 'Operator'),
  vendor: l('代维公司', 'Vendor'),
  station: l('服务站', 'Service station'),
  team: l('班组', 'Team'),
};

/**
 * The label of a code in a table, or the code itself when the table does not know it — history can
 * hold actions that later features add, and a raw code beats a blank cell.
 */
export function labelOf(table: Readonly<Record<string, Label>>, code: string, locale: Locale): string {
  return Object.hasOwn(table, code) ? (table[code] as Label)[locale] : code;
}
