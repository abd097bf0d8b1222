import {
  getCarryIn,
  getWorkOrder,
  getWorkOrders,
  insertCarryIn,
  insertCustomerMessage,
  listCarryIns,
  updateCarryIn,
  type Db,
  type StoredCarryIn,
  type StoredWorkOrder,
} from '@daowei/db';
import {
  assertCarryInStep,
  assertPickup,
  canSeeOrder,
  CARRY_IN_READY_TEXT,
  CARRY_IN_STAGES,
  carryInPromisedAt,
  carryInReceiptNumber,
  DomainError,
  nextCarryInStages,
  type CarryInStage,
  type DeskPolicy,
  type PolicyPack,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { CarryInPickupBody, CarryInReceiptBody, CarryInStageBody } from './desk.schemas.js';
import type { ScriptsService } from './scripts.service.js';
import type { CallbackService } from '../callbacks/callback.service.js';
import type { SlaService } from '../sla/sla.service.js';
import { createTenantSlaPolicies, type TenantSlaPolicies } from '../sla/tenant-sla-policy.js';
import { createTenantCalendars, type TenantCalendars } from '../calendar/tenant-calendar.js';
import { createCarryInOrderMoves } from './carry-in-order.js';

export type CarryInService = ReturnType<typeof createCarryInService>;

/**
 * DESK-03 carry-in counter: a carry-in order's device is received with a signed receipt (the customer
 * copy is the pickup voucher), stored on a shelf with a promised date (the SLA pack's carry-in clock,
 * 3 working days), moved through the bench, announced ready on the customer's self-service page, and
 * handed back after a re-test the customer signs. Each write is one transaction on the locked record.
 */
export function createCarryInService({
  db,
  clock,
  policy,
  deskPolicy,
  scripts,
  onReady,
  sla,
  callbacks,
  slaPolicies,
  calendars,
}: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  deskPolicy: DeskPolicy;
  scripts: Pick<ScriptsService, 'assertTexts'>;
  /** The customer is told the device is ready (notifications), in the step's transaction. */
  onReady?: (tx: Db, order: StoredWorkOrder, receiptNumber: string) => Promise<void>;
  /** DESK-03: the order's lifecycle follows the device (clocks and callbacks with it). */
  sla?: Pick<SlaService, 'onOrderAction'> | undefined;
  callbacks?: Pick<CallbackService, 'onOrderEvent'> | undefined;
  /** SLA-05: the promised date from the tenant's current SLA policy version and the order's calendar. */
  slaPolicies?: TenantSlaPolicies;
  calendars?: TenantCalendars;
}) {
  const slaPolicyOf = slaPolicies ?? createTenantSlaPolicies(policy.sla);
  const calendarOf = calendars ?? createTenantCalendars();
  const follow = createCarryInOrderMoves({ sla, callbacks });

  function requireCounter(auth: AuthContext) {
    if (!deskPolicy.carryInPositions.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', 'The carry-in counter is worked by reception and repair staff', {
        position: auth.position,
      });
    }
  }

  async function visibleOrder(tx: Db, auth: AuthContext, orderId: string): Promise<StoredWorkOrder> {
    const order = await getWorkOrder(tx, auth.tenantId, orderId);
    if (!order || !canSeeOrder(order, viewerOf(auth))) {
      throw new DomainError('NOT_FOUND', 'Work order not found', { id: orderId });
    }
    return order;
  }

  function view(r: StoredCarryIn, order: StoredWorkOrder, now: Date) {
    return {
      orderId: r.orderId,
      orderNumber: order.number,
      orderStatus: order.status,
      customerName: order.contactName,
      product: order.product,
      productModel: order.productModel,
      faultDescription: order.faultDescription,
      receiptNumber: r.receiptNumber,
      configuration: r.configuration,
      condition: r.condition,
      accessories: r.accessories,
      receiptSignedBy: r.receiptSignedBy,
      shelf: r.shelf,
      receivedAt: r.receivedAt.toISOString(),
      promisedAt: r.promisedAt.toISOString(),
      overdue: r.stage !== 'picked_up' && r.promisedAt.getTime() < now.getTime(),
      stage: r.stage,
      next: nextCarryInStages(r.stage),
      steps: r.steps,
      retestNote: r.retestNote,
      pickupSignedBy: r.pickupSignedBy,
      pickedUpAt: r.pickedUpAt?.toISOString() ?? null,
    };
  }

  async function locked(tx: Db, auth: AuthContext, orderId: string) {
    const order = await visibleOrder(tx, auth, orderId);
    const record = await getCarryIn(tx, auth.tenantId, orderId, { forUpdate: true });
    if (!record) throw new DomainError('NOT_FOUND', 'No device was received for this order', { id: orderId });
    return { order, record };
  }

  return {
    async get(auth: AuthContext, orderId: string) {
      const order = await visibleOrder(db, auth, orderId);
      const record = await getCarryIn(db, auth.tenantId, orderId);
      if (!record) throw new DomainError('NOT_FOUND', 'No device was received for this order', { id: orderId });
      return view(record, order, clock.now());
    },

    /** The counter's board: devices not yet picked up (or the stages asked for), earliest promise first. */
    async list(auth: AuthContext, q: { stage?: CarryInStage[] | undefined; limit: number }) {
      requireCounter(auth);
      const stages = q.stage ?? CARRY_IN_STAGES.filter((s) => s !== 'picked_up');
      const rows = await listCarryIns(db, auth.tenantId, { stages, limit: q.limit });
      const orders = new Map(
        (
          await getWorkOrders(
            db,
            auth.tenantId,
            rows.map((r) => r.orderId),
          )
        ).map((o) => [o.id, o]),
      );
      const now = clock.now();
      const viewer = viewerOf(auth);
      const items = rows.flatMap((r) => {
        const o = orders.get(r.orderId);
        return o && canSeeOrder(o, viewer) ? [view(r, o, now)] : [];
      });
      return { items };
    },

    async receive(auth: AuthContext, orderId: string, body: CarryInReceiptBody, key: string | null) {
      requireCounter(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'carry-in-receive', orderId, body }, async () => {
          const order = await visibleOrder(tx, auth, orderId);
          if (order.type !== 'carry_in') {
            throw new DomainError('CONFLICT', 'Only carry-in orders are received at the counter', { type: order.type });
          }
          const now = clock.now();
          const record = await insertCarryIn(tx, auth.tenantId, {
            orderId,
            receiptNumber: carryInReceiptNumber(order.number),
            ...body,
            receivedAt: now,
            promisedAt: carryInPromisedAt(
              now,
              await slaPolicyOf(tx, auth.tenantId),
              await calendarOf(tx, auth.tenantId, order),
            ),
            receivedBy: auth.personId,
            stage: 'received',
            steps: [{ stage: 'received', at: now.toISOString(), by: auth.personName, note: null }],
          });
          if (!record) throw new DomainError('CONFLICT', 'This device was already received', { id: orderId });
          const moved = await follow(tx, auth, orderId, 'received', now, { receivedAt: now, note: null });
          return view(record, moved, now);
        }),
      );
    },

    /** A bench step; `ready` tells the customer on their self-service page (the note is customer-facing). */
    async advance(auth: AuthContext, orderId: string, body: CarryInStageBody, key: string | null) {
      requireCounter(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'carry-in-stage', orderId, body }, async () => {
          const { order, record } = await locked(tx, auth, orderId);
          assertCarryInStep(record.stage, body.stage);
          const now = clock.now();
          if (body.stage === 'ready') {
            const text = body.note || CARRY_IN_READY_TEXT['zh-CN'];
            const confirmed = await scripts.assertTexts(tx, auth, [{ field: 'body.note', text }], body.confirmFlagged);
            await insertCustomerMessage(tx, auth.tenantId, {
              orderId,
              text,
              authorId: auth.personId,
              confirmedFlags: confirmed.length ? confirmed : null,
              at: now,
            });
            await onReady?.(tx, order, record.receiptNumber);
          }
          const updated = await updateCarryIn(tx, auth.tenantId, orderId, {
            stage: body.stage,
            steps: [
              ...record.steps,
              { stage: body.stage, at: now.toISOString(), by: auth.personName, note: body.note ?? null },
            ],
            version: record.version + 1,
          });
          const moved = await follow(tx, auth, orderId, body.stage, now, {
            receivedAt: record.receivedAt,
            note: body.note || null,
          });
          return view(updated, moved, now);
        }),
      );
    },

    /** Pickup: re-tested in front of the customer, who signs "picked up". */
    async pickup(auth: AuthContext, orderId: string, body: CarryInPickupBody, key: string | null) {
      requireCounter(auth);
      assertPickup(body);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'carry-in-pickup', orderId, body }, async () => {
          const { record } = await locked(tx, auth, orderId);
          assertCarryInStep(record.stage, 'picked_up');
          const now = clock.now();
          const updated = await updateCarryIn(tx, auth.tenantId, orderId, {
            stage: 'picked_up',
            steps: [
              ...record.steps,
              { stage: 'picked_up', at: now.toISOString(), by: auth.personName, note: body.retestNote },
            ],
            retestNote: body.retestNote,
            pickupSignedBy: body.signedBy,
            pickedUpAt: now,
            version: record.version + 1,
          });
          const moved = await follow(tx, auth, orderId, 'picked_up', now, {
            receivedAt: record.receivedAt,
            note: body.retestNote,
          });
          return view(updated, moved, now);
        }),
      );
    },
  };
}
