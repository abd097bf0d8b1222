import {
  getAlertForUpdate,
  getLocation,
  getOpenAlert,
  getPartItem,
  getThreshold,
  goodOnHand,
  listAlerts,
  listLocations,
  raiseAlert,
  updateAlert,
  upsertThreshold,
  type Db,
  type StockAlert,
} from '@daowei/db';
import {
  assertThreshold,
  DomainError,
  isMissedWarning,
  lowStockStep,
  STORE_KINDS,
  type PartsPolicy,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { usableLocation } from './parts-access.js';

export type LowStockService = ReturnType<typeof createLowStockService>;

/** Stamps a warning missed (PART-04) the first time it is seen past its acknowledgement window. */
const missedStamp = (alert: StockAlert, now: Date, policy: PartsPolicy) =>
  alert.missedAt === null && isMissedWarning(alert, now, policy) ? { missedAt: now } : {};

/**
 * PART-04 after stock moved at a store: raise the warning once when good on-hand is at or below the
 * threshold, resolve it when stock recovers, and stamp a warning missed once its window has passed
 * unacknowledged. Called in the movement's transaction, so the warning and the stock agree.
 */
export async function refreshLowStock(
  tx: Db,
  tenantId: string,
  touched: readonly { locationId: string; itemId: string }[],
  now: Date,
  policy: PartsPolicy,
): Promise<void> {
  const seen = new Set<string>();
  for (const { locationId, itemId } of touched) {
    const key = `${locationId}|${itemId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const location = await getLocation(tx, tenantId, locationId);
    if (!location || !STORE_KINDS.includes(location.kind)) continue;
    const threshold = await getThreshold(tx, tenantId, locationId, itemId);
    const open = await getOpenAlert(tx, tenantId, locationId, itemId);
    const onHand = await goodOnHand(tx, tenantId, locationId, itemId);
    const step = lowStockStep(onHand, threshold?.minimum ?? null, open !== null);
    if (step === 'raise') {
      await raiseAlert(tx, tenantId, {
        locationId,
        itemId,
        vendorId: location.vendorId,
        minimum: threshold!.minimum,
        onHandAtRaise: onHand,
        raisedAt: now,
      });
    } else if (step === 'resolve') {
      await updateAlert(tx, tenantId, open!.id, {
        resolvedAt: now,
        ...missedStamp({ ...open!, resolvedAt: now }, now, policy),
      });
    } else if (open) {
      const stamp = missedStamp(open, now, policy);
      if (stamp.missedAt) await updateAlert(tx, tenantId, open.id, stamp);
    }
  }
}

/** PART-04: thresholds, the warnings list, and acknowledging a warning (passing it on to restock). */
export function createLowStockService({ db, clock, partsPolicy }: { db: Db; clock: Clock; partsPolicy: PartsPolicy }) {
  async function storeFor(tx: Db, auth: AuthContext, id: string) {
    const location = usableLocation(auth, await getLocation(tx, auth.tenantId, id), id);
    if (!STORE_KINDS.includes(location.kind)) {
      throw new DomainError('VALIDATION_FAILED', 'Thresholds are set on stores', { field: 'locationId' });
    }
    return location;
  }

  return {
    async setThreshold(auth: AuthContext, body: { locationId: string; itemId: string; minimum: number }) {
      const minimum = assertThreshold(body.minimum);
      return db.transaction(async (tx) => {
        const store = await storeFor(tx, auth, body.locationId);
        const item = await getPartItem(tx, auth.tenantId, body.itemId);
        if (!item) throw new DomainError('VALIDATION_FAILED', 'Unknown item', { field: 'itemId' });
        const now = clock.now();
        const threshold = await upsertThreshold(tx, auth.tenantId, {
          locationId: store.id,
          itemId: item.id,
          minimum,
          setBy: auth.personId,
          setAt: now,
        });
        // A new level may put today's stock below it (or lift it above): decide now, not at the next movement.
        await refreshLowStock(tx, auth.tenantId, [{ locationId: store.id, itemId: item.id }], now, partsPolicy);
        return threshold;
      });
    },

    /** Warnings of the stores the caller may use; missed ones are stamped as they are found overdue. */
    async list(auth: AuthContext, q: { open: boolean; locationId?: string | undefined }) {
      const stores = q.locationId
        ? [await storeFor(db, auth, q.locationId)]
        : await listLocations(db, auth.tenantId, {
            kinds: [...STORE_KINDS],
            ...(auth.vendorId ? { vendorId: auth.vendorId } : {}),
          });
      const ids = stores.map((s) => s.id);
      const rows = await listAlerts(db, auth.tenantId, { locationIds: ids, open: q.open });
      const now = clock.now();
      return {
        items: rows.map((a) => ({
          ...a,
          missed: a.missedAt !== null || isMissedWarning(a, now, partsPolicy),
        })),
      };
    },

    async acknowledge(auth: AuthContext, alertId: string) {
      return db.transaction(async (tx) => {
        const alert = await getAlertForUpdate(tx, auth.tenantId, alertId);
        if (!alert) throw new DomainError('NOT_FOUND', 'Warning not found', { id: alertId });
        await storeFor(tx, auth, alert.locationId);
        if (alert.acknowledgedAt) return alert;
        const now = clock.now();
        const acked = { ...alert, acknowledgedAt: now, acknowledgedBy: auth.personId };
        return updateAlert(tx, auth.tenantId, alert.id, {
          acknowledgedAt: now,
          acknowledgedBy: auth.personId,
          ...missedStamp(acked, now, partsPolicy),
        });
      });
    },
  };
}
