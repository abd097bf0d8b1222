import { and, asc, eq, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { OPEN_STATUSES, type CallbackTask } from '@daowei/domain';
import type { Db, Tx } from '../client.js';
import { toWorkOrder, type StoredWorkOrder } from '../mappers/work-order.mapper.js';
import {
  callbackAttempts,
  callbackTasks,
  type CallbackAttemptResult,
  type CallbackTaskState,
} from '../schema/callbacks.js';
import { workOrderEvents } from '../schema/work-order-events.js';
import { workOrders } from '../schema/work-orders.js';
import { clampLimit, isUuid } from './helpers.js';

/**
 * CB-01/02: stored callback tasks and their attempts; and the reads KPI-01 builds its facts from.
 * The service decides with the pure domain (callbackTasksFor, decideCallbackOutcome); this module only
 * stores what it decided.
 */

export type StoredCallbackTask = typeof callbackTasks.$inferSelect;
export type StoredCallbackAttempt = typeof callbackAttempts.$inferSelect;

/** A window of time; each read says whether its ends are open or closed. */
interface Period {
  from: Date;
  to: Date;
}

export interface NewCallbackTask {
  task: CallbackTask;
  vendorId: string;
  stationId: string | null;
}

/** Inserts tasks; one the order already has open (same key) is skipped. Returns the new ones. */
export async function insertCallbackTasks(
  db: Db,
  tenantId: string,
  tasks: readonly NewCallbackTask[],
): Promise<StoredCallbackTask[]> {
  if (tasks.length === 0) return [];
  return db
    .insert(callbackTasks)
    .values(
      tasks.map(({ task, vendorId, stationId }) => ({
        tenantId,
        orderId: task.orderId,
        vendorId,
        stationId,
        key: task.key,
        kind: task.kind,
        ruleKey: task.ruleKey,
        ruleId: task.ruleId,
        rulesId: task.rules.id,
        rulesVersion: task.rules.version,
        reason: task.reason,
        raisedAt: task.createdAt,
        notBefore: task.notBefore,
        dueAt: task.dueAt,
        blocksClose: task.blocksClose,
        state: 'open' as const,
      })),
    )
    .onConflictDoNothing()
    .returning();
}

export async function getCallbackTask(db: Db, tenantId: string, id: string): Promise<StoredCallbackTask | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(callbackTasks)
    .where(and(eq(callbackTasks.tenantId, tenantId), eq(callbackTasks.id, id)));
  return row ?? null;
}

/** Reads a task and locks it until the transaction ends: two agents on one task are serialised. */
export async function getCallbackTaskForUpdate(tx: Tx, tenantId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(callbackTasks)
    .where(and(eq(callbackTasks.tenantId, tenantId), eq(callbackTasks.id, id)))
    .for('update');
  return row ?? null;
}

export type CallbackTaskChanges = Partial<
  Pick<
    StoredCallbackTask,
    | 'state'
    | 'unansweredAttempts'
    | 'callBackAt'
    | 'satisfaction'
    | 'problemSolved'
    | 'rootCause'
    | 'suggestion'
    | 'remark'
    | 'improvementAction'
    | 'consequence'
    | 'finishedAt'
    | 'finishedBy'
    | 'spotCheckMatches'
    | 'vendorReport'
    | 'truth'
    | 'assessmentCaseId'
  >
>;

export async function updateCallbackTask(
  db: Db,
  tenantId: string,
  id: string,
  changes: CallbackTaskChanges,
): Promise<StoredCallbackTask> {
  const [row] = await db
    .update(callbackTasks)
    .set({ ...changes, version: sql`${callbackTasks.version} + 1` })
    .where(and(eq(callbackTasks.tenantId, tenantId), eq(callbackTasks.id, id)))
    .returning();
  if (!row) throw new Error(`callback task ${id} vanished inside its transaction`);
  return row;
}

export interface CallbackQueueFilter {
  state: CallbackTaskState;
  /** SEC-02: vendor staff see their vendor's tasks only; null/omitted = all vendors. */
  vendorId?: string | null;
  stationId?: string;
  /** CB-02 agents work satisfaction callbacks, CB-03 sales the spot-checks. */
  kind?: 'satisfaction' | 'spot_check';
  limit?: number;
}

