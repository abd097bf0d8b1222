import { DEFAULT_SLA_POLICY } from '../sla/default-sla-policy.js';
import type { SlaPolicy } from '../sla/sla-policy.js';
import { DEFAULT_VISIT_POLICY, type VisitPolicy } from '../visit/visit-policy.js';

/**
 * Every number of requirements.md is a default of a versioned policy pack, never a literal in code.
 * This file holds the foundation's part of the pack; later features add their sections.
 * A pack is chosen per tenant; orders keep the version they were decided with.
 */
export interface LabelledCode {
  code: string;
  label: { 'zh-CN': string; en: string };
}

export interface PolicyPack {
  id: string;
  version: number;
  /** WO-12: a fault within this many days of the last closed one for the same customer/product is a repeat. */
  repeatFaultWindowDays: number;
  /** ORG-04: an address outside every area but within this distance of one is "near" (served with longer clocks). */
  coverageOutsideKm: number;
  /** WO-05: reasons an engineer may give when returning an order. */
  returnReasons: readonly LabelledCode[];
  /** WO-07: causes a resolved complaint may name. */
  complaintCauses: readonly LabelledCode[];
  /** SEC-03: how long a login session lives without use, in minutes. */
  sessionIdleMinutes: number;
  /** SEC-03: login attempts allowed per minute per client address. */
  loginAttemptsPerMinute: number;
  /** SEC-03: consecutive failed logins of one account that lock it… */
  loginLockoutFailures: number;
  /** SEC-03: …for this many minutes. */
  loginLockoutMinutes: number;
  /** SLA-02..09: the promises (clocks) orders get, versioned on its own so clocks can stamp it. */
  sla: SlaPolicy;
  /** ENG-03/04/06, APT-04, WO-14: on-site visit rules (lateness handling, consents, checklists, attachments). */
  visit: VisitPolicy;
}

const l = (code: string, zh: string, en: string): LabelledCode => ({ code, label: { 'zh-CN': zh, en } });

export const DEFAULT_POLICY_PACK: PolicyPack = {
  id: 'default',
  version: 1,
  repeatFaultWindowDays: 30,
  coverageOutsideKm: 80,
  returnReasons: [
    l('address_not_covered', '地址不在覆盖范围', 'Address not covered'),
    l('needs_network_supplement', '需增补分线箱', 'Needs network supplement'),
    l('customer_cancelled', '用户取消', 'Customer cancelled'),
    l('duplicate', '重复工单', 'Duplicate order'),
    l('wrong_info', '信息有误', 'Wrong information'),
    l('not_my_area', '非本区域', 'Not my area'),
  ],
  complaintCauses: [
    l('line_fault', '线路故障', 'Line fault'),
    l('equipment_fault', '设备故障', 'Equipment fault'),
    l('customer_side', '用户侧原因', 'Customer side'),
    l('service_attitude', '服务态度', 'Service attitude'),
    l('billing', '资费疑问', 'Billing question'),
    l('late_arrival', '上门不准时', 'Late arrival'),
    l('other', '其他', 'Other'),
  ],
  sessionIdleMinutes: 12 * 60,
  loginAttemptsPerMinute: 10,
  loginLockoutFailures: 5,
  loginLockoutMinutes: 15,
  sla: DEFAULT_SLA_POLICY,
  visit: DEFAULT_VISIT_POLICY,
};
