import { getOrgUnit, getTenant, getWorkOrder, listOrgUnits, type Db } from '@daowei/db';
import { checkInsertion, planDay, type Plan } from '@daowei/dispatch';
import { DomainError, type DispatchPolicy } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import { currentPlanOf, planView } from './dispatch.presenter.js';
import type { ApplyBody, CheckBody, PlanBody } from './dispatch.schemas.js';
import { buildPlanInput } from './plan-request.adapter.js';

/** The `dispatch` remark of orders placed by an applied plan: the history says a plan, not a person, chose. */
export const AUTO_PLAN_REMARK = 'auto-plan';

/**
 * DSP-03/04 on the server: plans a station's day from stored data (changing nothing), applies a plan
 * through the work-order lifecycle in one transaction, and answers the board's drag-and-drop check.
 * Planning runs inline, bounded by the policy's time limit and iteration cap; at the sizes of one
 * station's day (tens of orders) that is well under a second.
 */
export function createDispatchService({
  db,
  dispatchPolicy,
  workOrders,
}: {
  db: Db;
  dispatchPolicy: DispatchPolicy;
  workOrders: Pick<WorkOrderService, 'actIn'>;
}) {
  function assertPlanner(auth: AuthContext): void {
    if (!dispatchPolicy.plannerPositions.includes(auth.position)) {
      throw new DomainError(
        'FORBIDDEN',
        `This needs one of the positions: ${dispatchPolicy.plannerPositions.join(', ')}`,
        {
          position: auth.position,
        },
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

  async function inputFor(tx: Db, auth: AuthContext, stationId: string, date: string) {
    const station = await stationFor(tx, auth, stationId);
    const tenant = await getTenant(tx, auth.tenantId);
    const units = await listOrgUnits(tx, auth.tenantId, { vendorId: station.vendorId });
    const timeZone = tenant?.timeZone ?? 'Asia/Shanghai';
    return buildPlanInput(tx, { tenantId: auth.tenantId, station, units, date, timeZone }, dispatchPolicy);
  }

  function solve(request: Plan['request']): Plan {
    return planDay(request, {
      timeLimitMs: dispatchPolicy.planTimeLimitMs,
      maxIterations: dispatchPolicy.planMaxIterations,
      seed: dispatchPolicy.seed,
    });
  }

  return {
    /** DSP-03: the proposed plan; orders are not touched. */
    async plan(auth: AuthContext, body: PlanBody) {
      assertPlanner(auth);
      const input = await inputFor(db, auth, body.stationId, body.date);
      return planView(input, solve(input.request));
    },

    /** DSP-03: dispatches every order whose planned engineer is not already its engineer, in one transaction. */
    async apply(auth: AuthContext, body: ApplyBody, key: string | null) {
      assertPlanner(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'dispatch.apply', body }, async () => {
          const input = await inputFor(tx, auth, body.stationId, body.date);
          const engineers = new Set(input.request.engineers.map((e) => e.id));
          const dispatched: { orderId: string; number: string; engineerId: string }[] = [];
          const unchanged: string[] = [];
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
            if ((order.holderId ?? order.offeredToPersonId) === a.engineerId) {
              unchanged.push(order.id);
              continue;
            }
            const cmd = { action: 'dispatch' as const, toPersonId: a.engineerId, remark: AUTO_PLAN_REMARK };
            await workOrders.actIn(tx, auth, order.id, cmd);
            dispatched.push({ orderId: order.id, number: order.number, engineerId: a.engineerId });
          }
          return { dispatched, unchanged };
        }),
      );
    },

    /** DSP-04: can this engineer take the order on that day, after the visits he already has? */
    async check(auth: AuthContext, body: CheckBody) {
      assertPlanner(auth);
      const order = await getWorkOrder(db, auth.tenantId, body.orderId);
      if (!order || !order.stationId || (auth.vendorId && order.vendorId !== auth.vendorId)) {
        throw new DomainError('NOT_FOUND', 'Work order not found', { id: body.orderId });
      }
      const input = await inputFor(db, auth, order.stationId, body.date);
      const verdict = checkInsertion(currentPlanOf(input), body.engineerId, body.orderId);
      return { ...verdict, arrival: finite(verdict.arrival), start: finite(verdict.start) };
    },
  };
}

/** JSON has no NaN: an impossible insertion has no arrival. */
const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

export type DispatchService = ReturnType<typeof createDispatchService>;
