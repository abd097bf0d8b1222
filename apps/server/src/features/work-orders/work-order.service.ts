import {
  appendEvent,
  findOrCreateCustomer,
  findRecentFinishedFaults,
  getArea,
  getForUpdate,
  getOrgUnit,
  getPerson,
  getVendor,
  getWorkOrder,
  insertWorkOrder,
  linkWorkOrders,
  listWorkOrders,
  updateWorkOrder,
  visibilityFor,
  type Db,
  type Tx,
  type StoredWorkOrder,
} from '@daowei/db';
import {
  assertRequiredFields,
  canSeeOrder,
  decide,
  DomainError,
  findRepeatOf,
  isOfferedTo,
  linkedFaultFromComplaint,
  PHONE_VISIBLE_POSITIONS,
  type PolicyPack,
  type WorkOrderAction,
  type WorkOrderCommand,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { isWellFormedCursor, type CreateBody, type ListQuery } from './work-order.schemas.js';
import { createOrderReader } from './work-order.reader.js';
import { assertPartsSettled } from '../parts/borrow.service.js';
import { assertVisitReadyToComplete } from '../visits/visit.service.js';
import { assertNoOfflineConflict } from '../visits/offline-conflict.js';
import { contractForNewOrder, DEFAULT_PLANNED_WORK_POLICY } from '@daowei/domain';
import { assertInspectionCrewFor } from '../planned-work/inspection-crew.js';
import type { SlaService } from '../sla/sla.service.js';
import { createTenantSlaPolicies, type TenantSlaPolicies } from '../sla/tenant-sla-policy.js';
import type { CallbackService } from '../callbacks/callback.service.js';
import type { CustomerNotices } from '../notifications/customer-notices.js';
import type { BatchIncidentService } from '../desk/batch-incidents.service.js';
import { closeComplaintWithOrder } from '../complaints/complaint-closure.js';
import type { VisitOrderHooks } from '../visits/visit-order-hooks.js';
import { withArrivalTime } from '../visits/arrival-time.js';

const DAY_MS = 86_400_000;

export type WorkOrderService = ReturnType<typeof createWorkOrderService>;

/**
 * WO-01..08, WO-12: creating orders and moving them through the lifecycle. Every change is one
 * transaction: the order row is locked, the domain decides, the order and its event are written
 * together, and a retried submission (Idempotency-Key) replays the first answer.
 */
export function createWorkOrderService({
  db,
  clock,
  policy,
  sla,
  callbacks,
  customerNotices,
  visitHooks,
  batchFaults,
  slaPolicies,
}: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  /** SLA-07: the tenant's current SLA policy version (early arrival on check-in), not the shipped one. */
  slaPolicies?: TenantSlaPolicies;
  /** SLA-09: clocks start and follow the order in its transaction (absent in unit-level uses). */
  sla?: Pick<SlaService, 'startForOrder' | 'onOrderAction'>;
  /** CB-01: callback tasks the rules give a completed order, in its transaction. */
  callbacks?: Pick<CallbackService, 'onOrderEvent'>;
  /** INT-01: the customer hears of appointments, departure (with ETA) and completion, in the action's transaction. */
  customerNotices?: Pick<CustomerNotices, 'onOrderAction'>;
  /** APT-03/04: what the visit rules add to an action (no-access follow-up, late-arrival escalation). */
  visitHooks?: VisitOrderHooks;
  /** WO-11: a new fault is clustered with recent ones in its transaction (may propose an incident). */
  batchFaults?: Pick<BatchIncidentService, 'onFaultCreated'>;
}) {
  const reader = createOrderReader(db);
  const slaPolicyOf = slaPolicies ?? createTenantSlaPolicies(policy.sla);

  /** Another vendor's or tenant's order is answered as missing: its existence must not leak (SEC-02). */
  function notFound(id: string): DomainError {
    return new DomainError('NOT_FOUND', 'Work order not found', { id });
  }

  /**
   * The vendor and area of a new order. Vendor staff create for their own vendor; operator staff name
   * the vendor or an area served by a vendor's station. An unknown area or vendor, or an area served by
   * another vendor than the order's, is refused naming the field (never a foreign-key 500).
   */
  async function placeNewOrder(tx: Db, auth: AuthContext, body: CreateBody) {
    const area = body.areaId ? await getArea(tx, auth.tenantId, body.areaId) : null;
    if (body.areaId && !area) throw new DomainError('VALIDATION_FAILED', 'Unknown area', { field: 'areaId' });
    const station = area?.stationId ? await getOrgUnit(tx, auth.tenantId, area.stationId) : null;
    const vendorId = auth.vendorId ?? body.vendorId ?? station?.vendorId ?? null;
    if (!vendorId) {
      throw new DomainError('VALIDATION_FAILED', 'Name the vendor, or an area served by a vendor station', {
        field: 'vendorId',
      });
    }
    if (!auth.vendorId && body.vendorId && !(await getVendor(tx, auth.tenantId, body.vendorId))) {
      throw new DomainError('VALIDATION_FAILED', 'Unknown vendor', { field: 'vendorId' });
    }
    if (station?.vendorId && station.vendorId !== vendorId) {
      throw new DomainError('VALIDATION_FAILED', 'This area is served by another vendor', { field: 'areaId' });
    }
    return { vendorId, area };
  }

  /** WO-06: a dispatch goes to an active person or a unit of the order's own vendor (SEC-02). */
  async function checkDispatchTarget(tx: Db, auth: AuthContext, order: StoredWorkOrder, cmd: WorkOrderCommand) {
    if (cmd.action !== 'dispatch') return;
    if (cmd.toPersonId) {
      const person = await getPerson(tx, auth.tenantId, cmd.toPersonId);
      if (!person || !person.active || person.vendorId !== order.vendorId) {
        throw new DomainError('VALIDATION_FAILED', "No such person in this order's vendor", { field: 'toPersonId' });
      }
    }
    if (cmd.toUnitId) {
      const unit = await getOrgUnit(tx, auth.tenantId, cmd.toUnitId);
      if (!unit || unit.vendorId !== order.vendorId) {
        throw new DomainError('VALIDATION_FAILED', "No such unit in this order's vendor", { field: 'toUnitId' });
      }
    }
  }

  async function create(auth: AuthContext, body: CreateBody, key: string | null) {
    assertRequiredFields(body);
    return db.transaction((tx) =>
      runIdempotent(tx, auth, key, { op: 'create', body }, async () =>
        reader.detail(tx, viewerOf(auth), await createIn(tx, auth, body)),
      ),
    );
  }

  /** WO-01/02: a new order inside the caller's transaction (DESK-01 intake opens one with its record). */
  async function createIn(
    tx: Tx,
    auth: AuthContext,
    body: CreateBody,
    /** DESK-06: a customer's own report has no staff actor; `via` names the channel in the event. */
    opts: { customerVia?: string } = {},
  ): Promise<StoredWorkOrder> {
    assertRequiredFields(body);
    const now = clock.now();
    const { vendorId, area } = await placeNewOrder(tx, auth, body);
    const { customer } = await findOrCreateCustomer(tx, auth.tenantId, {
      name: body.customer.name,
      phone: body.customer.phone,
      address: body.customer.address,
      lat: body.lat ?? null,
      lng: body.lng ?? null,
      areaId: body.areaId ?? null,
    });
    const repeatOfOrderId =
      body.type === 'fault' ? await repeatOf(tx, auth.tenantId, customer.id, body.productNumber, now) : null;
    // SLA-02: the contract the desk named, or the customer's; its clocks start with the order below.
    const contractId = contractForNewOrder(await slaPolicyOf(tx, auth.tenantId), body.contractId, customer.contractId);
    const order = await insertWorkOrder(tx, auth.tenantId, {
      vendorId,
      acceptanceSerial: body.acceptanceSerial,
      type: body.type,
      status: 'created',
      priority: body.priority,
      product: body.product,
      business: body.business,
      productNumber: body.productNumber,
      customerId: customer.id,
      contactName: body.customer.name,
      contactPhone: body.customer.phone,
      address: body.customer.address,
      areaId: body.areaId ?? null,
      lat: body.lat ?? null,
      lng: body.lng ?? null,
      appointment: body.appointment ?? null,
      step: 'created',
      customerMessage: body.customerMessage ?? null,
      faultDescription: body.faultDescription ?? null,
      broadband: body.broadband ?? null,
      productModel: body.productModel ?? null,
      purchaseDate: body.purchaseDate ?? null,
      warranty: body.warranty,
      stationId: area?.stationId ?? null,
      offeredToPersonId: null,
      offeredToUnitId: null,
      holderId: null,
      suspendReason: null,
      parentOrderId: null,
      repeatOfOrderId,
      acceptedAt: now,
      completedAt: null,
      closedAt: null,
      policyId: policy.id,
      policyVersion: policy.version,
      contractId,
    });
    await appendEvent(tx, auth.tenantId, {
      orderId: order.id,
      action: 'create',
      fromStatus: null,
      toStatus: 'created',
      actorId: opts.customerVia ? null : auth.personId,
      actorPosition: opts.customerVia ? null : auth.position,
      at: now,
      payload: opts.customerVia ? { repeatOfOrderId, via: opts.customerVia } : { repeatOfOrderId },
    });
    await sla?.startForOrder(tx, order, now);
    await batchFaults?.onFaultCreated(tx, order, now);
    return order;
  }

  /** WO-12: the customer's fault on this product fixed within the policy's window before `now`, if any. */
  async function repeatOf(tx: Db, tenantId: string, customerId: string, productNumber: string, now: Date) {
    const since = new Date(now.getTime() - policy.repeatFaultWindowDays * DAY_MS);
    const previous = await findRecentFinishedFaults(tx, tenantId, { customerId, productNumber, since });
    return findRepeatOf({ customerId, productNumber, acceptedAt: now }, previous, policy);
  }

  /** WO-08: the fault raised by a complaint completed as "not resolved", linked both ways (and WO-12 checked). */
  async function spawnLinkedFault(tx: Db, auth: AuthContext, complaint: StoredWorkOrder, now: Date) {
    const draft = linkedFaultFromComplaint(complaint, now);
    const { tenantId: _t, ...fields } = draft;
    const repeatOfOrderId = await repeatOf(tx, auth.tenantId, draft.customerId, draft.productNumber, now);
    const fault = await insertWorkOrder(tx, auth.tenantId, {
      ...fields,
      repeatOfOrderId,
      policyId: policy.id,
      policyVersion: policy.version,
    });
    await linkWorkOrders(tx, auth.tenantId, {
      fromOrderId: complaint.id,
      toOrderId: fault.id,
      kind: 'complaint_to_fault',
    });
    await appendEvent(tx, auth.tenantId, {
      orderId: fault.id,
      action: 'create',
      fromStatus: null,
      toStatus: 'created',
      actorId: auth.personId,
      actorPosition: auth.position,
      at: now,
      payload: { fromComplaintId: complaint.id, fromComplaintNumber: complaint.number, repeatOfOrderId },
    });
    await sla?.startForOrder(tx, fault, now);
    return fault;
  }

  /** `queuedAt`: the phone queued this offline (ENG-07) — a changed order answers WO_OFFLINE_CONFLICT. */
  async function act(auth: AuthContext, id: string, cmd: WorkOrderCommand, key: string | null, queuedAt?: Date | null) {
    return db.transaction((tx) =>
      runIdempotent(tx, auth, key, { op: 'act', id, cmd }, () => actIn(tx, auth, id, cmd, queuedAt ?? null)),
    );
  }

  /** One lifecycle action inside the caller's transaction (DSP-03 applies a whole plan in one). */
  async function actIn(tx: Tx, auth: AuthContext, id: string, given: WorkOrderCommand, queuedAt: Date | null = null) {
    let cmd = given;
    const viewer = viewerOf(auth);
    const order = await getForUpdate(tx, auth.tenantId, id);
    await assertNoOfflineConflict(tx, auth, order, cmd.action, queuedAt); // ENG-07
    // A colleague of the pool who lost the race to take must hear "already taken", not "not found".
    const lostTake =
      cmd.action === 'take' &&
      order &&
      order.vendorId === (auth.vendorId ?? order.vendorId) &&
      isOfferedTo(order, viewer);
    if (!order || (!canSeeOrder(order, viewer) && !lostTake)) throw notFound(id);
    const now = clock.now();
    // ENG-07: a check-in that waited offline counts from the phone's time of arrival, not the sync.
    if (cmd.action === 'arrive') cmd = await withArrivalTime(tx, order, cmd, queuedAt, now);
    const decision = decide(order, cmd, viewer, { ...policy, sla: await slaPolicyOf(tx, auth.tenantId) }, now);
    await checkDispatchTarget(tx, auth, order, cmd);
    // PART-03: parts borrowed for the order must be back or used (or waived by a manager) first.
    if (cmd.action === 'complete') await assertPartsSettled(tx, auth.tenantId, id);
    if (cmd.action === 'complete') await assertVisitReadyToComplete(tx, policy.visit, order); // WO-14
    await assertInspectionCrewFor(tx, DEFAULT_PLANNED_WORK_POLICY, order, cmd); // WO-17: two inspectors
    if (cmd.action === 'close') await closeComplaintWithOrder(tx, auth, order, now); // CMP-01
    const changes = { ...decision.changes, status: decision.to, step: decision.to };
    if (cmd.action === 'complete') Object.assign(changes, { completion: cmd.completion });
    let updated = await updateWorkOrder(tx, auth.tenantId, id, changes, order.version);
    const payload = { ...decision.payload };
    // ENG-07: a departure that waited offline keeps the phone's time (the arrival is checked against it).
    if (cmd.action === 'depart') payload.departedAt = new Date(Math.min((queuedAt ?? now).getTime(), now.getTime()));
    if (decision.spawnLinkedFault) {
      const fault = await spawnLinkedFault(tx, auth, updated, now);
      Object.assign(payload, { linkedFaultId: fault.id, linkedFaultNumber: fault.number });
    }
    await appendEvent(tx, auth.tenantId, {
      orderId: id,
      action: decision.action,
      fromStatus: decision.from,
      toStatus: decision.to,
      actorId: auth.personId,
      actorPosition: auth.position,
      at: now,
      payload,
    });
    updated = (await getWorkOrder(tx, auth.tenantId, id)) ?? updated;
    await sla?.onOrderAction(tx, updated, cmd, cmd.action === 'arrive' ? (cmd.arrivedAt ?? now) : now);
    await visitHooks?.afterAction(tx, auth, updated, cmd, payload, now);
    if (decision.to === 'completed') {
      // CB-01: an uncertain fix is called back 2–3 h later (its rule also blocks the close like a fault's).
      const uncertain = cmd.action === 'complete' && cmd.completion.uncertainFix === true;
      const made = uncertain ? await callbacks?.onOrderEvent(tx, updated, 'uncertain_fix', now) : [];
      if (!made?.length) await callbacks?.onOrderEvent(tx, updated, 'completed', now);
    }
    await customerNotices?.onOrderAction(tx, order, updated, cmd, now); // INT-01
    return reader.detail(tx, viewer, updated);
  }

  return {
    create,
    createIn,
    act,
    actIn,

    async get(auth: AuthContext, id: string) {
      const order = await getWorkOrder(db, auth.tenantId, id);
      const viewer = viewerOf(auth);
      if (!order || !canSeeOrder(order, viewer)) throw notFound(id);
      return reader.detail(db, viewer, order);
    },

    async list(auth: AuthContext, q: ListQuery) {
      if (q.cursor && !isWellFormedCursor(q.cursor)) {
        throw new DomainError('VALIDATION_FAILED', 'The page cursor is not valid', { field: 'cursor' });
      }
      const viewer = viewerOf(auth);
      const visibility = visibilityFor(viewer);
      if (!visibility) return { items: [], nextCursor: null };
      const page = await listWorkOrders(db, auth.tenantId, {
        ...visibility,
        scope: q.scope,
        ...(q.type ? { type: q.type } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.areaId ? { areaId: q.areaId } : {}),
        ...(q.engineerId ? { engineerId: q.engineerId } : {}),
        ...(q.from ? { acceptedFrom: q.from } : {}),
        ...(q.to ? { acceptedTo: q.to } : {}),
        ...(q.q ? { q: q.q, qMatchesPhone: PHONE_VISIBLE_POSITIONS.includes(auth.position) } : {}),
        cursor: q.cursor ?? null,
        limit: q.limit,
      });
      return { items: await reader.views(db, viewer, page.items), nextCursor: page.nextCursor };
    },
  };
}

export type { WorkOrderAction };
