import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  applyMovement,
  balanceKey,
  DomainError,
  movementConditions,
  type Condition,
  type LocationRef,
  type Movement,
  type MovementKind,
  type StockState,
  type UnitPlace,
} from '@daowei/domain';
import type { Db } from '../client.js';
import { partItems, partUnits, stockBalances, stockMovements } from '../schema/parts.js';
import type { PartItem } from './parts.repository.js';
import { isUuid } from './helpers.js';

/**
 * PART-01 the ledger in SQL. Each movement, in the caller's transaction:
 * 1. locks the unit row (serialised) and the source balance row (SELECT … FOR UPDATE), so two clerks
 *    issuing the last one queue up and the second sees what the first left (decisions.md D4's model);
 * 2. lets the domain decide (applyMovement on exactly the rows it read);
 * 3. writes the balances, the unit's place and one ledger row.
 * PGlite runs one transaction at a time, which gives the same outcome.
 */

export type PartUnit = typeof partUnits.$inferSelect;

export interface MovementInput {
  kind: MovementKind;
  item: Pick<PartItem, 'id' | 'tracking'>;
  /** Serialised: the unit that moves (not for receive). */
  unitId?: string | null;
  /** Serialised receive: the new unit's serial and MAC. */
  serial?: string;
  mac?: string | null;
  quantity: number;
  from: LocationRef | null;
  to: LocationRef | null;
  condition?: Condition;
  faultTag?: Condition;
  orderId?: string | null;
  borrowLineId?: string | null;
  actorId: string;
  at: Date;
  note?: string | null;
}

export async function getUnitForUpdate(db: Db, tenantId: string, id: string): Promise<PartUnit | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(partUnits)
    .where(and(eq(partUnits.tenantId, tenantId), eq(partUnits.id, id)))
    .for('update');
  return row ?? null;
}

export async function getUnitBySerial(db: Db, tenantId: string, serial: string): Promise<PartUnit | null> {
  const [row] = await db
    .select()
    .from(partUnits)
    .where(and(eq(partUnits.tenantId, tenantId), eq(partUnits.serial, serial.trim())));
  return row ?? null;
}

/**
 * Some good unit of the item at a store, locked. SKIP LOCKED: a unit another clerk is issuing right
 * now is passed over, so the second of two clerks asking for "an ONU" gets another one or none.
 */
