import {
  getLocation,
  getPartItem,
  getUnitForUpdate,
  listHitRateFacts,
  listLocations,
  listMovements,
  recordMovement,
  refOf,
  scrapPlaceOf,
  type Db,
  type StockLocation,
} from '@daowei/db';
import {
  DomainError,
  partsHitRateBy,
  STORE_KINDS,
  type HitRateGrouping,
  type HitRateJob,
  type PartsPolicy,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { refreshLowStock } from './low-stock.service.js';
import { canUseLocation, usableLocation } from './parts-access.js';
import type { LedgerQuery, ScrapBody, TransferBody } from './parts-movements.schemas.js';

export type MovementService = ReturnType<typeof createMovementService>;

/**
 * PART-01 store-to-store transfers and scrapping, the ledger as a list, and PART-05 hit rate. Each
 * write is one transaction with its ledger rows and the low-stock check (PART-04) of the stores touched.
 */
export function createMovementService({ db, clock, partsPolicy }: { db: Db; clock: Clock; partsPolicy: PartsPolicy }) {
  async function store(tx: Db, auth: AuthContext, id: string, field: string): Promise<StockLocation> {
    const location = usableLocation(auth, await getLocation(tx, auth.tenantId, id), id);
    if (!STORE_KINDS.includes(location.kind)) {
      throw new DomainError('VALIDATION_FAILED', 'Give a central or station store', { field });
    }
    return location;
  }

  /** The movements of a bulk quantity or of named units, from one place to another. */
  async function move(
    tx: Db,
    auth: AuthContext,
    kind: 'transfer' | 'scrap',
    from: StockLocation,
    to: StockLocation,
    body: { itemId: string; quantity?: number | undefined; unitIds?: string[] | undefined; note?: string | undefined },
    condition: 'good' | 'faulty',
  ) {
    const item = await getPartItem(tx, auth.tenantId, body.itemId);
    if (!item) throw new DomainError('VALIDATION_FAILED', 'Unknown item', { field: 'itemId' });
    const serialised = item.tracking === 'serialised';
    if (serialised !== (body.unitIds !== undefined)) {
      throw new DomainError('VALIDATION_FAILED', serialised ? 'Name the units' : 'Give a quantity', {
        field: serialised ? 'unitIds' : 'quantity',
      });
    }
    const at = clock.now();
    const common = {
      kind,
      item,
      from: refOf(from),
      to: refOf(to),
      actorId: auth.personId,
      at,
      note: body.note ?? null,
    };
    const moved: { movementId: string; unitId: string | null }[] = [];
    for (const unitId of body.unitIds ?? []) {
      const unit = await getUnitForUpdate(tx, auth.tenantId, unitId);
      if (unit?.itemId !== item.id) {
        throw new DomainError('VALIDATION_FAILED', 'No such unit of this item', { field: 'unitIds' });
      }
      moved.push(await recordMovement(tx, auth.tenantId, { ...common, unitId, quantity: 1 }));
    }
    if (body.quantity !== undefined) {
      moved.push(await recordMovement(tx, auth.tenantId, { ...common, quantity: body.quantity, condition }));
    }
    await refreshLowStock(
      tx,
      auth.tenantId,
      [from, to].map((l) => ({ locationId: l.id, itemId: item.id })),
      at,
      partsPolicy,
    );
    return { moved };
  }

  return {
    /** PART-01 transfer store → store (central → station and back); good stock keeps its condition. */
    async transfer(auth: AuthContext, body: TransferBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'parts.transfer', body }, async () => {
          const from = await store(tx, auth, body.fromId, 'fromId');
          const to = await store(tx, auth, body.toId, 'toId');
          return move(tx, auth, 'transfer', from, to, body, body.condition);
        }),
      );
    },

    /** PART-01 scrap from a store (faulty stock by default); the reason is the ledger row's note. */
    async scrap(auth: AuthContext, body: ScrapBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'parts.scrap', body }, async () => {
          const from = await store(tx, auth, body.locationId, 'locationId');
          const to = await scrapPlaceOf(tx, auth.tenantId, from.vendorId);
          return move(tx, auth, 'scrap', from, to, body, body.condition);
        }),
      );
    },

    /** PART-01 the ledger, newest first: of one usable location, or of every location the caller may use. */
    async ledger(auth: AuthContext, q: LedgerQuery) {
      let locationIds: string[] | null = null;
      if (q.locationId)
        locationIds = [usableLocation(auth, await getLocation(db, auth.tenantId, q.locationId), q.locationId).id];
      else if (auth.vendorId !== null) {
        const held = await listLocations(db, auth.tenantId, {
          kinds: [...STORE_KINDS, 'van', 'scrapped'],
          vendorId: auth.vendorId,
        });
        locationIds = held.filter((l) => canUseLocation(auth, l)).map((l) => l.id);
      }
      const items = await listMovements(db, auth.tenantId, {
        locationIds,
        ...(q.itemId ? { itemId: q.itemId } : {}),
        ...(q.orderId ? { orderId: q.orderId } : {}),
        limit: q.limit,
      });
      return { items };
    },

    /** PART-05 parts hit rate by engineer, station, item or overall, with the orders behind each figure. */
    async hitRate(auth: AuthContext, groupBy: HitRateGrouping) {
      const rows = await listHitRateFacts(db, auth.tenantId, { vendorId: auth.vendorId });
      const jobs = new Map<string, HitRateJob>();
      for (const r of rows) {
        const job = jobs.get(r.orderId) ?? {
          orderId: r.orderId,
          engineerId: r.engineerId,
          stationId: r.stationId,
          cards: r.cards,
          lines: [],
        };
        jobs.set(r.orderId, { ...job, lines: [...job.lines, r] });
      }
      return { groupBy, items: partsHitRateBy([...jobs.values()], groupBy) };
    },
  };
}
