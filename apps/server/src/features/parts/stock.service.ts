import {
  createPartItem,
  createStore,
  getLocation,
  getOrgUnit,
  getPartItem,
  listPartItems,
  listLocations,
  onHandAt,
  recordMovement,
  refOf,
  unitsAt,
  type Db,
} from '@daowei/db';
import { DomainError, STORE_KINDS, type PartsPolicy } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { refreshLowStock } from './low-stock.service.js';
import { usableLocation } from './parts-access.js';
import type { CreateItemBody, CreateStoreBody, ReceiveBody } from './parts.schemas.js';

export type StockService = ReturnType<typeof createStockService>;

/** PART-01: the catalogue, the stores, receiving stock and reading on-hand. */
export function createStockService({ db, clock, partsPolicy }: { db: Db; clock: Clock; partsPolicy: PartsPolicy }) {
  return {
    createItem: (auth: AuthContext, body: CreateItemBody) => createPartItem(db, auth.tenantId, body),

    async items(auth: AuthContext) {
      return { items: await listPartItems(db, auth.tenantId) };
    },

    /** A store belongs to the caller's vendor (vendor staff) or to the unit's vendor (operator staff). */
    async createStore(auth: AuthContext, body: CreateStoreBody) {
      const unit = body.unitId ? await getOrgUnit(db, auth.tenantId, body.unitId) : null;
      if (body.unitId && (!unit || (auth.vendorId !== null && unit.vendorId !== auth.vendorId))) {
        throw new DomainError('VALIDATION_FAILED', 'Unknown unit', { field: 'unitId' });
      }
      return createStore(db, auth.tenantId, {
        kind: body.kind,
        name: body.name,
        unitId: unit?.id ?? null,
        vendorId: unit ? unit.vendorId : auth.vendorId,
      });
    },

    async stores(auth: AuthContext) {
      const items = await listLocations(db, auth.tenantId, {
        kinds: [...STORE_KINDS, 'scrapped'],
        ...(auth.vendorId ? { vendorId: auth.vendorId } : {}),
      });
      return { items };
    },

    /** On-hand of one location: quantities per item and condition, and the units there by serial. */
    async stockAt(auth: AuthContext, locationId: string) {
      const location = usableLocation(auth, await getLocation(db, auth.tenantId, locationId), locationId);
      const [balances, units] = await Promise.all([
        onHandAt(db, auth.tenantId, location.id),
        unitsAt(db, auth.tenantId, location.id),
      ]);
      return { location, balances, units };
    },

    /** PART-01 receive: one ledger row for a bulk quantity, one per unit for serialised items. */
    async receive(auth: AuthContext, body: ReceiveBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'parts.receive', body }, async () => {
          const location = usableLocation(auth, await getLocation(tx, auth.tenantId, body.locationId), body.locationId);
          const item = await getPartItem(tx, auth.tenantId, body.itemId);
          if (!item) throw new DomainError('VALIDATION_FAILED', 'Unknown item', { field: 'itemId' });
          const serialised = item.tracking === 'serialised';
          if (serialised !== (body.units !== undefined)) {
            throw new DomainError('VALIDATION_FAILED', serialised ? 'Give one entry per unit' : 'Give a quantity', {
              field: serialised ? 'units' : 'quantity',
            });
          }
          const common = { kind: 'receive' as const, item, from: null, to: refOf(location), actorId: auth.personId };
          const at = clock.now();
          const received: { movementId: string; unitId: string | null }[] = [];
          for (const u of body.units ?? []) {
            received.push(
              await recordMovement(tx, auth.tenantId, {
                ...common,
                quantity: 1,
                serial: u.serial,
                mac: u.mac ?? null,
                at,
                note: body.note ?? null,
              }),
            );
          }
          if (body.quantity !== undefined) {
            received.push(
              await recordMovement(tx, auth.tenantId, {
                ...common,
                quantity: body.quantity,
                at,
                note: body.note ?? null,
              }),
            );
          }
          await refreshLowStock(tx, auth.tenantId, [{ locationId: location.id, itemId: item.id }], at, partsPolicy);
          return { received, stock: await onHandAt(tx, auth.tenantId, location.id) };
        }),
      );
    },
  };
}