export async function pickUnitForUpdate(
  db: Db,
  tenantId: string,
  itemId: string,
  locationId: string,
): Promise<PartUnit | null> {
  const [row] = await db
    .select()
    .from(partUnits)
    .where(
      and(
        eq(partUnits.tenantId, tenantId),
        eq(partUnits.itemId, itemId),
        eq(partUnits.locationId, locationId),
        eq(partUnits.condition, 'good'),
      ),
    )
    .orderBy(asc(partUnits.serial))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

async function lockedBalance(db: Db, tenantId: string, locationId: string, itemId: string, condition: Condition) {
  const [row] = await db
    .select({ quantity: stockBalances.quantity })
    .from(stockBalances)
    .where(
      and(
        eq(stockBalances.tenantId, tenantId),
        eq(stockBalances.locationId, locationId),
        eq(stockBalances.itemId, itemId),
        eq(stockBalances.condition, condition),
      ),
    )
    .for('update');
  return row?.quantity ?? 0;
}

/** Applies one movement (see the file comment); returns the ledger row id and the unit moved, if any. */
export async function recordMovement(
  tx: Db,
  tenantId: string,
  input: MovementInput,
): Promise<{ movementId: string; unitId: string | null }> {
  const serialised = input.item.tracking === 'serialised';
  let unit: PartUnit | null = null;
  let unitId = input.unitId ?? null;
  if (serialised && input.kind === 'receive') {
    if (!input.serial)
      throw new DomainError('VALIDATION_FAILED', 'A unit needs its serial number', { field: 'serial' });
    const existing = await getUnitBySerial(tx, tenantId, input.serial);
    if (existing) {
      throw new DomainError('PART_UNIT_ELSEWHERE', 'A unit with this serial is already recorded', {
        serial: input.serial,
        locationId: existing.locationId,
      });
    }
    unitId = randomUUID();
  } else if (serialised && unitId) {
    unit = await getUnitForUpdate(tx, tenantId, unitId);
    if (!unit) throw new DomainError('NOT_FOUND', 'No such unit', { unitId });
  }
  const movement: Movement = {
    kind: input.kind,
    itemId: input.item.id,
    tracking: input.item.tracking,
    unitId,
    quantity: input.quantity,
    from: input.from,
    to: input.to,
    ...(input.condition ? { condition: input.condition } : {}),
    ...(input.faultTag ? { faultTag: input.faultTag } : {}),
  };
  const place: UnitPlace | undefined = unit
    ? { itemId: unit.itemId, locationId: unit.locationId, condition: unit.condition }
    : undefined;
  const { source, dest } = movementConditions(movement, place);
  // The domain decides on exactly the rows this transaction holds locked.
  const state: StockState = {
    balances: input.from
      ? {
          [balanceKey(input.from.id, input.item.id, source)]: await lockedBalance(
            tx,
            tenantId,
            input.from.id,
            input.item.id,
            source,
          ),
        }
      : {},
    units: unitId && place ? { [unitId]: place } : {},
  };
  applyMovement(state, movement);

  if (input.from) await addToBalance(tx, tenantId, input.from.id, input.item.id, source, -input.quantity);
  if (input.to) await addToBalance(tx, tenantId, input.to.id, input.item.id, dest, input.quantity);
  if (serialised && input.kind === 'receive') {
    const inserted = await tx
      .insert(partUnits)
      .values({
        id: unitId!,
        tenantId,
        itemId: input.item.id,
        serial: input.serial!.trim(),
        mac: input.mac ?? null,
        locationId: input.to!.id,
        condition: dest,
      })
      .onConflictDoNothing()
      .returning({ id: partUnits.id });
    if (inserted.length === 0) {
      throw new DomainError('PART_UNIT_ELSEWHERE', 'A unit with this serial is already recorded', {
        serial: input.serial,
      });
    }
  } else if (unitId) {
    await tx
      .update(partUnits)
      .set({ locationId: input.to!.id, condition: dest })
      .where(and(eq(partUnits.tenantId, tenantId), eq(partUnits.id, unitId)));
  }
  const [row] = await tx
    .insert(stockMovements)
    .values({
      tenantId,
      kind: input.kind,
      itemId: input.item.id,
      unitId,
      quantity: input.quantity,
      fromLocationId: input.from?.id ?? null,
      toLocationId: input.to?.id ?? null,
      fromCondition: input.from ? source : null,
      toCondition: input.to ? dest : null,
      orderId: input.orderId ?? null,
      borrowLineId: input.borrowLineId ?? null,
      actorId: input.actorId,
      at: input.at,
      note: input.note ?? null,
    })
    .returning({ id: stockMovements.id });
  return { movementId: row!.id, unitId };
}

async function addToBalance(
  tx: Db,
  tenantId: string,
  locationId: string,
  itemId: string,
  condition: Condition,
  delta: number,
) {
  // A decrease updates the row read under lock (an upsert would check its negative candidate row
  // against the CHECK before noticing the conflict); an increase may create the row.
  if (delta < 0) {
    await tx
      .update(stockBalances)
      .set({ quantity: sql`${stockBalances.quantity} + ${delta}` })
      .where(
        and(
          eq(stockBalances.tenantId, tenantId),
          eq(stockBalances.locationId, locationId),
          eq(stockBalances.itemId, itemId),
          eq(stockBalances.condition, condition),
        ),
      );
    return;
  }
  await tx
    .insert(stockBalances)
    .values({ tenantId, locationId, itemId, condition, quantity: delta })
    .onConflictDoUpdate({
      target: [stockBalances.tenantId, stockBalances.locationId, stockBalances.itemId, stockBalances.condition],
      set: { quantity: sql`${stockBalances.quantity} + ${delta}` },
    });
}

export interface OnHandRow {
  itemId: string;
  itemCode: string;
  itemName: string;
  tracking: PartItem['tracking'];
  condition: Condition;
  quantity: number;
}

/** On-hand at a location per item and condition (zero rows left out). */
export async function onHandAt(db: Db, tenantId: string, locationId: string): Promise<OnHandRow[]> {
  return db
    .select({
      itemId: stockBalances.itemId,
      itemCode: partItems.code,
      itemName: partItems.name,
      tracking: partItems.tracking,
      condition: stockBalances.condition,
      quantity: stockBalances.quantity,
    })
    .from(stockBalances)
    .innerJoin(partItems, and(eq(partItems.tenantId, stockBalances.tenantId), eq(partItems.id, stockBalances.itemId)))
    .where(
      and(
        eq(stockBalances.tenantId, tenantId),
        eq(stockBalances.locationId, locationId),
        sql`${stockBalances.quantity} > 0`,
      ),
    )
    .orderBy(asc(partItems.code), asc(stockBalances.condition));
}

export async function unitsAt(db: Db, tenantId: string, locationId: string): Promise<PartUnit[]> {
  return db
    .select()
    .from(partUnits)
    .where(and(eq(partUnits.tenantId, tenantId), eq(partUnits.locationId, locationId)))
    .orderBy(asc(partUnits.serial));
}

/**
 * PART-01 check: the ledger summed per (location, item, condition) next to stock_balances. Returns the
 * keys where they differ (empty when the stock is right). Used by tests and by an audit job later.
 */
export async function ledgerMismatches(
  db: Db,
  tenantId: string,
): Promise<{ key: string; ledger: number; onHand: number }[]> {
  const sums = await db.execute(sql`
    select location_id, item_id, condition, sum(delta)::int as total from (
      select from_location_id as location_id, item_id, from_condition as condition, -quantity as delta
        from ${stockMovements} where tenant_id = ${tenantId} and from_location_id is not null
      union all
      select to_location_id, item_id, to_condition, quantity
        from ${stockMovements} where tenant_id = ${tenantId} and to_location_id is not null
    ) m group by location_id, item_id, condition`);
  const balances = await db.select().from(stockBalances).where(eq(stockBalances.tenantId, tenantId));
  const ledger = new Map<string, number>();
  for (const r of rowsOf<{ location_id: string; item_id: string; condition: Condition; total: number }>(sums))
    ledger.set(balanceKey(r.location_id, r.item_id, r.condition), Number(r.total));
  const onHand = new Map(balances.map((b) => [balanceKey(b.locationId, b.itemId, b.condition), b.quantity]));
  const keys = new Set([...ledger.keys(), ...onHand.keys()]);
  return [...keys]
    .map((key) => ({ key, ledger: ledger.get(key) ?? 0, onHand: onHand.get(key) ?? 0 }))
    .filter((r) => r.ledger !== r.onHand);
}

/** db.execute answers `{ rows }` on both drivers. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
