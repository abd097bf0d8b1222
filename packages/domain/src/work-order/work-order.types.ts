/** WO-01: every kind of job that ends with a person at (or on the phone with) a customer. */
export const WORK_ORDER_TYPES = [
  'install', // 开通/装机
  'fault', // 故障
  'complaint', // 投诉
  'inspection', // 检查 (planned)
  'care_visit', // 定期上门
  'carry_in', // 送修
  'consultation', // 咨询
  'paid_service', // 有偿服务
] as const;
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];

/** WO-03 lifecycle states. `assigned` means offered to a person or to a unit's pool, not yet taken. */
export const WORK_ORDER_STATUSES = [
  'created',
  'triaged',
  'assigned',
  'taken',
  'appointment_confirmed',
  'en_route',
  'on_site',
  'suspended',
  'completed',
  'callback',
  'closed',
  'returned',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** States in which an order is still someone's open work. */
export const OPEN_STATUSES: readonly WorkOrderStatus[] = [
  'created',
  'triaged',
  'assigned',
  'taken',
  'appointment_confirmed',
  'en_route',
  'on_site',
  'suspended',
  'returned',
];

export function isOpenStatus(s: WorkOrderStatus): boolean {
  return OPEN_STATUSES.includes(s);
}

export const SUSPEND_REASONS = [
  'waiting_parts',
  'waiting_third_party',
  'waiting_network_supplement',
  'waiting_customer',
] as const;
export type SuspendReason = (typeof SUSPEND_REASONS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const WARRANTY_STATES = ['in_warranty', 'out_of_warranty', 'unknown'] as const;
export type WarrantyState = (typeof WARRANTY_STATES)[number];

/** WO-02 broadband-specific facts. */
export interface BroadbandFacts {
  bandwidthMbps: number;
  tariff: string;
  accessMethod: string; // FTTH, LAN, ...
  cooperationMode: string;
  /** WO-11: the access device the line hangs off (OLT port, splitter box), when the desk knows it. */
  accessDevice?: string | undefined;
}

export interface AppointmentWindow {
  start: Date;
  end: Date;
}

/** The facts of a work order (WO-02). Ids are UUID strings. */
export interface WorkOrder {
  id: string;
  tenantId: string;
  vendorId: string;
  number: string; // human number, e.g. WO-20261123-000123
  acceptanceSerial: string; // 受理流水号 from the operator's system
  type: WorkOrderType;
  status: WorkOrderStatus;
  priority: Priority;
  product: string;
  business: string;
  productNumber: string; // e.g. broadband account
  customerId: string;
  contactName: string;
  contactPhone: string;
  address: string;
  areaId: string | null;
  lat: number | null;
  lng: number | null;
  appointment: AppointmentWindow | null;
  step: string; // 环节: free text shown to users, derived from status by default
  customerMessage: string | null;
  faultDescription: string | null;
  broadband: BroadbandFacts | null;
  productModel: string | null;
  purchaseDate: string | null; // ISO date
  warranty: WarrantyState;
  stationId: string | null;
  offeredToPersonId: string | null;
  offeredToUnitId: string | null;
  holderId: string | null;
  suspendReason: SuspendReason | null;
  parentOrderId: string | null; // WO-08: fault created from a complaint
  repeatOfOrderId: string | null; // WO-12
  acceptedAt: Date;
  completedAt: Date | null;
  closedAt: Date | null;
  version: number;
}
