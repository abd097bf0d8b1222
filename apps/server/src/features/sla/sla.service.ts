import {
  getForUpdate,
  getSlaClock,
  getWorkOrder,
  insertSlaClocks,
  listAtRiskSlaClocks,
  isWellFormedAtRiskCursor,
  listSlaClocksOfOrder,
  getWorkOrders,
  recordSlaClockEvent,
  setSlaOverdueReason,
  updateSlaClock,
  type Db,
  type StoredSlaClock,
  type StoredWorkOrder,
} from '@daowei/db';
import {
  applyClockEvent,
  canSeeOrder,
  clockStatus,
  DomainError,
  isSupervisor,
  startClocks,
  type ClockAnchor,
  type PolicyPack,
  type WorkOrderCommand,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import type { JobQueue } from '../../platform/jobs.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { viewerOf } from '../../http/viewer.js';
import { agreesAppointment, clockEventFor, slaFactsOf } from './sla-order-events.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { createTenantCalendars, type TenantCalendars } from '../calendar/tenant-calendar.js';
import { createTenantSlaPolicies, type TenantSlaPolicies } from './tenant-sla-policy.js';
import { createSlaEscalation } from './sla-escalation.js';
import { createSlaReevaluation } from './sla-reevaluate.js';
import { atRiskView, clockView } from './sla.presenter.js';
import type { AtRiskQuery } from './sla.schemas.js';

export const SLA_WARN_JOB = 'sla.warn';
export const SLA_BREACH_JOB = 'sla.breach';

export interface SlaTimerData {
  tenantId: string;
  clockId: string;
}

/**
 * A timer fires this long after the instant it watches: pg-boss compares with the database clock and
 * the handler with the server clock, and a job that arrives a moment early would find nothing due and
 * be spent. A second of slack keeps firing "on time, within a few seconds" (SLA-09).
 */
const FIRE_SLACK_MS = 1_000;

export type SlaService = ReturnType<typeof createSlaService>;

/**
 * SLA-02/04/09 on the server: clocks start with the order (same transaction), follow its lifecycle
 * (pause, resume, appointment, stop), are persisted whole, and their warning and breach instants are
 * persisted jobs. Calendar: the shipped calendar plus the tenant's own days, in the order's area zone
 * with its team's working hours (tenant-calendar.ts); policy: the tenant's current version.
 */
export function createSlaService({
  db,
  clock,
  policy,
  jobs,
  notifications,
  calendars,
  policies,
}: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  jobs?: JobQueue | undefined;
  /** Escalations (SLA-09) notify through it; absent in tools that only compute clocks. */
  notifications?: Pick<NotificationService, 'notify'> | undefined;
  /** The tenant's calendar (shipped calendar + the tenant's days); one per app so the cache is shared. */
  calendars?: TenantCalendars | undefined;
  /** The tenant's current SLA policy version (its own edit, or the shipped policy.sla). */
  policies?: TenantSlaPolicies | undefined;
}) {
  const calendarFor = calendars ?? createTenantCalendars();
  const policyFor = policies ?? createTenantSlaPolicies(policy.sla);
  const escalate = createSlaEscalation(notifications);

  /**
   * Timers for a clock's current warning and due instants, inserted in the caller's transaction. The
   * key carries the instant: a resume that moves the deadline gets a new job, and the stale one finds
   * nothing due when it fires (handlers re-read the clock). No queue (tests, tools): clocks are still
   * stored and their status is computed at read time.
   */
  async function scheduleTimers(tx: Db, s: StoredSlaClock): Promise<void> {
    if (!jobs || s.clock.stoppedAt || s.clock.runningSince === null) return;
    const data: SlaTimerData = { tenantId: s.tenantId, clockId: s.id };
    const warnMs = s.clock.warnAt.getTime();
    const dueMs = s.clock.dueAt.getTime();
    if (!s.warnedAt && warnMs < dueMs) {
      await jobs.schedule(SLA_WARN_JOB, data, {
        runAt: new Date(warnMs + FIRE_SLACK_MS),
        key: `clock:${s.id}:warn:${warnMs}`,
        tx,
      });
    }
    if (!s.breachedAt) {
      await jobs.schedule(SLA_BREACH_JOB, data, {
        runAt: new Date(dueMs + FIRE_SLACK_MS),
        key: `clock:${s.id}:breach:${dueMs}`,
        tx,
      });
    }
  }

  const reevaluation = createSlaReevaluation({ db, clock, calendarFor, policyFor, scheduleTimers });

  /** Starts the clocks the policy gives a new order (call inside the order's transaction). */
  async function startForOrder(tx: Db, order: StoredWorkOrder, now: Date): Promise<void> {
    const policy = await policyFor(tx, order.tenantId);
    const facts = slaFactsOf(order, order.appointment ? now : null, policy);
    const calendar = await calendarFor(tx, order.tenantId, order);
    await insertAndSchedule(tx, order, startClocks(facts, policy, calendar, now));
  }

  async function insertAndSchedule(tx: Db, order: StoredWorkOrder, clocks: ReturnType<typeof startClocks>) {
    const stored = await insertSlaClocks(
      tx,
      order.tenantId,
      clocks.map((c) => ({
        orderId: order.id,
        vendorId: order.vendorId,
        stationId: order.stationId,
        orderType: order.type,
        clock: c,
      })),
    );
    for (const s of stored) await scheduleTimers(tx, s);
  }

  /**
   * Applies a lifecycle action to the order's open clocks (call inside the action's transaction, after
   * the order is updated; the order row lock serialises this per order). Clocks anchored on a newly
   * agreed appointment (SLA-07) start here.
   */
  async function onOrderAction(tx: Db, order: StoredWorkOrder, cmd: WorkOrderCommand, now: Date): Promise<void> {
    const calendar = await calendarFor(tx, order.tenantId, order);
    for (const s of await listSlaClocksOfOrder(tx, order.tenantId, order.id)) {
      if (s.clock.stoppedAt) continue;
      // Events apply in time order; a server clock set back (tests, NTP) must not fail the action.
      const at = new Date(Math.max(now.getTime(), s.clock.lastEventAt.getTime()));
      const event = clockEventFor(cmd, s.clock, at);
      if (!event) continue;
      const next = applyClockEvent(s.clock, event, calendar);
      if (next === s.clock) continue;
      await scheduleTimers(tx, await updateSlaClock(tx, order.tenantId, s.id, next));
    }
    if (agreesAppointment(cmd) && order.appointment) {
      const policy = await policyFor(tx, order.tenantId);
      const fresh = startClocks(slaFactsOf(order, now, policy), policy, calendar, now).filter(
        (c) => c.definition.anchor !== 'accepted',
      );
      await insertAndSchedule(tx, order, fresh);
    }
  }

  /**
   * SLA-08 / WO-15: starts the order's clocks anchored on a moment that is not a lifecycle action
   * (damage reported, resource change made) at `at`, in the caller's transaction. A clock of that kind
   * already stored for the order (one per kind) is kept as it is. Answers the clocks as computed, so
   * the caller can show the deadline even when the stored one was older.
   */
  async function startAnchored(tx: Db, order: StoredWorkOrder, anchor: ClockAnchor, at: Date, now: Date) {
    const calendar = await calendarFor(tx, order.tenantId, order);
    const policy = await policyFor(tx, order.tenantId);
    const facts = { ...slaFactsOf(order, null, policy), moments: { [anchor]: at } };
    const clocks = startClocks(facts, policy, calendar, now).filter((c) => c.definition.anchor === anchor);
    await insertAndSchedule(tx, order, clocks);
    return clocks;
  }

  /** Stops the order's open clocks whose policy `stopOn` is this name (compensated, acknowledged …). */
  async function stopNamed(tx: Db, order: StoredWorkOrder, stopOn: string, now: Date): Promise<void> {
    const calendar = await calendarFor(tx, order.tenantId, order);
    for (const s of await listSlaClocksOfOrder(tx, order.tenantId, order.id)) {
      if (s.clock.stoppedAt || s.clock.definition.stopOn !== stopOn) continue;
      const at = new Date(Math.max(now.getTime(), s.clock.lastEventAt.getTime()));
      const next = applyClockEvent(s.clock, { type: 'stop', at, reason: 'completed' }, calendar);
      if (next !== s.clock) await updateSlaClock(tx, order.tenantId, s.id, next);
    }
  }

  /** A warning or breach timer: records the event once, only if the clock is (still) that late. */
  async function fire(kind: 'warning' | 'breach', data: SlaTimerData): Promise<boolean> {
    const s = await getSlaClock(db, data.tenantId, data.clockId);
    if (!s) return false;
    const now = clock.now();
    const status = clockStatus(s.clock, now);
    const due =
      kind === 'breach' ? status.state === 'breached' : status.state === 'warning' || status.state === 'breached';
    // A stopped clock's breach (stopped late) is the assessment's business, not a timer's.
    if (!due || s.clock.stoppedAt) return false;
    return db.transaction(async (tx) => {
      const recorded = await recordSlaClockEvent(tx, s.tenantId, {
        clockId: s.id,
        orderId: s.orderId,
        kind,
        at: now,
        payload: {
          clockKind: s.clock.kind,
          ruleId: s.clock.ruleId,
          policyId: s.clock.policyId,
          policyVersion: s.clock.policyVersion,
          dueAt: s.clock.dueAt.toISOString(),
          warnAt: s.clock.warnAt.toISOString(),
          breachPenaltyFen: s.clock.definition.breachPenaltyFen ?? null,
        },
      });
      // Only the call that recorded the event escalates: a second delivery finds it recorded.
      if (recorded) await escalate(tx, s, kind === 'breach' ? 'breach' : 'warning', now);
      return recorded;
    });
  }

  /** The order, if the caller may see it (another vendor's or tenant's answers NOT_FOUND, SEC-02). */
  async function visibleOrder(auth: AuthContext, orderId: string): Promise<StoredWorkOrder> {
    const order = await getWorkOrder(db, auth.tenantId, orderId);
    if (!order || !canSeeOrder(order, viewerOf(auth))) {
      throw new DomainError('NOT_FOUND', 'Work order not found', { id: orderId });
    }
    return order;
  }

  return {
    startForOrder,
    onOrderAction,
    startAnchored,
    stopNamed,
    scheduleTimers,
    /** SLA-01/02 for other features that start clocks: the order's calendar and the tenant's policy. */
    calendarOfOrder: (tx: Db, order: StoredWorkOrder) => calendarFor(tx, order.tenantId, order),
    policyFor,
    fireWarning: (data: SlaTimerData) => fire('warning', data),
    fireBreach: (data: SlaTimerData) => fire('breach', data),

    /** SLA-02: the order's clocks with status at the server's now and the explanation. */
    async clocksOf(auth: AuthContext, orderId: string) {
      await visibleOrder(auth, orderId);
      const now = clock.now();
      const clocks = await listSlaClocksOfOrder(db, auth.tenantId, orderId);
      return { now: now.toISOString(), items: clocks.map((s) => clockView(s, now)) };
    },

    /** SLA-09 coordinators' view: warning and breached clocks of open orders, earliest due first. */
    async atRisk(auth: AuthContext, q: AtRiskQuery) {
      if (!isSupervisor(auth.position)) {
        throw new DomainError('FORBIDDEN', 'The at-risk view is for coordinators and managers', {
          position: auth.position,
        });
      }
      if (q.cursor && !isWellFormedAtRiskCursor(q.cursor)) {
        throw new DomainError('VALIDATION_FAILED', 'The page cursor is not valid', { field: 'cursor' });
      }
      const now = clock.now();
      const vendorId = auth.vendorId ?? q.vendorId ?? null;
      const page = await listAtRiskSlaClocks(db, auth.tenantId, {
        now,
        ...(q.state ? { state: q.state } : {}),
        vendorId,
        ...(q.stationId ? { stationId: q.stationId } : {}),
        ...(q.type ? { type: q.type } : {}),
        ...(q.areaId ? { areaId: q.areaId } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
        cursor: q.cursor ?? null,
        limit: q.limit,
      });
      const orders = new Map(
        (await getWorkOrders(db, auth.tenantId, [...new Set(page.items.map((s) => s.orderId))])).map((o) => [o.id, o]),
      );
      return {
        now: now.toISOString(),
        items: page.items.flatMap((s) => {
          const order = orders.get(s.orderId);
          return order ? [atRiskView(s, order, now)] : [];
        }),
        nextCursor: page.nextCursor,
      };
    },

    /**
     * SLA-02 "re-evaluate" of one order (sla-reevaluate.ts): its open clocks re-stamped with the current
     * policy version and calendar, each move recorded as an event. Stopped clocks are final; a warning
     * or breach already recorded stays recorded: it happened under the deadline that applied then.
     */
    async reevaluate(auth: AuthContext, orderId: string, key: string | null) {
      if (!isSupervisor(auth.position)) {
        throw new DomainError('FORBIDDEN', 'Clocks are re-evaluated by coordinators and managers', {
          position: auth.position,
        });
      }
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { reevaluate: orderId }, async () => {
          const order = await getForUpdate(tx, auth.tenantId, orderId);
          if (!order || !canSeeOrder(order, viewerOf(auth))) {
            throw new DomainError('NOT_FOUND', 'Work order not found', { id: orderId });
          }
          const now = clock.now();
          const moves = await reevaluation.orderIn(tx, order, auth.personId, now);
          const changed = moves.map(({ orderId: _o, ...m }) => m);
          const items = (await listSlaClocksOfOrder(tx, order.tenantId, order.id)).map((s) => clockView(s, now));
          return { now: now.toISOString(), changed, items };
        }),
      );
    },

    /** SLA-02: every open clock of the tenant re-evaluated in batches, with a report of what moved. */
    reevaluateTenant: (auth: AuthContext, key: string | null, batchSize?: number) =>
      reevaluation.tenant(auth, key, batchSize),

    /** SLA-04: why the order is late; an overdue clock with a reason is no longer flagged. */
    async setOverdueReason(auth: AuthContext, orderId: string, clockId: string, reason: string) {
      if (!isSupervisor(auth.position)) {
        throw new DomainError('FORBIDDEN', 'Overdue reasons are noted by coordinators and managers', {
          position: auth.position,
        });
      }
      await visibleOrder(auth, orderId);
      const existing = await getSlaClock(db, auth.tenantId, clockId);
      if (!existing || existing.orderId !== orderId)
        throw new DomainError('NOT_FOUND', 'Clock not found', { id: clockId });
      const now = clock.now();
      const s = await setSlaOverdueReason(db, auth.tenantId, clockId, { reason, by: auth.personId, at: now });
      if (!s) throw new DomainError('NOT_FOUND', 'Clock not found', { id: clockId });
      return clockView(s, now);
    },
  };
}
