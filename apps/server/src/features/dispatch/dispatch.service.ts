import {
  getOrgUnit,
  getTenant,
  insertAbsence,
  getWorkOrder,
  listEngineerDay,
  listOrgUnits,
  upsertPlannedVisits,
  type Db,
  type Tx,
} from '@daowei/db';
import {
  checkInsertion,
  evaluateRoutes,
  moveOrder,
  planDay,
  planDayInWorker,
  type Plan,
  type PlanRequest,
} from '@daowei/dispatch';
import { DomainError, isWorker, localDate, type DispatchPolicy } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import { currentSequences, plannedRowsOf } from './current-day.js';
import { partsToBring } from './day-facts.js';
import { createPartNeedsService } from './part-needs.service.js';
import { engineerDayView, planView } from './dispatch.presenter.js';
import type {
  ApplyBody,
  AssignBody,
  CheckBody,
  DayBody,
  MyDayQuery,
  PlanBody,
  ReplanBody,
  UrgentBody,
} from './dispatch.schemas.js';
import { PINNED_STATUSES, buildPlanInput, type PlanInput } from './plan-request.adapter.js';
import { REPLAN_REMARK, REPLAN_RETURNED_REMARK, planDayChange, storeDayChange } from './replan-day.js';
import { URGENT_REPLAN_REMARK, planUrgentInsertion, storeUrgentPlan } from './urgent-insert.js';

/** The `dispatch` remark of orders placed by an applied plan: the history says a plan, not a person, chose. */
export const AUTO_PLAN_REMARK = 'auto-plan';
/** The remark of an order a coordinator dragged onto an engineer (DSP-01). */
export const BOARD_REMARK = 'board';
/** DSP-05: the notification an engineer gets for same-day urgent work. */
export const URGENT_DISPATCH_KIND = 'dispatch.urgent_today';

/**
 * DSP-01..05 on the server: plans a station's day from stored data (changing nothing; on a worker
 * thread, bounded by the policy's time limit), applies a plan through the work-order lifecycle in one
 * transaction and stores each engineer's sequence, answers the board's drag with the DSP-04 verdict and
 * on confirmation assigns and sequences the order, and shows an engineer his day in that sequence.
 */
