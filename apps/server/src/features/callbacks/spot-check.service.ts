import {
  getWorkOrder,
  insertAssessmentCase,
  insertCallbackTasks,
  listCallbackAttempts,
  listOpenInstallsAcceptedBetween,
  listOrdersCompletedBetween,
  ordersWithCallbackRule,
  updateCallbackTask,
  type Db,
  type StoredWorkOrder,
} from '@daowei/db';
import {
  assessCase,
  DEFAULT_ASSESSMENT_RULES,
  DEFAULT_CALLBACK_RULES,
  decideCallbackOutcome,
  DomainError,
  sampledSpotCheckTasks,
  spotCheckTasks,
  type CallbackRules,
  type CallbackTask,
  type Position,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { CallbackService } from './callback.service.js';
import type { SpotCheckBody } from './callback.schemas.js';

/** CB-03: spot-checks are made by the operator's sales staff (and admins), never by the vendor checked. */
export const SPOT_CHECK_POSITIONS: readonly Position[] = ['sales', 'admin'];

const DAY_MS = 86_400_000;

export type SpotCheckService = ReturnType<typeof createSpotCheckService>;

/**
 * CB-03 on the server: a daily sweep samples orders near day 7 after completion (rules data, domain
 * `sampledSpotCheckTasks`) into spot-check tasks for sales; the answer "the vendor's report differs from
 * the truth" records a VND-01 assessment case (vendor_report_differs) linked to the order and the task,
 * in the answer's transaction.
 */
export function createSpotCheckService({
  db,
  clock,
  callbacks,
  rules = DEFAULT_CALLBACK_RULES,
}: {
  db: Db;
  clock: Clock;
  callbacks: Pick<CallbackService, 'lockTask' | 'view'>;
  rules?: CallbackRules;
}) {
  function requireSales(auth: AuthContext) {
    if (auth.vendorId !== null || !SPOT_CHECK_POSITIONS.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Spot-checks are made by the operator’s sales staff', {
        position: auth.position,
      });
    }
  }

  /** Inserts the tasks of orders that never had a task of that rule (one per order, ever). */
  async function insertNew(
    tx: Db,
    tenantId: string,
    tasks: CallbackTask[],
    orders: StoredWorkOrder[],
    ruleKey: string,
  ) {
    const had = await ordersWithCallbackRule(
      tx,
      tenantId,
      tasks.map((t) => t.orderId),
      ruleKey,
    );
    const byId = new Map(orders.map((o) => [o.id, o]));
    const made = await insertCallbackTasks(
      tx,
      tenantId,
      tasks
        .filter((t) => !had.has(t.orderId))
        .map((task) => ({
          task,
          vendorId: byId.get(task.orderId)!.vendorId,
          stationId: byId.get(task.orderId)!.stationId,
        })),
    );
    return made.length;
  }

  /**
   * The daily sweep (job and route), idempotent: the sample of orders completed about 7 days ago, and
   * (SLA-03 / CB-03 older rule) installs still open whose acceptance nears the 7-day limit — accepted
   * between `limitDays` and `limitDays − nearWithinDays` days ago (domain `spotCheckTasks`).
   */
  async function sweepTenant(tenantId: string): Promise<{ created: number }> {
    const now = clock.now();
    const { afterDays, windowDays } = rules.spotCheck.sample;
    const { limitDays, nearWithinDays } = rules.spotCheck;
    const window = {
      from: new Date(now.getTime() - afterDays * DAY_MS),
      to: new Date(now.getTime() - (afterDays - windowDays) * DAY_MS),
    };
    const near = {
      from: new Date(now.getTime() - limitDays * DAY_MS),
      to: new Date(now.getTime() - (limitDays - nearWithinDays) * DAY_MS),
    };
    return db.transaction(async (tx) => {
      const completed = await listOrdersCompletedBetween(tx, tenantId, window);
      const sampled = await insertNew(
        tx,
        tenantId,
        sampledSpotCheckTasks(completed, rules, now),
        completed,
        'spot_check_sample',
      );
      const open = await listOpenInstallsAcceptedBetween(tx, tenantId, near);
      // Only the nearing-the-limit reason here (the orders are picked by their age), so no arrival facts.
      const nearing = spotCheckTasks(
        open.map((o) => ({ ...o, appointment: null })),
        rules,
        now,
      );
      const flagged = await insertNew(tx, tenantId, nearing, open, 'spot_check');
      return { created: sampled + flagged };
    });
  }

  return {
    sweepTenant,

    async sweep(auth: AuthContext) {
      requireSales(auth);
      return sweepTenant(auth.tenantId);
    },

    /**
     * CB-03: the spot-check's answer. Matching: done. Differing: the customer's account is required, and
     * a VND-01 case is recorded against the order's vendor and holder (one per task, however often sent).
     */
    async recordOutcome(auth: AuthContext, id: string, body: SpotCheckBody, key: string | null) {
      requireSales(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'callback.spot-check', id, body }, async () => {
          const { task } = await callbacks.lockTask(tx, auth, id);
          const now = clock.now();
          const c = decideCallbackOutcome(
            task,
            {
              kind: 'spot_check',
              matchesVendorReport: body.matchesVendorReport,
              ...(body.vendorReport !== undefined ? { vendorReport: body.vendorReport } : {}),
              ...(body.truth !== undefined ? { truth: body.truth } : {}),
            },
            task.unansweredAttempts + 1,
            rules,
          );
          let assessmentCaseId: string | null = null;
          if (c.kind === 'assessment') {
            const order = (await getWorkOrder(tx, auth.tenantId, task.orderId))!;
            const event = {
              id: `spot-check:${task.id}`,
              kind: c.trigger.event,
              tenantId: auth.tenantId,
              vendorId: order.vendorId,
              orderId: order.id,
              personId: order.holderId,
              occurredAt: now,
              evidence: [`callback_task:${task.id}`, c.trigger.evidence],
            };
            const assessed = assessCase(event, DEFAULT_ASSESSMENT_RULES);
            const row = await insertAssessmentCase(tx, auth.tenantId, {
              sourceKey: event.id,
              eventKind: event.kind,
              vendorId: event.vendorId,
              orderId: event.orderId,
              personId: event.personId,
              occurredAt: now,
              evidence: [...event.evidence],
              note: body.note ?? null,
              ruleId: assessed.ruleId,
              rulesId: assessed.rules.id,
              rulesVersion: assessed.rules.version,
              lines: assessed.lines,
            });
            assessmentCaseId = row?.id ?? null;
          }
          const updated = await updateCallbackTask(tx, auth.tenantId, task.id, {
            state: 'done',
            spotCheckMatches: body.matchesVendorReport,
            vendorReport: body.vendorReport?.trim() || null,
            truth: body.truth?.trim() || null,
            remark: body.note ?? null,
            assessmentCaseId,
            consequence: c.kind,
            finishedAt: now,
            finishedBy: auth.personId,
          });
          return callbacks.view(updated, await listCallbackAttempts(tx, auth.tenantId, [updated.id]));
        }),
      );
    },
  };
}