/** The agent's queue: tasks in a state, earliest due first (then id, for a stable order). */
export async function listCallbackTasks(
  db: Db,
  tenantId: string,
  f: CallbackQueueFilter,
): Promise<StoredCallbackTask[]> {
  return db
    .select()
    .from(callbackTasks)
    .where(
      and(
        eq(callbackTasks.tenantId, tenantId),
        eq(callbackTasks.state, f.state),
        f.vendorId ? eq(callbackTasks.vendorId, f.vendorId) : undefined,
        f.stationId ? eq(callbackTasks.stationId, f.stationId) : undefined,
        f.kind ? eq(callbackTasks.kind, f.kind) : undefined,
      ),
    )
    .orderBy(asc(callbackTasks.dueAt), asc(callbackTasks.id))
    .limit(clampLimit(f.limit, 50, 200));
}

export async function listCallbackTasksOfOrders(
  db: Db,
  tenantId: string,
  orderIds: readonly string[],
): Promise<StoredCallbackTask[]> {
  const out: StoredCallbackTask[] = [];
  for (const ids of chunks(orderIds)) {
    out.push(
      ...(await db
        .select()
        .from(callbackTasks)
        .where(and(eq(callbackTasks.tenantId, tenantId), inArray(callbackTasks.orderId, ids)))
        .orderBy(asc(callbackTasks.raisedAt), asc(callbackTasks.id))),
    );
  }
  // Chunks are each in creation order; the facts want one order across them (latest task last).
  return chunksOf(orderIds) > 1
    ? out.sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || a.id.localeCompare(b.id))
    : out;
}

const chunksOf = (ids: readonly string[]) => Math.ceil(ids.length / 10_000);

export async function listCallbackAttempts(
  db: Db,
  tenantId: string,
  taskIds: readonly string[],
): Promise<StoredCallbackAttempt[]> {
  if (taskIds.length === 0) return [];
  return db
    .select()
    .from(callbackAttempts)
    .where(and(eq(callbackAttempts.tenantId, tenantId), inArray(callbackAttempts.taskId, [...taskIds])))
    .orderBy(asc(callbackAttempts.taskId), asc(callbackAttempts.seq));
}

export interface NewCallbackAttempt {
  taskId: string;
  result: CallbackAttemptResult;
  callBackAt: Date | null;
  note: string | null;
  actorId: string;
  at: Date;
}

/** Appends an attempt numbered after the task's last one (the caller holds the task's row lock). */
export async function appendCallbackAttempt(
  tx: Db,
  tenantId: string,
  input: NewCallbackAttempt,
): Promise<StoredCallbackAttempt> {
  const [last] = await tx
    .select({ seq: sql<number>`coalesce(max(${callbackAttempts.seq}), 0)` })
    .from(callbackAttempts)
    .where(and(eq(callbackAttempts.tenantId, tenantId), eq(callbackAttempts.taskId, input.taskId)));
  const [row] = await tx
    .insert(callbackAttempts)
    .values({ tenantId, ...input, seq: Number(last?.seq ?? 0) + 1 })
    .returning();
  return row!;
}

/** The orders among these that ever had a task of this rule, in any state (the order index finds them). */
export async function ordersWithCallbackRule(
  db: Db,
  tenantId: string,
  orderIds: readonly string[],
  ruleKey: string,
): Promise<Set<string>> {
  if (orderIds.length === 0) return new Set();
  const rows = await db
    .select({ orderId: callbackTasks.orderId })
    .from(callbackTasks)
    .where(
      and(
        eq(callbackTasks.tenantId, tenantId),
        inArray(callbackTasks.orderId, [...orderIds]),
        eq(callbackTasks.ruleKey, ruleKey),
      ),
    );
  return new Set(rows.map((r) => r.orderId));
}

/** CB-03: orders completed in [from, to) (the spot-check sample's window), by the completion index. */
export async function listOrdersCompletedBetween(db: Db, tenantId: string, s: Period): Promise<StoredWorkOrder[]> {
  const done = workOrders.completedAt;
  return selectTenantOrders(db, tenantId, done, isNotNull(done), gte(done, s.from), lt(done, s.to));
}

