import { and, desc, eq, gte, ilike, inArray, isNull, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import {
  DomainError,
  OPEN_STATUSES,
  isSupervisor,
  isWorker,
  type Viewer,
  type WorkOrderStatus,
  type WorkOrderType,
} from '@daowei/domain';
import type { Db } from '../client.js';
import { toWorkOrder, type StoredWorkOrder } from '../mappers/work-order.mapper.js';
import { workOrders } from '../schema/work-orders.js';
import { clampLimit, containsPattern, isUuid } from './helpers.js';

/**
 * The work-order list (api.md GET /api/work-orders, ENG-01 "my to-do"), newest first with keyset
 * pagination on (accepted_at desc, id desc): a page is found by an index seek, not by OFFSET, and
 * rows inserted meanwhile never shift a page.
 *
 * Visibility (SEC-01/SEC-02) is part of the SQL, so a page is never short because rows were dropped
 * after the query, and a bug in a caller cannot widen it: it implements domain `canSeeOrder`.
 */
export interface WorkOrderListFilter {
  /** SEC-02: a vendor's staff see only that vendor's orders. null/omitted = all vendors (operator staff). */
  vendorId?: string | null;
  /**
   * Field and bench positions (engineers) see only orders they hold or that are on offer to them:
   * offered to them personally, or to one of `workerUnitIds` (their unit and its ancestors) and not
   * to a person, while the order is still `assigned`.
   */
  workerPersonId?: string;
  workerUnitIds?: readonly string[];
  /** todo = open work (OPEN_STATUSES), done = everything else. */
  scope?: 'todo' | 'done' | 'all';
  type?: WorkOrderType;
  status?: readonly WorkOrderStatus[];
  areaId?: string;
  /** The engineer holding the order. */
  engineerId?: string;
  /** acceptedAt ∈ [acceptedFrom, acceptedTo). */
  acceptedFrom?: Date;
  acceptedTo?: Date;
  /** Contains-search over number, acceptance serial, contact phone and address. */
  q?: string;
  /**
   * SEC-01: whether `q` may match the contact phone. Off for viewers who see phones masked, or a
   * search by full number would confirm a number the viewer is not allowed to read.
   */
  qMatchesPhone?: boolean;
  cursor?: string | null;
  /** 1..100, default 50. */
  limit?: number;
}

export interface WorkOrderPage {
  items: StoredWorkOrder[];
  nextCursor: string | null;
}

/** The visibility part of a filter for a viewer, or null if the viewer's position sees no orders. */
export function visibilityFor(
  viewer: Viewer,
): Pick<WorkOrderListFilter, 'vendorId' | 'workerPersonId' | 'workerUnitIds'> | null {
  if (isSupervisor(viewer.position)) return { vendorId: viewer.vendorId };
  if (isWorker(viewer.position)) {
    return { vendorId: viewer.vendorId, workerPersonId: viewer.personId, workerUnitIds: viewer.unitIds };
  }
  return null;
}

export async function listWorkOrders(
  db: Db,
  tenantId: string,
  filter: WorkOrderListFilter = {},
): Promise<WorkOrderPage> {
  const limit = clampLimit(filter.limit);
  const where: (SQL | undefined)[] = [eq(workOrders.tenantId, tenantId), ...conditions(filter)];
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    where.push(
      sql`(${workOrders.acceptedAt}, ${workOrders.id}) < (${c.acceptedAt.toISOString()}::timestamptz, ${c.id}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(workOrders)
    .where(and(...where))
    .orderBy(desc(workOrders.acceptedAt), desc(workOrders.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(toWorkOrder);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** Counts what listWorkOrders would return over all pages (tab badges). */
export async function countWorkOrders(db: Db, tenantId: string, filter: WorkOrderListFilter = {}): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, tenantId), ...conditions(filter)));
  return row?.n ?? 0;
}

function conditions(f: WorkOrderListFilter): (SQL | undefined)[] {
  const c: (SQL | undefined)[] = [];
  if (f.vendorId) c.push(eq(workOrders.vendorId, f.vendorId));
  if (f.workerPersonId !== undefined) c.push(workerVisibility(f.workerPersonId, f.workerUnitIds ?? []));
  if (f.scope === 'todo') c.push(inArray(workOrders.status, [...OPEN_STATUSES]));
  if (f.scope === 'done') c.push(notInArray(workOrders.status, [...OPEN_STATUSES]));
  if (f.type) c.push(eq(workOrders.type, f.type));
  if (f.status?.length) c.push(inArray(workOrders.status, [...f.status]));
  if (f.areaId) c.push(isUuid(f.areaId) ? eq(workOrders.areaId, f.areaId) : sql`false`);
  if (f.engineerId) c.push(isUuid(f.engineerId) ? eq(workOrders.holderId, f.engineerId) : sql`false`);
  if (f.acceptedFrom) c.push(gte(workOrders.acceptedAt, f.acceptedFrom));
  if (f.acceptedTo) c.push(lt(workOrders.acceptedAt, f.acceptedTo));
  if (f.q?.trim()) {
    const p = containsPattern(f.q);
    c.push(
      or(
        ilike(workOrders.number, p),
        ilike(workOrders.acceptanceSerial, p),
        f.qMatchesPhone === false ? undefined : ilike(workOrders.contactPhone, p),
        ilike(workOrders.address, p),
      ),
    );
  }
  return c;
}

/** domain canSeeOrder for field positions, in SQL. */
function workerVisibility(personId: string, unitIds: readonly string[]): SQL {
  if (!isUuid(personId)) return sql`false`;
  const units = unitIds.filter(isUuid);
  const offeredToMe = or(
    eq(workOrders.offeredToPersonId, personId),
    units.length ? and(isNull(workOrders.offeredToPersonId), inArray(workOrders.offeredToUnitId, units)) : undefined,
  );
  return or(eq(workOrders.holderId, personId), and(eq(workOrders.status, 'assigned'), offeredToMe))!;
}

/**
 * Opaque to clients: base64url of the last row's acceptedAt (ISO, ms) and id. acceptedAt values come
 * from JavaScript Dates, so millisecond precision is exact.
 */
export function encodeCursor(o: Pick<StoredWorkOrder, 'acceptedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([o.acceptedAt.toISOString(), o.id])).toString('base64url');
}

function decodeCursor(cursor: string): { acceptedAt: Date; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [at, id] = parsed as unknown[];
      const acceptedAt = new Date(String(at));
      if (typeof id === 'string' && isUuid(id) && !Number.isNaN(acceptedAt.getTime())) return { acceptedAt, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('VALIDATION_FAILED', 'The page cursor is not valid', { field: 'cursor' });
}
