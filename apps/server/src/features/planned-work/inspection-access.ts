import {
  getNoticeByOrder,
  getTargetByOrder,
  getWorkOrder,
  listFindings,
  listInspectionCrew,
  type Db,
  type StoredNotice,
  type StoredWorkOrder,
  type Tx,
} from '@daowei/db';
import {
  canSeeOrder,
  DomainError,
  isHolder,
  isNoticeOverdue,
  isOpenStatus,
  localDate,
  type PlannedWorkPolicy,
  type PolicyPack,
  type Position,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { assertNoOfflineConflict } from '../visits/offline-conflict.js';
import type { TenantCalendars } from '../calendar/tenant-calendar.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import { PLANNERS } from './care-agreements.service.js';
import { crewOf } from './inspection-crew.js';

/** Who reads plans, inspections and the overdue notices. */
export const READERS: readonly Position[] = [
  ...PLANNERS,
  'team_lead',
  'hotline_agent',
  'vendor_manager',
  'monitor',
  'support',
];
/** Who puts a crew together (those who may dispatch, WO-06). */
export const DISPATCHERS: readonly Position[] = ['coordinator', 'team_lead', 'station_manager', 'admin'];

export type InspectionDeps = {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  planned: PlannedWorkPolicy;
  workOrders: Pick<WorkOrderService, 'createIn' | 'actIn'>;
  calendars: TenantCalendars;
};

export type InspectionAccess = ReturnType<typeof createInspectionAccess>;

/**
 * WO-17: what the plan, crew/finding and notice services share — who may do what, the tenant's local
 * day, the inspection order as its crew reads or records it, and the inspection as the API shows it.
 */
export function createInspectionAccess({ clock, planned, calendars }: InspectionDeps) {
  const policy = planned.inspection;
  const require = (auth: AuthContext, positions: readonly Position[]) => {
    if (!positions.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', `This needs one of the positions: ${positions.join(', ')}`);
    }
  };
  const today = async (q: Db, tenantId: string) => localDate(clock.now(), (await calendars(q, tenantId)).timeZone);

  /** The order for reading: visible to whoever may see it, and to every member of its crew. */
  async function readableOrder(q: Db, auth: AuthContext, id: string) {
    const order = await getWorkOrder(q, auth.tenantId, id);
    const crew = order ? await listInspectionCrew(q, auth.tenantId, order.id) : [];
    if (!order || order.type !== 'inspection') throw new DomainError('NOT_FOUND', 'Inspection not found', { id });
    if (!canSeeOrder(order, viewerOf(auth)) && !crew.some((c) => c.personId === auth.personId)) {
      throw new DomainError('NOT_FOUND', 'Inspection not found', { id });
    }
    return { order, crew };
  }

  /**
   * Crew members (the holder among them) record while the order is open. ENG-07: a record the phone
   * queued offline is a named conflict once its author left the crew or the order was closed.
   */
  async function writableOrder(tx: Tx, auth: AuthContext, id: string, queuedAt: Date | null = null) {
    const order = await getWorkOrder(tx, auth.tenantId, id);
    const inCrew = order && (await listInspectionCrew(tx, auth.tenantId, id)).some((c) => c.personId === auth.personId);
    await assertNoOfflineConflict(
      tx,
      auth,
      order && inCrew ? { ...order, holderId: auth.personId } : order,
      'inspection',
      queuedAt,
    );
    const facts = await readableOrder(tx, auth, id);
    if (!isHolder(facts.order, viewerOf(auth)) && !facts.crew.some((c) => c.personId === auth.personId)) {
      throw new DomainError('WO_NOT_HOLDER', 'Only the inspection crew records the inspection', { id });
    }
    if (!isOpenStatus(facts.order.status)) {
      throw new DomainError('WO_INVALID_TRANSITION', `The order is ${facts.order.status}: the record is closed`, {
        status: facts.order.status,
      });
    }
    return facts;
  }

  async function inspectionDetail(q: Db, auth: AuthContext, order: StoredWorkOrder) {
    const [crew, findings, notice, target] = await Promise.all([
      crewOf(q, auth.tenantId, order.id),
      listFindings(q, auth.tenantId, order.id),
      getNoticeByOrder(q, auth.tenantId, order.id),
      getTargetByOrder(q, auth.tenantId, order.id),
    ]);
    return {
      orderId: order.id,
      orderNumber: order.number,
      status: order.status,
      planId: target?.planId ?? null,
      minInspectors: policy.minInspectors,
      items: policy.items,
      hazardLevels: policy.hazardLevels,
      refusalReasons: policy.refusalReasons,
      crew,
      findings: findings.map((f) => ({ ...f, recordedAt: f.recordedAt.toISOString() })),
      notice: notice ? presentNotice(notice, await today(q, auth.tenantId)) : null,
    };
  }

  return { policy, require, today, readableOrder, writableOrder, inspectionDetail };
}

/** A notice as the API shows it: no image bytes (GET …/signature serves them), and whether it is overdue. */
export function presentNotice(n: StoredNotice, today: string) {
  const { signature, createdAt: _c, ...rest } = n;
  return {
    ...rest,
    hasSignature: signature !== null,
    issuedAt: n.issuedAt.toISOString(),
    answeredAt: n.answeredAt?.toISOString() ?? null,
    rectifiedAt: n.rectifiedAt?.toISOString() ?? null,
    overdue: isNoticeOverdue(n, today),
  };
}