/** CB-03 / SLA-03: installs still open that were accepted in (from, to] (nearing the 7-day limit). */
export async function listOpenInstallsAcceptedBetween(db: Db, tenantId: string, s: Period) {
  const accepted = workOrders.acceptedAt;
  const open = inArray(workOrders.status, [...OPEN_STATUSES]);
  const within = sql`${accepted} > ${s.from} and ${accepted} <= ${s.to}`;
  return selectTenantOrders(db, tenantId, accepted, eq(workOrders.type, 'install'), open, within);
}

/**
 * The tenant's work orders meeting every condition, ordered by `by` and then id (a stable order for
 * samples and reports alike).
 */
async function selectTenantOrders(
  db: Db,
  tenantId: string,
  by: AnyPgColumn,
  ...where: (SQL | undefined)[]
): Promise<StoredWorkOrder[]> {
  const rows = await db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, tenantId), ...where))
    .orderBy(asc(by), asc(workOrders.id));
  return rows.map(toWorkOrder);
}

export interface KpiOrderScope {
  from: Date;
  to: Date;
  vendorId?: string | null;
  stationId?: string;
  areaId?: string;
}

/**
 * KPI-01: the orders any indicator may place in [from, to): accepted before `to` and either accepted,
 * completed, closed or appointed in the period, with an SLA clock due in it, or still open (their
 * deadline may fall in it).
 */
export async function listOrdersForKpi(db: Db, tenantId: string, s: KpiOrderScope): Promise<StoredWorkOrder[]> {
  return selectTenantOrders(
    db,
    tenantId,
    workOrders.acceptedAt,
    lt(workOrders.acceptedAt, s.to),
    s.vendorId ? eq(workOrders.vendorId, s.vendorId) : undefined,
    s.stationId ? eq(workOrders.stationId, s.stationId) : undefined,
    s.areaId ? eq(workOrders.areaId, s.areaId) : undefined,
    or(
      gte(workOrders.acceptedAt, s.from),
      and(isNotNull(workOrders.completedAt), gte(workOrders.completedAt, s.from)),
      and(isNotNull(workOrders.closedAt), gte(workOrders.closedAt, s.from)),
      inArray(workOrders.status, [...OPEN_STATUSES]),
      // On-time arrival counts an order on its appointment, SLA compliance a clock on its due instant.
      and(isNotNull(workOrders.appointmentStart), gte(workOrders.appointmentStart, s.from)),
      sql`exists (select 1 from sla_clocks c where c.tenant_id = ${workOrders.tenantId}
                        and c.order_id = ${workOrders.id} and c.due_at >= ${s.from} and c.due_at < ${s.to})`,
    ),
  );
}

/** Lifecycle events of these orders with the given actions, in order (KPI facts: arrivals, reopens…). */
export async function listOrderEventsByAction(
  db: Db,
  tenantId: string,
  orderIds: readonly string[],
  actions: readonly string[],
) {
  const out = [];
  for (const ids of chunks(orderIds)) {
    out.push(
      ...(await db
        .select({
          orderId: workOrderEvents.orderId,
          seq: workOrderEvents.seq,
          action: workOrderEvents.action,
          at: workOrderEvents.at,
          actorId: workOrderEvents.actorId,
          payload: workOrderEvents.payload,
        })
        .from(workOrderEvents)
        .where(
          and(
            eq(workOrderEvents.tenantId, tenantId),
            inArray(workOrderEvents.orderId, ids),
            inArray(workOrderEvents.action, [...actions]),
          ),
        )
        .orderBy(asc(workOrderEvents.orderId), asc(workOrderEvents.seq))),
    );
  }
  return out;
}

/**
 * Id lists in pieces a statement can bind: PostgreSQL takes at most 65,535 parameters, and a month of a
 * large station's orders is more (issue 7 benchmark: 58,000 at 2 M orders). Sequential on purpose.
 */
function chunks(ids: readonly string[], size = 10_000): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