export function createDispatchService({
  db,
  clock,
  dispatchPolicy,
  workOrders,
  notifications,
}: {
  db: Db;
  clock: Clock;
  dispatchPolicy: DispatchPolicy;
  workOrders: Pick<WorkOrderService, 'actIn'>;
  notifications?: Pick<NotificationService, 'notify'>;
}) {
  function assertPlanner(auth: AuthContext): void {
    if (!dispatchPolicy.plannerPositions.includes(auth.position)) {
      throw new DomainError(
        'FORBIDDEN',
        `This needs one of the positions: ${dispatchPolicy.plannerPositions.join(', ')}`,
        { position: auth.position },
      );
    }
  }

  /** A station the caller may plan; another vendor's (or tenant's) is answered as missing (SEC-02). */
  async function stationFor(tx: Db, auth: AuthContext, stationId: string) {
    const station = await getOrgUnit(tx, auth.tenantId, stationId);
    if (!station || station.kind !== 'station' || (auth.vendorId && station.vendorId !== auth.vendorId)) {
      throw new DomainError('NOT_FOUND', 'Station not found', { id: stationId });
    }
    return station;
  }

  async function timeZoneOf(tx: Db, tenantId: string) {
    return (await getTenant(tx, tenantId))?.timeZone ?? 'Asia/Shanghai';
  }

  async function inputFor(tx: Db, auth: AuthContext, stationId: string, date: string, requireParts = false) {
    const station = await stationFor(tx, auth, stationId);
    const units = await listOrgUnits(tx, auth.tenantId, { vendorId: station.vendorId });
    const timeZone = await timeZoneOf(tx, auth.tenantId);
    const q = { tenantId: auth.tenantId, station, units, date, timeZone, requireParts };
    return buildPlanInput(tx, q, dispatchPolicy);
  }

  const options = () => ({
    timeLimitMs: dispatchPolicy.planTimeLimitMs,
    maxIterations: dispatchPolicy.planMaxIterations,
    seed: dispatchPolicy.seed,
  });

  /** Small days plan inline (a worker costs ~0.3 s to start); big ones off the event loop. */
  function solve(request: PlanRequest): Promise<Plan> {
    if (request.orders.length < dispatchPolicy.workerMinOrders) return Promise.resolve(planDay(request, options()));
    return planDayInWorker(request, options(), dispatchPolicy.planTimeLimitMs * 3 + 5_000);
  }

  /** DSP-05: same-day urgent work reaches the engineer's phone inbox in the dispatching transaction. */
  async function notifyIfUrgentToday(tx: Db, auth: AuthContext, input: PlanInput, orderId: string, engineerId: string) {
    const order = input.orders.get(orderId);
    if (!notifications || !order || !dispatchPolicy.notifyNowPriorities.includes(order.priority)) return;
    if (localDate(clock.now(), input.request.timeZone) !== input.request.date) return;
    await notifications.notify(tx, auth.tenantId, {
      recipient: { personId: engineerId },
      kind: URGENT_DISPATCH_KIND,
      orderId,
      payload: { number: order.number, priority: order.priority, address: order.address },
      dedupeKey: `${URGENT_DISPATCH_KIND}:${orderId}:${engineerId}`,
    });
  }

  /** Dispatches through the lifecycle unless the engineer already has it; true when dispatched. */
  async function dispatchTo(
    tx: Tx,
    auth: AuthContext,
    input: PlanInput,
    orderId: string,
    engineerId: string,
    remark: string,
  ) {
    const order = input.orders.get(orderId)!;
    if ((order.holderId ?? order.offeredToPersonId) === engineerId) return false;
    await workOrders.actIn(tx, auth, orderId, { action: 'dispatch', toPersonId: engineerId, remark });
    await notifyIfUrgentToday(tx, auth, input, orderId, engineerId);
    return true;
  }

  return {
    /** DSP-01/03: the parts an order needs and their readiness (its own module; reached through here). */
    partNeeds: createPartNeedsService({ db, clock, dispatchPolicy }),

    /** DSP-03: the proposed plan; orders are not touched. */
    async plan(auth: AuthContext, body: PlanBody) {
      assertPlanner(auth);
      const requireParts = body.requireParts ?? dispatchPolicy.planRequiresParts;
      const input = await inputFor(db, auth, body.stationId, body.date, requireParts);
      return { ...planView(input, await solve(input.request), clock.now(), dispatchPolicy), requireParts };
    },

    /** DSP-01: the day as it stands (stored sequences), with the same explanations as a plan. */
    async day(auth: AuthContext, body: DayBody) {
      assertPlanner(auth);
      const input = await inputFor(db, auth, body.stationId, body.date);
      return planView(input, evaluateRoutes(input.request, currentSequences(input)), clock.now(), dispatchPolicy);
    },

    /** DSP-03: dispatches every order to its planned engineer and stores each engineer's sequence. */
    async apply(auth: AuthContext, body: ApplyBody, key: string | null) {
      assertPlanner(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'dispatch.apply', body }, async () => {
          const input = await inputFor(tx, auth, body.stationId, body.date);
          const engineers = new Set(input.request.engineers.map((e) => e.id));
          const dispatched: { orderId: string; number: string; engineerId: string }[] = [];
          const unchanged: string[] = [];
          const routes = new Map<string, string[]>();
          for (const a of body.assignments) {
            const order = input.orders.get(a.orderId);
            if (!order)
              throw new DomainError('NOT_FOUND', 'Work order not found in this station-day', { id: a.orderId });
            if (!engineers.has(a.engineerId)) {
              throw new DomainError('VALIDATION_FAILED', 'Not an engineer of this station on shift that day', {
                field: 'assignments.engineerId',
                engineerId: a.engineerId,
              });
            }
            routes.set(a.engineerId, [...(routes.get(a.engineerId) ?? []), a.orderId]);
            if (await dispatchTo(tx, auth, input, a.orderId, a.engineerId, AUTO_PLAN_REMARK)) {
              dispatched.push({ orderId: order.id, number: order.number, engineerId: a.engineerId });
            } else unchanged.push(order.id);
          }
          // The sequence is the order of the assignments per engineer (the board sends routes in stop order).
          const sequences = [...routes].map(([engineerId, orderIds]) => ({ engineerId, orderIds }));
          const evaluated = evaluateRoutes(input.request, sequences);
          await upsertPlannedVisits(
            tx,
            auth.tenantId,
            plannedRowsOf(input, evaluated, () => 'plan'),
          );
          return { dispatched, unchanged };
        }),
      );
    },

    /** DSP-04: can this engineer take the order on that day, after the visits he already has? */
    async check(auth: AuthContext, body: CheckBody) {
      assertPlanner(auth);
      const { verdict, input } = await verdictFor(db, auth, body);
      // DSP-01: the verdict also says whether the order's parts are there (a short one may still be placed).
      return { ...verdictView(verdict), parts: input.parts.get(body.orderId)?.status ?? 'none' };
    },

    /**
     * DSP-01/04: the board's drag, confirmed. Refused when the DSP-04 check fails (or the visit is
     * pinned to another engineer); otherwise dispatched through the lifecycle and placed in the
     * engineer's sequence where the check put it. Only the two engineers' days change.
     */
    async assign(auth: AuthContext, body: AssignBody, key: string | null) {
      assertPlanner(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'dispatch.assign', body }, async () => {
          const { input, verdict, sequences } = await verdictFor(tx, auth, body);
          if (!verdict.feasible) {
            throw new DomainError('DSP_INSERTION_REFUSED', 'The engineer cannot take this visit in his day', {
              reason: verdict.reason,
            });
          }
          const from = sequences.find((s) => s.orderIds.includes(body.orderId))?.engineerId ?? null;
          const moved = moveOrder(sequences, body.orderId, body.engineerId, verdict.position);
          const evaluated = evaluateRoutes(input.request, moved);
          const touched = new Set([body.engineerId, ...(from ? [from] : [])]);
          const source = (id: string) => (id === body.orderId ? 'manual' : (input.planned.get(id)?.source ?? 'plan'));
          await upsertPlannedVisits(tx, auth.tenantId, plannedRowsOf(input, evaluated, source, touched));
          const dispatched = await dispatchTo(tx, auth, input, body.orderId, body.engineerId, BOARD_REMARK);
          const route = evaluated.routes.find((r) => r.engineerId === body.engineerId)!;
          return {
            ...verdictView(verdict),
            dispatched,
            sequence: route.stops.map((s, k) => ({
              seq: k + 1,
              orderId: s.orderId,
              orderNumber: input.orders.get(s.orderId)?.number ?? s.orderId,
              start: s.start,
            })),
          };
        }),
      );
    },

    /**
     * DSP-03/05: an urgent order joins the running day with the least disruption (normal work is
     * displaced only when it must be); moved orders are dispatched through the lifecycle, the urgent
     * one's engineer is notified at once when it is for today.
     */
    async insertUrgent(auth: AuthContext, body: UrgentBody, key: string | null) {
      assertPlanner(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'dispatch.urgent', body }, async () => {
          const order = await getWorkOrder(tx, auth.tenantId, body.orderId);
          if (!order || !order.stationId || (auth.vendorId && order.vendorId !== auth.vendorId)) {
            throw new DomainError('NOT_FOUND', 'Work order not found', { id: body.orderId });
          }
          const input = await inputFor(tx, auth, order.stationId, body.date);
          const nowMinute = (clock.now().getTime() - input.midnight.getTime()) / 60_000;
          const planned = planUrgentInsertion(input, body.orderId, nowMinute, dispatchPolicy);
          await storeUrgentPlan(tx, auth.tenantId, input, planned);
          const moved: string[] = [];
          for (const r of planned.plan.routes) {
            for (const s of r.stops) {
              const remark = s.orderId === body.orderId ? BOARD_REMARK : URGENT_REPLAN_REMARK;
              if (await dispatchTo(tx, auth, input, s.orderId, r.engineerId, remark)) moved.push(s.orderId);
            }
          }
          const numberOf = (id: string) => input.orders.get(id)?.number ?? id;
          return {
            engineerId: planned.engineerId,
            dispatched: moved.map((id) => ({ orderId: id, number: numberOf(id) })),
            displaced: planned.displaced.map((id) => ({ orderId: id, number: numberOf(id) })),
            changedOrderIds: planned.changedOrderIds,
          };
        }),
      );
    },

    /**
     * DSP-03 "an engineer is ill" / "an order runs long": the rest of the day re-planned with minimal
     * change. Moved visits are dispatched to their new engineer; visits no one can take today go back
     * to the station's queue (the board lists them unassigned). An ill engineer is recorded off for the
     * rest of the day, so later plans leave him out.
     */
    async replanDay(auth: AuthContext, body: ReplanBody, key: string | null) {
      assertPlanner(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'dispatch.replan', body }, async () => {
          const input = await inputFor(tx, auth, body.stationId, body.date);
          const now = clock.now();
          const dayEnd = new Date(input.midnight.getTime() + 24 * 3_600_000);
          if (now >= dayEnd) {
            throw new DomainError('VALIDATION_FAILED', 'The day is over; plan another day', { field: 'date' });
          }
          const nowMinute = (now.getTime() - input.midnight.getTime()) / 60_000;
          const planned = planDayChange(input, body.change, nowMinute, dispatchPolicy);
          await storeDayChange(tx, auth.tenantId, input, planned);
          const numberOf = (id: string) => input.orders.get(id)?.number ?? id;
          const nameOf = (id: string) => input.engineers.find((e) => e.id === id)?.name ?? '';
          const moved: { orderId: string; number: string; engineerId: string; engineerName: string }[] = [];
          for (const [orderId, engineerId] of planned.movedTo) {
            await dispatchTo(tx, auth, input, orderId, engineerId, REPLAN_REMARK);
            moved.push({ orderId, number: numberOf(orderId), engineerId, engineerName: nameOf(engineerId) });
          }
          for (const orderId of planned.displaced) {
            const remark = REPLAN_RETURNED_REMARK;
            await workOrders.actIn(tx, auth, orderId, { action: 'dispatch', toUnitId: body.stationId, remark });
          }
          if (body.change.kind === 'engineer_off') {
            const from = now > input.midnight ? now : input.midnight;
            await insertAbsence(tx, auth.tenantId, {
              personId: body.change.engineerId,
              startsAt: from,
              endsAt: dayEnd,
              reason: body.change.reason,
              recordedBy: auth.personId,
            });
          }
          return {
            kind: body.change.kind,
            moved,
            returnedToQueue: planned.displaced.map((id) => ({ orderId: id, number: numberOf(id) })),
            changedOrderIds: planned.changedOrderIds,
          };
        }),
      );
    },

    /** ENG-01 with DSP-03: the engineer's own day in planned sequence (today in the tenant's zone by default). */
    async myDay(auth: AuthContext, q: MyDayQuery) {
      if (!isWorker(auth.position)) return { date: q.date ?? null, items: [] };
      const timeZone = await timeZoneOf(db, auth.tenantId);
      const date = q.date ?? localDate(clock.now(), timeZone);
      const rows = await listEngineerDay(db, auth.tenantId, { engineerId: auth.personId, day: date });
      // Only orders still his: a visit dispatched to someone else since keeps no place on this phone.
      const mine = rows.filter(
        ({ order }) => order.holderId === auth.personId || order.offeredToPersonId === auth.personId,
      );
      const parts = await partsToBring(
        db,
        auth.tenantId,
        mine.map((r) => r.order.id),
      );
      return {
        date,
        items: mine.map((r, k) => ({ ...engineerDayView(r, k + 1), parts: parts.get(r.order.id) ?? [] })),
      };
    },
  };

  async function verdictFor(tx: Db, auth: AuthContext, body: CheckBody) {
    const order = await getWorkOrder(tx, auth.tenantId, body.orderId);
    if (!order || !order.stationId || (auth.vendorId && order.vendorId !== auth.vendorId)) {
      throw new DomainError('NOT_FOUND', 'Work order not found', { id: body.orderId });
    }
    const input = await inputFor(tx, auth, order.stationId, body.date);
    const sequences = currentSequences(input);
    const current = evaluateRoutes(input.request, sequences);
    const pinnedElsewhere = PINNED_STATUSES.includes(order.status) && order.holderId !== body.engineerId;
    const verdict = pinnedElsewhere
      ? { feasible: false, position: -1, arrival: NaN, start: NaN, lateMinutes: 0, reason: 'pinned' as const }
      : checkInsertion(current, body.engineerId, body.orderId, body.position);
    return { input, verdict, sequences };
  }
}

/** JSON has no NaN: an impossible insertion has no arrival. */
const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

function verdictView(v: {
  feasible: boolean;
  position: number;
  arrival: number;
  start: number;
  lateMinutes: number;
  reason: string;
}) {
  return { ...v, arrival: finite(v.arrival), start: finite(v.start) };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
