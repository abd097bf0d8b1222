import {
  customerPlaceOf,
  getBorrowLineForUpdate,
  getCustomer,
  getLocation,
  getPartItem,
  getPerson,
  getTakeBackForUpdate,
  getUnitForUpdate,
  getWorkOrder,
  insertTakeBack,
  listOrderBorrowLines,
  listOrderTakeBacks,
  markTakeBackReturned,
  recordMovement,
  refOf,
  updateBorrowLine,
  vanOf,
  type Db,
} from '@daowei/db';
import {
  closeTakeBack,
  DomainError,
  isTakeBackOverdue,
  localDate,
  openTakeBack,
  outstanding,
  settleBorrowLine,
  type PartsPolicy,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { refreshLowStock } from './low-stock.service.js';
import { assertNoOfflineConflict } from '../visits/offline-conflict.js';
import { usableOrder } from './parts-access.js';
import type { TakeBackBody, TakeBackReturnBody } from './parts-movements.schemas.js';

export type TakeBackService = ReturnType<typeof createTakeBackService>;

/**
 * WO-13 take-back repair 拉修/带回 with an optional loaner unit 周转机. The loaner is a serialised unit the
 * engineer borrowed for the order on a borrow card (PART-02): leaving it with the customer installs it
 * there (its line is settled), and returning the device brings it home — recover + return, two ledger
 * rows in the same transaction as the customer's signature.
 */
export function createTakeBackService({ db, clock, partsPolicy }: { db: Db; clock: Clock; partsPolicy: PartsPolicy }) {
  return {
    /** `queuedAt`: sent from the phone's offline queue (ENG-07) — a changed order is a named conflict. */
    async open(
      auth: AuthContext,
      orderId: string,
      body: TakeBackBody,
      key: string | null,
      queuedAt: Date | null = null,
    ) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'parts.take-back', orderId, body }, async () => {
          const stored = await getWorkOrder(tx, auth.tenantId, orderId);
          await assertNoOfflineConflict(tx, auth, stored, 'take-back', queuedAt);
          const order = usableOrder(auth, stored, orderId, partsPolicy);
          const now = clock.now();
          let loanerUnitId: string | null = null;
          const line = body.loanerLineId ? await getBorrowLineForUpdate(tx, auth.tenantId, body.loanerLineId) : null;
          if (body.loanerLineId) {
            if (!line || line.orderId !== order.id || !line.unitId || outstanding(line) !== 1) {
              throw new DomainError(
                'VALIDATION_FAILED',
                'The loaner must be a unit borrowed for this order and still out',
                {
                  field: 'loanerLineId',
                },
              );
            }
            loanerUnitId = line.unitId;
          }
          const receipt = openTakeBack(
            {
              device: body.device,
              serial: body.serial ?? null,
              configNotes: body.configNotes,
              dataNotes: body.dataNotes,
              promisedReturnDate: body.promisedReturnDate,
              signature: body.signature,
              loanerUnitId,
            },
            localDate(now),
            partsPolicy,
          );
          if (line) {
            const engineer = await getPerson(tx, auth.tenantId, line.engineerId);
            const van = await vanOf(tx, auth.tenantId, engineer!);
            const customer = await getCustomer(tx, auth.tenantId, order.customerId);
            const place = await customerPlaceOf(tx, auth.tenantId, customer!);
            await recordMovement(tx, auth.tenantId, {
              kind: 'install',
              item: { id: line.itemId, tracking: line.tracking },
              unitId: line.unitId,
              quantity: 1,
              from: refOf(van),
              to: refOf(place),
              orderId: order.id,
              borrowLineId: line.id,
              actorId: auth.personId,
              at: now,
              note: 'loaner 周转机',
            });
            await updateBorrowLine(tx, auth.tenantId, line.id, settleBorrowLine(line, 'consumed', 1));
          }
          return insertTakeBack(tx, auth.tenantId, {
            orderId: order.id,
            device: receipt.device,
            serial: receipt.serial,
            configNotes: receipt.configNotes,
            dataNotes: receipt.dataNotes,
            promisedReturnDate: receipt.promisedReturnDate,
            receiptSignature: receipt.signature!,
            loanerUnitId,
            takenBy: auth.personId,
            takenAt: now,
          });
        }),
      );
    },

    async giveBack(auth: AuthContext, takeBackId: string, body: TakeBackReturnBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'parts.take-back.return', takeBackId, body }, async () => {
          const tb = await getTakeBackForUpdate(tx, auth.tenantId, takeBackId);
          const order = tb ? await getWorkOrder(tx, auth.tenantId, tb.orderId) : null;
          if (!tb) throw new DomainError('NOT_FOUND', 'Take-back not found', { id: takeBackId });
          usableOrder(auth, order, tb.orderId, partsPolicy);
          closeTakeBack(tb, { signature: body.signature, loanerBack: body.loanerBack });
          const now = clock.now();
          if (tb.loanerUnitId) await bringLoanerHome(tx, auth, tb.orderId, tb.loanerUnitId, body.loanerFaultTag, now);
          return markTakeBackReturned(tx, auth.tenantId, tb.id, {
            returnedBy: auth.personId,
            returnedAt: now,
            returnSignature: body.signature!,
          });
        }),
      );
    },

    async list(auth: AuthContext, orderId: string) {
      const order = usableOrder(auth, await getWorkOrder(db, auth.tenantId, orderId), orderId, partsPolicy);
      const today = localDate(clock.now());
      const rows = await listOrderTakeBacks(db, auth.tenantId, order.id);
      return { items: rows.map((r) => ({ ...r, overdue: isTakeBackOverdue(r, today) })) };
    },
  };

  /** The loaner leaves the customer for the van of whoever brings the device, then the store it came from. */
  async function bringLoanerHome(
    tx: Db,
    auth: AuthContext,
    orderId: string,
    unitId: string,
    faultTag: 'good' | 'faulty',
    at: Date,
  ) {
    const unit = await getUnitForUpdate(tx, auth.tenantId, unitId);
    const lent = (await listOrderBorrowLines(tx, auth.tenantId, orderId)).find((l) => l.unitId === unitId);
    const item = unit ? await getPartItem(tx, auth.tenantId, unit.itemId) : null;
    const place = unit ? await getLocation(tx, auth.tenantId, unit.locationId) : null;
    const store = lent ? await getLocation(tx, auth.tenantId, lent.storeId) : null;
    if (!unit || !item || !place || !store || place.kind !== 'customer') {
      throw new DomainError('PART_UNIT_ELSEWHERE', 'The loaner unit is not at the customer’s', { unitId });
    }
    const carrier =
      (await getPerson(tx, auth.tenantId, auth.personId)) ?? (await getPerson(tx, auth.tenantId, lent!.engineerId));
    const van = await vanOf(tx, auth.tenantId, carrier!);
    const common = { item, unitId, quantity: 1, orderId, actorId: auth.personId, at, note: 'loaner 周转机' };
    await recordMovement(tx, auth.tenantId, {
      ...common,
      kind: 'recover',
      from: refOf(place),
      to: refOf(van),
      faultTag,
    });
    await recordMovement(tx, auth.tenantId, {
      ...common,
      kind: 'return',
      from: refOf(van),
      to: refOf(store),
      faultTag,
    });
    await refreshLowStock(tx, auth.tenantId, [{ locationId: store.id, itemId: item.id }], at, partsPolicy);
  }
}
