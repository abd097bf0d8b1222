import {
  getPartItem,
  getWorkOrder,
  listIssuedForOrders,
  listPartNeeds,
  replacePartNeeds,
  stationStoreOnHand,
  type Db,
  type StoredWorkOrder,
} from '@daowei/db';
import { canSeeOrder, DomainError, partsReadiness, type DispatchPolicy } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { PartNeedsBody } from './dispatch.schemas.js';

/**
 * DSP-01/03: the parts an order needs, recorded by the desk that diagnosed it, a planner or the store,
 * and its readiness on its own: issued for the order, else in its station's store. (The board shares
 * the store out across a whole day; this view answers "could this one visit go out tomorrow?")
 */
export function createPartNeedsService({
  db,
  clock,
  dispatchPolicy,
}: {
  db: Db;
  clock: Clock;
  dispatchPolicy: DispatchPolicy;
}) {
  const viewer = (auth: AuthContext) => ({
    tenantId: auth.tenantId,
    personId: auth.personId,
    position: auth.position,
    unitIds: auth.unitIds,
    vendorId: auth.vendorId,
  });
  const mayRecord = (auth: AuthContext) => dispatchPolicy.partNeedsPositions.includes(auth.position);

  /** Seen by whoever sees the order, and by those who record needs for their vendor's orders (the store). */
  async function orderFor(tx: Db, auth: AuthContext, id: string): Promise<StoredWorkOrder> {
    const order = await getWorkOrder(tx, auth.tenantId, id);
    const sameVendor = order && (auth.vendorId === null || order.vendorId === auth.vendorId);
    if (!order || !sameVendor || !(canSeeOrder(order, viewer(auth)) || mayRecord(auth))) {
      throw new DomainError('NOT_FOUND', 'Work order not found', { id });
    }
    return order;
  }

  async function view(tx: Db, auth: AuthContext, order: StoredWorkOrder) {
    const needs = await listPartNeeds(tx, auth.tenantId, [order.id]);
    const issued = await listIssuedForOrders(tx, auth.tenantId, [order.id]);
    const onHand = order.stationId ? await stationStoreOnHand(tx, auth.tenantId, order.stationId) : new Map();
    const readiness = partsReadiness([order.id], needs, issued, onHand).get(order.id)!;
    const nameOf = new Map(needs.map((n) => [n.itemId, { itemCode: n.itemCode, itemName: n.itemName }]));
    return {
      orderId: order.id,
      status: readiness.status,
      lines: readiness.lines.map((l) => ({ ...l, ...nameOf.get(l.itemId)! })),
      canEdit: mayRecord(auth),
    };
  }

  return {
    async get(auth: AuthContext, orderId: string) {
      return view(db, auth, await orderFor(db, auth, orderId));
    },

    async replace(auth: AuthContext, orderId: string, body: PartNeedsBody, key: string | null) {
      if (!mayRecord(auth)) {
        throw new DomainError(
          'FORBIDDEN',
          `This needs one of the positions: ${dispatchPolicy.partNeedsPositions.join(', ')}`,
          {
            position: auth.position,
          },
        );
      }
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'dispatch.part-needs', orderId, body }, async () => {
          const order = await orderFor(tx, auth, orderId);
          for (const n of body.needs) {
            if (!(await getPartItem(tx, auth.tenantId, n.itemId))) {
              throw new DomainError('VALIDATION_FAILED', 'No such part in the catalogue', {
                field: 'needs.itemId',
                itemId: n.itemId,
              });
            }
          }
          await replacePartNeeds(tx, auth.tenantId, order.id, body.needs, { personId: auth.personId, at: clock.now() });
          return view(tx, auth, order);
        }),
      );
    },
  };
}

export type PartNeedsService = ReturnType<typeof createPartNeedsService>;
