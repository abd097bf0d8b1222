import {
  customerPlaceOf,
  getBorrowLineForUpdate,
  getCustomer,
  getLocation,
  getPartItem,
  getPartsWaiver,
  getPerson,
  getUnitForUpdate,
  getWorkOrder,
  insertBorrowCard,
  insertBorrowLine,
  insertPartsWaiver,
  listEngineerBorrowLines,
  listOrderBorrowLines,
  lockLocation,
  pickUnitForUpdate,
  recordBorrowFailure,
  recordMovement,
  refOf,
  updateBorrowLine,
  vanOf,
  type Db,
  type StoredBorrowLine,
} from '@daowei/db';
import {
  acceptOverride,
  canCompleteOrder,
  checkBorrow,
  DomainError,
  isDomainError,
  isWorker,
  outstanding,
  settleBorrowLine,
  STORE_KINDS,
  type PartsPolicy,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { refreshLowStock } from './low-stock.service.js';
import { canUseOrderParts, usableLocation, usableOrder } from './parts-access.js';
import type { BorrowBody, BorrowsQuery, ConsumeBody, ReturnBody } from './parts.schemas.js';

export type BorrowService = ReturnType<typeof createBorrowService>;

const view = (l: StoredBorrowLine) => ({ ...l, outstanding: outstanding(l) });

/**
 * PART-02/03: issuing parts for an order on a borrow card, taking them back (tagged), using them on
 * the order, and the completion check. Each change is one transaction; the engineer's van row is
 * locked first, so two borrows for one engineer are decided one after the other (PART-02 cannot be
 * raced), and stock rows are locked by the ledger (PART-01).
 */
export function createBorrowService({ db, clock, partsPolicy }: { db: Db; clock: Clock; partsPolicy: PartsPolicy }) {
  async function borrowInTx(tx: Db, auth: AuthContext, body: BorrowBody) {
    const order = usableOrder(auth, await getWorkOrder(tx, auth.tenantId, body.orderId), body.orderId, partsPolicy);
    const engineer = await getPerson(tx, auth.tenantId, body.engineerId);
    if (!engineer || !engineer.active || engineer.vendorId !== order.vendorId) {
      throw new DomainError('VALIDATION_FAILED', "No such engineer in this order's vendor", { field: 'engineerId' });
    }
    const store = usableLocation(auth, await getLocation(tx, auth.tenantId, body.storeId), body.storeId);
    if (!STORE_KINDS.includes(store.kind)) {
      throw new DomainError('VALIDATION_FAILED', 'Parts are issued from a store', { field: 'storeId' });
    }
    const van = await vanOf(tx, auth.tenantId, engineer);
    await lockLocation(tx, auth.tenantId, van.id);
    const open = await listEngineerBorrowLines(tx, auth.tenantId, engineer.id, { openOnly: true });
    const override = body.override ? { reason: body.override.reason, position: auth.position } : null;
    const decision = checkBorrow(open, order.id, partsPolicy, override);
    const now = clock.now();
    const card = await insertBorrowCard(tx, auth.tenantId, {
      orderId: order.id,
      engineerId: engineer.id,
      storeId: store.id,
      issuedBy: auth.personId,
      issuedAt: now,
      overrideBy: decision.overridden ? auth.personId : null,
      overrideReason: decision.overridden ? decision.reason : null,
      policyVersion: partsPolicy.version,
    });
    for (const requested of body.lines) {
      const item = await getPartItem(tx, auth.tenantId, requested.itemId);
      if (!item) throw new DomainError('VALIDATION_FAILED', 'Unknown item', { field: 'lines.itemId' });
      // A serialised request for n units becomes n lines of one unit each: each unit is settled on its own.
      const picks = item.tracking === 'serialised' ? requested.quantity : 1;
      for (let i = 0; i < picks; i++) {
        let unitId: string | null = null;
        if (item.tracking === 'serialised') {
          // Lock the unit before the line's foreign key touches it: the key check takes a share lock, and
          // two clerks each holding one and then asking for FOR UPDATE would deadlock.
          const unit = requested.unitId
            ? await getUnitForUpdate(tx, auth.tenantId, requested.unitId)
            : await pickUnitForUpdate(tx, auth.tenantId, item.id, store.id);
          if (requested.unitId && unit?.itemId !== item.id) {
            throw new DomainError('VALIDATION_FAILED', 'No such unit of this item', { field: 'lines.unitId' });
          }
          if (!unit) {
            throw new DomainError('PART_OUT_OF_STOCK', 'No unit of this item in the store', {
              itemId: item.id,
              locationId: store.id,
              wanted: requested.quantity,
            });
          }
          unitId = unit.id;
        }
        const quantity = item.tracking === 'serialised' ? 1 : requested.quantity;
        const lineId = await insertBorrowLine(tx, auth.tenantId, {
          cardId: card.id,
          itemId: item.id,
          unitId,
          quantity,
        });
        await recordMovement(tx, auth.tenantId, {
          kind: 'borrow',
          item,
          unitId,
          quantity,
          from: refOf(store),
          to: refOf(van),
          orderId: order.id,
          borrowLineId: lineId,
          actorId: auth.personId,
          at: now,
        });
      }
    }
    // PART-04: the store may have fallen to its low-stock level.
    const touched = body.lines.map((l) => ({ locationId: store.id, itemId: l.itemId }));
    await refreshLowStock(tx, auth.tenantId, touched, now, partsPolicy);
    return {
      card,
      lines: (await listOrderBorrowLines(tx, auth.tenantId, order.id)).filter((l) => l.cardId === card.id).map(view),
    };
  }

  /** Loads a line the caller may settle: a clerk of the vendor, or the engineer who borrowed it. */
  async function lineForUpdate(tx: Db, auth: AuthContext, lineId: string) {
    const line = await getBorrowLineForUpdate(tx, auth.tenantId, lineId);
    const order = line ? await getWorkOrder(tx, auth.tenantId, line.orderId) : null;
    // The borrower settles their own line even after the order left their hands; others must keep the store.
    const mine = line?.engineerId === auth.personId && isWorker(auth.position);
    const clerk = partsPolicy.clerkPositions.includes(auth.position);
    if (!line || !order || !(mine || clerk) || (clerk && !mine && !canUseOrderParts(auth, order, partsPolicy))) {
      throw new DomainError('NOT_FOUND', 'Borrow line not found', { id: lineId });
    }
    const engineer = await getPerson(tx, auth.tenantId, line.engineerId);
    const van = await vanOf(tx, auth.tenantId, engineer!);
    return { line, order, van };
  }

  return {
    async borrow(auth: AuthContext, body: BorrowBody, key: string | null) {
      try {
        return await db.transaction((tx) =>
          runIdempotent(tx, auth, key, { op: 'parts.borrow', body }, () => borrowInTx(tx, auth, body)),
        );
      } catch (e) {
        // PART-02: a refusal for want of stock is recorded (after the rollback) so the store can restock.
        if (isDomainError(e) && e.code === 'PART_OUT_OF_STOCK' && typeof e.details?.itemId === 'string') {
          await recordBorrowFailure(db, auth.tenantId, {
            orderId: body.orderId,
            engineerId: body.engineerId,
            storeId: body.storeId,
            itemId: e.details.itemId,
            quantity: Number(e.details.wanted ?? 1),
            requestedBy: auth.personId,
            at: clock.now(),
          });
        }
        throw e;
      }
    },

    /** PART-03: a return, tagged good or faulty, back to the card's store (or another usable store). */
    async returnLine(auth: AuthContext, lineId: string, body: ReturnBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'parts.return', lineId, body }, async () => {
          const { line, order, van } = await lineForUpdate(tx, auth, lineId);
          const storeId = body.toStoreId ?? line.storeId;
          const store = usableLocation(auth, await getLocation(tx, auth.tenantId, storeId), storeId);
          const quantity = body.quantity ?? outstanding(line);
          const settled = settleBorrowLine(line, 'returned', quantity);
          const at = clock.now();
          const item = { id: line.itemId, tracking: line.tracking };
          await recordMovement(tx, auth.tenantId, {
            kind: 'return',
            item,
            unitId: line.unitId,
            quantity,
            from: refOf(van),
            to: refOf(store),
            faultTag: body.faultTag,
            orderId: order.id,
            borrowLineId: line.id,
            actorId: auth.personId,
            at,
          });
          await updateBorrowLine(tx, auth.tenantId, line.id, settled);
          await refreshLowStock(tx, auth.tenantId, [{ locationId: store.id, itemId: line.itemId }], at, partsPolicy);
          return view({ ...line, ...settled });
        }),
      );
    },

    /** PART-03: used on the order — bulk is consumed, a serialised unit is installed at the customer's. */
    async consumeLine(auth: AuthContext, lineId: string, body: ConsumeBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'parts.consume', lineId, body }, async () => {
          const { line, order, van } = await lineForUpdate(tx, auth, lineId);
          const quantity = body.quantity ?? outstanding(line);
          const settled = settleBorrowLine(line, 'consumed', quantity);
          const customer =
            line.tracking === 'serialised' ? await getCustomer(tx, auth.tenantId, order.customerId) : null;
          const place = customer ? await customerPlaceOf(tx, auth.tenantId, customer) : null;
          await recordMovement(tx, auth.tenantId, {
            kind: place ? 'install' : 'consume',
            item: { id: line.itemId, tracking: line.tracking },
            unitId: line.unitId,
            quantity,
            from: refOf(van),
            to: place ? refOf(place) : null,
            orderId: order.id,
            borrowLineId: line.id,
            actorId: auth.personId,
            at: clock.now(),
          });
          await updateBorrowLine(tx, auth.tenantId, line.id, settled);
          return view({ ...line, ...settled });
        }),
      );
    },

    /** An engineer's borrows: their own for workers; any engineer of the vendor for clerks and supervisors. */
    async engineerBorrows(auth: AuthContext, q: BorrowsQuery) {
      const engineerId = q.engineerId ?? auth.personId;
      if (engineerId !== auth.personId && isWorker(auth.position) && auth.position !== 'team_lead') {
        throw new DomainError('FORBIDDEN', 'Only your own borrows', { field: 'engineerId' });
      }
      const engineer = await getPerson(db, auth.tenantId, engineerId);
      if (!engineer || (auth.vendorId !== null && engineer.vendorId !== auth.vendorId)) return { items: [] };
      const lines = await listEngineerBorrowLines(db, auth.tenantId, engineerId, { openOnly: q.open });
      return { items: lines.map(view) };
    },

    async orderBorrows(auth: AuthContext, orderId: string) {
      const order = usableOrder(auth, await getWorkOrder(db, auth.tenantId, orderId), orderId, partsPolicy);
      const lines = await listOrderBorrowLines(db, auth.tenantId, order.id);
      const waiver = await getPartsWaiver(db, auth.tenantId, order.id);
      return { items: lines.map(view), settled: lines.every((l) => outstanding(l) === 0), waiver };
    },

    /** PART-03 exception: a station manager lets the order complete with parts still out, saying why. */
    async waive(auth: AuthContext, orderId: string, reason: string) {
      const accepted = acceptOverride({ reason, position: auth.position }, partsPolicy);
      return db.transaction(async (tx) => {
        const order = usableOrder(auth, await getWorkOrder(tx, auth.tenantId, orderId), orderId, partsPolicy);
        await insertPartsWaiver(tx, auth.tenantId, {
          orderId: order.id,
          waivedBy: auth.personId,
          reason: accepted,
          at: clock.now(),
        });
        return getPartsWaiver(tx, auth.tenantId, order.id);
      });
    },
  };
}

/** PART-03 hook for WO-07 complete: PART_NOT_SETTLED unless every line is back or used, or waived. */
export async function assertPartsSettled(tx: Db, tenantId: string, orderId: string): Promise<void> {
  const lines = await listOrderBorrowLines(tx, tenantId, orderId);
  if (lines.length === 0) return;
  canCompleteOrder(lines, (await getPartsWaiver(tx, tenantId, orderId)) !== null);
}
