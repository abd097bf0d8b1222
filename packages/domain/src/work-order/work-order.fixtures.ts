/**
 * Test fixtures for work-order rules (not exported from the package). One small org, one order factory
 * and one valid command per action, so each test states only what it is about.
 */
import { ancestors } from '../org/org-tree.js';
import type { OrgUnit } from '../org/org.types.js';
import type { Position } from '../org/positions.js';
import type { Completion } from './completion.js';
import type { Actor, WorkOrderCommand } from './lifecycle.js';
import type { WorkOrderAction } from './lifecycle.table.js';
import type { AppointmentWindow, WorkOrder } from './work-order.types.js';

export const NOW = new Date('2026-11-23T02:00:00Z'); // 10:00 in Beijing

const unit = (id: string, parentId: string | null, kind: OrgUnit['kind'], vendorId: string | null): OrgUnit => ({
  id,
  tenantId: 't1',
  parentId,
  kind,
  name: id,
  vendorId,
});

/** operator → vendor A → station north → teams n1, n2; vendor A → station south → team s1; vendor B. */
export const UNITS: OrgUnit[] = [
  unit('op', null, 'operator', null),
  unit('vendor-a', 'op', 'vendor', 'va'),
  unit('st-north', 'vendor-a', 'station', 'va'),
  unit('team-n1', 'st-north', 'team', 'va'),
  unit('team-n2', 'st-north', 'team', 'va'),
  unit('st-south', 'vendor-a', 'station', 'va'),
  unit('team-s1', 'st-south', 'team', 'va'),
  unit('vendor-b', 'op', 'vendor', 'vb'),
  unit('st-b', 'vendor-b', 'station', 'vb'),
];

export function actorIn(personId: string, position: Position, unitId: string): Actor {
  return { personId, position, unitIds: ancestors(unitId, UNITS) };
}

export const engineer = (personId = 'p-eng', unitId = 'team-n1'): Actor => actorIn(personId, 'onsite_engineer', unitId);
export const coordinator = (personId = 'p-coord', unitId = 'st-north'): Actor =>
  actorIn(personId, 'coordinator', unitId);

export function makeOrder(over: Partial<WorkOrder> = {}): WorkOrder {
  return {
    id: 'wo-1',
    tenantId: 't1',
    vendorId: 'va',
    number: 'GZ-20261123-000001',
    acceptanceSerial: 'BSS-778812',
    type: 'fault',
    status: 'created',
    priority: 'normal',
    product: 'broadband',
    business: 'home broadband',
    productNumber: 'BB0211002233',
    customerId: 'c-1',
    contactName: '李女士',
    contactPhone: '13812345678',
    address: '朝阳区望京街道 8 号 3-201',
    areaId: 'area-1',
    lat: 39.99,
    lng: 116.47,
    appointment: null,
    step: 'created',
    customerMessage: null,
    faultDescription: 'No internet since this morning; ONU LOS light red',
    broadband: null,
    productModel: null,
    purchaseDate: null,
    warranty: 'unknown',
    stationId: 'st-north',
    offeredToPersonId: null,
    offeredToUnitId: null,
    holderId: null,
    suspendReason: null,
    parentOrderId: null,
    repeatOfOrderId: null,
    acceptedAt: new Date('2026-11-23T01:00:00Z'),
    completedAt: null,
    closedAt: null,
    version: 1,
    ...over,
  };
}

export const WINDOW: AppointmentWindow = {
  start: new Date('2026-11-23T06:00:00Z'),
  end: new Date('2026-11-23T08:00:00Z'),
};
export const LATER_WINDOW: AppointmentWindow = {
  start: new Date('2026-11-24T06:00:00Z'),
  end: new Date('2026-11-24T08:00:00Z'),
};

export const DONE: Completion = {
  customerContacted: true,
  handlingMinutes: 45,
  remark: 'Replaced the drop cable connector; speed test 300 Mbps',
  outcome: { kind: 'done' },
};

/** A command for each action that passes every check except the ones about state and actor. */
export const VALID_COMMANDS: Readonly<Record<WorkOrderAction, WorkOrderCommand>> = {
  triage: { action: 'triage', remark: 'checked' },
  dispatch: { action: 'dispatch', toPersonId: 'p-eng', remark: 'nearest engineer' },
  take: { action: 'take' },
  return: { action: 'return', reasonCode: 'wrong_info', remark: 'house number does not exist' },
  confirm_appointment: { action: 'confirm_appointment', window: WINDOW },
  reschedule: { action: 'reschedule', reason: 'customer at work', window: LATER_WINDOW, askedBy: 'customer' },
  depart: { action: 'depart' },
  arrive: { action: 'arrive' },
  suspend: { action: 'suspend', reason: 'waiting_parts', remark: 'ONU on order' },
  resume: { action: 'resume', remark: 'part arrived' },
  complete: { action: 'complete', completion: DONE },
  start_callback: { action: 'start_callback' },
  close: { action: 'close' },
  reopen: { action: 'reopen', reason: 'customer says it fails again' },
  cancel: { action: 'cancel', reason: 'customer withdrew the request' },
  no_access: {
    action: 'no_access',
    knockedAt: new Date(NOW.getTime() - 15 * 60_000),
    call: { at: new Date(NOW.getTime() - 12 * 60_000), outcome: 'no_answer' },
    neighbour: { at: new Date(NOW.getTime() - 8 * 60_000), outcome: 'nobody_around' },
    noteLeft: true,
  },
};

/** Runs `fn` and returns the DomainError code it throws (or 'no error'), for table-style assertions. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return (e as { code?: string }).code ?? `not a domain error: ${String(e)}`;
  }
}
