import {
  appendCallbackAttempt,
  appendEvent,
  getCallbackTaskForUpdate,
  getForUpdate,
  getPerson,
  getWorkOrder,
  getWorkOrders,
  insertCallbackTasks,
  listCallbackAttempts,
  listCallbackTasks,
  listOrderEventsByAction,
  updateCallbackTask,
  updateWorkOrder,
  type Db,
  type Tx,
  type StoredCallbackAttempt,
  type StoredCallbackTask,
  type StoredWorkOrder,
} from '@daowei/db';
import {
  callbackTasksFor,
  canSeeOrder,
  checkImprovementAction,
  decide,
  decideCallbackOutcome,
  DEFAULT_CALLBACK_RULES,
  DomainError,
  isSupervisor,
  type CallbackEvent,
  type CallbackRules,
  type PolicyPack,
  type Position,
  type WorkOrderCommand,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { SlaService } from '../sla/sla.service.js';
import { createOrderReader } from '../work-orders/work-order.reader.js';
import { viewerOf } from '../../http/viewer.js';
import type { AttemptBody, CallbackQueueQuery, OutcomeBody } from './callback.schemas.js';

/** Who makes callbacks and records their answers (the lifecycle's reopen positions). */
export const CALLBACK_POSITIONS: readonly Position[] = ['callback_agent', 'coordinator', 'station_manager', 'admin'];
/** CB-03: who makes spot-checks (operator staff only; see spot-check.service.ts). */
const SPOT_CHECK_CALLERS: readonly Position[] = ['sales', 'admin'];

export type CallbackService = ReturnType<typeof createCallbackService>;

/**
 * CB-01/02 on the server: the rules (domain, DEFAULT_CALLBACK_RULES until they join the tenant's policy
 * pack) create tasks in the order's own transaction; agents work a queue, log attempts and record the
 * answer; a dissatisfied answer reopens the order through the lifecycle (domain `decide`, hash-chained
 * event) in the same transaction as the answer.
 */
export function createCallbackService({
  db,
  clock,
  policy,
  sla,
  rules = DEFAULT_CALLBACK_RULES,
}: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  sla?: Pick<SlaService, 'onOrderAction'>;
  rules?: CallbackRules;
}) {
  const reader = createOrderReader(db);

  /**
   * CB-01 hook for the order's transaction: the tasks an order event creates. An order counts as on
   * site when an arrival was recorded. `uncertain_fix` has no source in the completion yet.
   */
  async function onOrderEvent(tx: Db, order: StoredWorkOrder, event: CallbackEvent, now: Date) {
    const arrivals = await listOrderEventsByAction(tx, order.tenantId, [order.id], ['arrive']);
    const tasks = callbackTasksFor({ id: order.id, type: order.type, onSite: arrivals.length > 0 }, event, rules, now);
    return insertCallbackTasks(
      tx,
      order.tenantId,
      tasks.map((task) => ({ task, vendorId: order.vendorId, stationId: order.stationId })),
    );
  }

  /** CB-02 callbacks are made by callback agents and managers; CB-03 spot-checks by the operator's sales. */
  function requireCaller(auth: AuthContext, kind: 'satisfaction' | 'spot_check' = 'satisfaction'): void {
    if (kind === 'spot_check') {
      if (auth.vendorId === null && SPOT_CHECK_CALLERS.includes(auth.position)) return;
      throw new DomainError('FORBIDDEN', 'Spot-checks are made by the operator’s sales staff', {
        position: auth.position,
      });
    }
    if (!CALLBACK_POSITIONS.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Callbacks are made by callback agents and managers', {
        position: auth.position,
      });
    }
  }

  /** The task and its order, locked, if the caller may see the order (others answer NOT_FOUND, SEC-02). */
  async function lockTask(tx: Tx, auth: AuthContext, id: string) {
    const task = await getCallbackTaskForUpdate(tx, auth.tenantId, id);
    const order = task ? await getWorkOrder(tx, auth.tenantId, task.orderId) : null;
    if (!task || !order || !canSeeOrder(order, viewerOf(auth))) {
      throw new DomainError('NOT_FOUND', 'Callback task not found', { id });
    }
    if (task.state !== 'open') {
      throw new DomainError('CONFLICT', 'This callback is already finished', { id, state: task.state });
    }
    return { task, order };
  }

  function view(task: StoredCallbackTask, attempts: readonly StoredCallbackAttempt[], order?: unknown) {
    return {
      id: task.id,
      orderId: task.orderId,
      kind: task.kind,
      ruleKey: task.ruleKey,
      ruleId: task.ruleId,
      rules: { id: task.rulesId, version: task.rulesVersion },
      reason: task.reason,
      raisedAt: task.raisedAt.toISOString(),
      notBefore: task.notBefore.toISOString(),
      dueAt: task.dueAt.toISOString(),
      blocksClose: task.blocksClose,
      state: task.state,
      unansweredAttempts: task.unansweredAttempts,
      callBackAt: task.callBackAt?.toISOString() ?? null,
      satisfaction: task.satisfaction,
      problemSolved: task.problemSolved,
      rootCause: task.rootCause,
      suggestion: task.suggestion,
      remark: task.remark,
      improvementAction: task.improvementAction,
      consequence: task.consequence,
      finishedAt: task.finishedAt?.toISOString() ?? null,
      finishedBy: task.finishedBy,
      spotCheckMatches: task.spotCheckMatches,
      vendorReport: task.vendorReport,
      truth: task.truth,
      assessmentCaseId: task.assessmentCaseId,
      attempts: attempts
        .filter((a) => a.taskId === task.id)
        .map((a) => ({
          seq: a.seq,
          result: a.result,
          callBackAt: a.callBackAt?.toISOString() ?? null,
          note: a.note,
          actorId: a.actorId,
          at: a.at.toISOString(),
        })),
      ...(order !== undefined ? { order } : {}),
    };
  }

  async function viewOf(tx: Db, task: StoredCallbackTask) {
    return view(task, await listCallbackAttempts(tx, task.tenantId, [task.id]));
  }

  /** CB-02: a dissatisfied answer sends the order back to work: the lifecycle's reopen, same transaction. */
  async function reopenOrder(tx: Tx, auth: AuthContext, task: StoredCallbackTask, reason: string, now: Date) {
    const order = await getForUpdate(tx, auth.tenantId, task.orderId);
    if (!order) throw new DomainError('NOT_FOUND', 'Work order not found', { id: task.orderId });
    const cmd: WorkOrderCommand = { action: 'reopen', reason };
    const decision = decide(order, cmd, viewerOf(auth), policy, now);
    const changes = { ...decision.changes, status: decision.to, step: decision.to };
    await updateWorkOrder(tx, auth.tenantId, order.id, changes, order.version);
    await appendEvent(tx, auth.tenantId, {
      orderId: order.id,
      action: decision.action,
      fromStatus: decision.from,
      toStatus: decision.to,
      actorId: auth.personId,
      actorPosition: auth.position,
      at: now,
      payload: { ...decision.payload, callbackTaskId: task.id, ruleId: 'CB-02' },
    });
    const updated = (await getWorkOrder(tx, auth.tenantId, order.id)) ?? order;
    await sla?.onOrderAction(tx, updated, cmd, now);
  }

  return {
    onOrderEvent,
    lockTask,
    view,

    /** CB-01 agent's queue: tasks in a state, earliest due first, each with its order's summary. */
    async queue(auth: AuthContext, q: CallbackQueueQuery) {
      if (!isSupervisor(auth.position)) {
        throw new DomainError('FORBIDDEN', 'The callback queue is for callback agents and managers', {
          position: auth.position,
        });
      }
      const viewer = viewerOf(auth);
      // CB-03: a vendor's staff never see the spot-checks of their own work (they would warn the customer).
      if (q.kind === 'spot_check' && auth.vendorId !== null) return { now: clock.now().toISOString(), items: [] };
      const tasks = (
        await listCallbackTasks(db, auth.tenantId, {
          state: q.state,
          vendorId: auth.vendorId,
          ...(q.stationId ? { stationId: q.stationId } : {}),
          ...(q.kind ? { kind: q.kind } : {}),
          limit: q.limit,
        })
      ).filter((t) => auth.vendorId === null || t.kind !== 'spot_check');
      const orders = (await getWorkOrders(db, auth.tenantId, [...new Set(tasks.map((t) => t.orderId))])).filter((o) =>
        canSeeOrder(o, viewer),
      );
      const views = await reader.views(db, viewer, orders);
      const byId = new Map(views.map((v) => [(v as { id: string }).id, v]));
      const visible = tasks.filter((t) => byId.has(t.orderId));
      const attempts = await listCallbackAttempts(
        db,
        auth.tenantId,
        visible.map((t) => t.id),
      );
      return { now: clock.now().toISOString(), items: visible.map((t) => view(t, attempts, byId.get(t.orderId))) };
    },

    /** CB-02: logs one call. Unanswered calls count towards the rules' limit, after which the task is unreachable. */
    async recordAttempt(auth: AuthContext, id: string, body: AttemptBody, key: string | null) {
      if (!CALLBACK_POSITIONS.includes(auth.position)) requireCaller(auth, 'spot_check');
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'callback.attempt', id, body }, async () => {
          const { task } = await lockTask(tx, auth, id);
          requireCaller(auth, task.kind);
          const now = clock.now();
          const callBackAt = body.callBackAt ? new Date(body.callBackAt) : null;
          if (callBackAt && callBackAt.getTime() <= now.getTime()) {
            throw new DomainError('VALIDATION_FAILED', 'The call-back time must be in the future', {
              field: 'callBackAt',
            });
          }
          await appendCallbackAttempt(tx, auth.tenantId, {
            taskId: task.id,
            result: body.result,
            callBackAt,
            note: body.note ?? null,
            actorId: auth.personId,
            at: now,
          });
          if (body.result === 'no_answer' || body.result === 'busy') {
            const attempt = task.unansweredAttempts + 1;
            const c = decideCallbackOutcome(task, { kind: 'not_reached' }, attempt, rules);
            const updated = await updateCallbackTask(tx, auth.tenantId, task.id, {
              unansweredAttempts: attempt,
              ...(c.kind === 'unreachable'
                ? { state: 'unreachable', consequence: 'unreachable', finishedAt: now, finishedBy: auth.personId }
                : {}),
            });
            return viewOf(tx, updated);
          }
          const updated =
            body.result === 'call_back_later'
              ? await updateCallbackTask(tx, auth.tenantId, task.id, { callBackAt })
              : task;
          return viewOf(tx, updated);
        }),
      );
    },

    /**
     * CB-02: the customer's answer. Dissatisfied needs root cause, suggestion and an improvement action;
     * then the order is reopened (not solved: back to work; solved but unhappy: a revisit, which the
     * lifecycle books as a reopen too) in this transaction.
     */
    async recordOutcome(auth: AuthContext, id: string, body: OutcomeBody, key: string | null) {
      requireCaller(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'callback.outcome', id, body }, async () => {
          const { task } = await lockTask(tx, auth, id);
          const now = clock.now();
          const c = decideCallbackOutcome(
            task,
            {
              kind: 'answered',
              satisfaction: body.satisfaction,
              problemSolved: body.problemSolved,
              ...(body.rootCause !== undefined ? { rootCause: body.rootCause } : {}),
              ...(body.suggestion !== undefined ? { suggestion: body.suggestion } : {}),
              ...(body.remark !== undefined ? { remark: body.remark } : {}),
            },
            task.unansweredAttempts + 1,
            rules,
          );
          let improvementAction = null;
          if (c.kind === 'reopen' || c.kind === 'revisit' || body.improvementAction !== undefined) {
            const a = { ...body.improvementAction };
            try {
              checkImprovementAction(a);
            } catch (e) {
              if (e instanceof DomainError && e.details && typeof e.details.field === 'string') {
                throw new DomainError('VALIDATION_FAILED', e.message, {
                  field: `improvementAction.${e.details.field}`,
                });
              }
              throw e;
            }
            const owner = await getPerson(tx, auth.tenantId, a.ownerId);
            if (!owner || !owner.active) {
              throw new DomainError('VALIDATION_FAILED', 'No such person to own the improvement action', {
                field: 'improvementAction.ownerId',
              });
            }
            improvementAction = { ownerId: a.ownerId, measure: a.measure.trim(), dueDate: a.dueDate };
          }
          const updated = await updateCallbackTask(tx, auth.tenantId, task.id, {
            state: 'done',
            satisfaction: body.satisfaction,
            problemSolved: body.problemSolved,
            rootCause: body.rootCause ?? null,
            suggestion: body.suggestion ?? null,
            remark: body.remark ?? null,
            improvementAction,
            consequence: c.kind,
            finishedAt: now,
            finishedBy: auth.personId,
          });
          if (c.kind === 'reopen' || c.kind === 'revisit') {
            const what = c.kind === 'reopen' ? 'problem not solved' : 'revisit: customer dissatisfied';
            await reopenOrder(tx, auth, task, `Callback (CB-02): ${what}: ${body.rootCause?.trim() ?? ''}`, now);
          }
          return viewOf(tx, updated);
        }),
      );
    },
  };
}
