import {
  getCoverageClaim,
  getWorkOrder,
  insertAssessmentCase,
  insertCoverageClaim,
  insertCustomerMessage,
  listCoverageClaims,
  listOrderCoverageClaims,
  updateCoverageClaim,
  type Db,
  type StoredCoverageClaim,
  type StoredWorkOrder,
} from '@daowei/db';
import {
  assessCase,
  canSeeOrder,
  claimContradictsMap,
  claimDueAt,
  claimRefusal,
  closeClaim,
  customerScriptOf,
  decideClaim,
  DEFAULT_ASSESSMENT_RULES,
  DEFAULT_COVERAGE_CLAIM_POLICY,
  DEFAULT_SLA_POLICY,
  DomainError,
  fillScript,
  type BusinessCalendar,
  type CoverageClaimPolicy,
  type CoverageClaimState,
  type Position,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { JobQueue } from '../../platform/jobs.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { ClaimBody, ClaimCloseBody, ClaimDecisionBody, ClaimsQuery } from './coverage-claims.schemas.js';
import type { ScriptsService } from './scripts.service.js';
import { createTenantSlaPolicies, type TenantSlaPolicies } from '../sla/tenant-sla-policy.js';

export type CoverageClaimsService = ReturnType<typeof createCoverageClaimsService>;

/** The pg-boss queue of WO-09/10 7-day deadlines. */
export const COVERAGE_CLAIM_DUE_JOB = 'coverage-claim-due';
export interface CoverageClaimDueData {
  tenantId: string;
  claimId: string;
}

export function viewClaim(c: StoredCoverageClaim, now: Date) {
  return {
    id: c.id,
    orderId: c.orderId,
    kind: c.kind,
    state: c.state,
    reason: c.reason,
    dropCableM: c.dropCableM,
    demandConfirmed: c.demandConfirmed,
    contradictsMap: c.contradictsMap,
    claimedBy: c.claimedBy,
    claimedAt: c.claimedAt.toISOString(),
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    decisionNote: c.decisionNote,
    dueAt: c.dueAt?.toISOString() ?? null,
    overdue: c.state === 'confirmed' && !!c.dueAt && c.dueAt.getTime() <= now.getTime(),
    assessmentCaseId: c.assessmentCaseId,
    closedAt: c.closedAt?.toISOString() ?? null,
    closeNote: c.closeNote,
  };
}

/**
 * WO-09 / WO-10 on the server: the engineer's claim, the supervisor's decision (a confirmed claim gets its
 * 7-day deadline from the SLA pack, the customer is told with the tenant's script on the self-service page
 * and by SMS; a false uncovered claim becomes a VND-01 case against the vendor), and the close when the
 * sales office contacted the customer or the supplement was built. Each step is one transaction.
 */
export function createCoverageClaimsService({
  db,
  clock,
  notifications,
  scripts,
  calendarOf,
  jobs,
  claimPolicy: policy = DEFAULT_COVERAGE_CLAIM_POLICY,
  slaPolicies,
}: {
  db: Db;
  clock: Clock;
  notifications: Pick<NotificationService, 'notify' | 'send'>;
  scripts: Pick<ScriptsService, 'assertTexts' | 'scriptOf'>;
  calendarOf: (tx: Db, tenantId: string) => Promise<BusinessCalendar>;
  jobs?: JobQueue | undefined;
  claimPolicy?: CoverageClaimPolicy;
  /** WO-09/10: the 7-day deadline from the tenant's current SLA policy version, not the shipped one. */
  slaPolicies?: TenantSlaPolicies;
}) {
  const slaPolicyOf = slaPolicies ?? createTenantSlaPolicies(DEFAULT_SLA_POLICY);
  async function visibleOrder(tx: Db, auth: AuthContext, orderId: string): Promise<StoredWorkOrder> {
    const order = await getWorkOrder(tx, auth.tenantId, orderId);
    if (!order || !canSeeOrder(order, viewerOf(auth))) {
      throw new DomainError('NOT_FOUND', 'Work order not found', { id: orderId });
    }
    return order;
  }
  function requirePosition(auth: AuthContext, allowed: readonly Position[], what: string) {
    if (!allowed.includes(auth.position)) throw new DomainError('FORBIDDEN', `${what}`, { position: auth.position });
  }
  async function lockedClaim(tx: Db, auth: AuthContext, id: string) {
    const claim = await getCoverageClaim(tx, auth.tenantId, id, { forUpdate: true });
    if (!claim) throw new DomainError('NOT_FOUND', 'Claim not found', { id });
    const order = await visibleOrder(tx, auth, claim.orderId);
    return { claim, order };
  }

  /** The customer is told with the tenant's script: a note on their self-service page and an SMS. */
  async function tellCustomer(tx: Db, auth: AuthContext, order: StoredWorkOrder, claim: StoredCoverageClaim) {
    const script = await scripts.scriptOf(tx, auth.tenantId, customerScriptOf(claim.kind));
    if (!script) return;
    const text = fillScript(script.text, {
      orderNumber: order.number,
      dueDate: claim.dueAt ? claim.dueAt.toISOString().slice(0, 10) : undefined,
    });
    await scripts.assertTexts(tx, auth, [{ field: 'script', text }], false);
    await insertCustomerMessage(tx, auth.tenantId, {
      orderId: order.id,
      text,
      authorId: auth.personId,
      confirmedFlags: null,
      at: clock.now(),
    });
    await notifications.send(tx, auth.tenantId, {
      channel: 'sms',
      to: order.contactPhone,
      template: `desk.${claim.kind}`,
      params: { number: order.number, text },
      orderId: order.id,
    });
  }

  return {
    /**
     * Job handler at a confirmed claim's deadline: if it is still not closed the station manager is told,
     * once (dedupe key) however often the job is delivered; an early or stale delivery changes nothing.
     */
    async fireDue(data: CoverageClaimDueData) {
      await db.transaction(async (tx) => {
        const claim = await getCoverageClaim(tx, data.tenantId, data.claimId);
        if (!claim || claim.state !== 'confirmed' || !claim.dueAt) return;
        if (claim.dueAt.getTime() > clock.now().getTime()) return;
        const order = await getWorkOrder(tx, data.tenantId, claim.orderId);
        if (!order?.stationId) return;
        await notifications.notify(tx, data.tenantId, {
          recipient: { position: 'station_manager', unitId: order.stationId },
          kind: `desk.${claim.kind}_overdue`,
          orderId: order.id,
          payload: { number: order.number, claimId: claim.id, dueAt: claim.dueAt.toISOString() },
          dedupeKey: `desk.coverage_claim_overdue:${claim.id}`,
        });
      });
    },

    async listForOrder(auth: AuthContext, orderId: string) {
      await visibleOrder(db, auth, orderId);
      const now = clock.now();
      return { items: (await listOrderCoverageClaims(db, auth.tenantId, orderId)).map((c) => viewClaim(c, now)) };
    },

    /** The supervisor's queue: claims to decide and confirmed claims with their deadlines, with order and vendor. */
    async list(auth: AuthContext, q: ClaimsQuery) {
      requirePosition(auth, [...policy.decidePositions, ...policy.closePositions], 'Claims are worked by supervisors');
      if (auth.vendorId) throw new DomainError('FORBIDDEN', 'Claims are decided by the operator');
      const states: CoverageClaimState[] = q.state ? [q.state] : ['claimed', 'confirmed'];
      const now = clock.now();
      const rows = await listCoverageClaims(db, auth.tenantId, {
        states,
        kind: q.kind,
        vendorId: q.vendorId,
        limit: q.limit,
      });
      return {
        items: rows.map((r) => ({
          ...viewClaim(r.claim, now),
          orderNumber: r.orderNumber,
          vendorId: r.vendorId,
          vendorName: r.vendorName,
          claimedByName: r.claimedByName,
        })),
      };
    },

    /** WO-09/10: the claim, by the order's holder (or a coordinator/manager on their word). */
    async claim(auth: AuthContext, orderId: string, body: ClaimBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'coverage-claim', orderId, body }, async () => {
          const order = await visibleOrder(tx, auth, orderId);
          const holder = order.holderId === auth.personId;
          if (!holder)
            requirePosition(auth, policy.claimPositions, 'Only the order’s engineer or the station files a claim');
          if (order.closedAt) throw new DomainError('CONFLICT', 'The order is closed', { id: orderId });
          const open = (await listOrderCoverageClaims(tx, auth.tenantId, orderId)).find(
            (c) => c.state === 'claimed' || c.state === 'confirmed',
          );
          if (open) throw new DomainError('CONFLICT', 'The order already has an open claim', { claimId: open.id });
          const facts = { ...body, coverage: null };
          const refusal = claimRefusal(facts, policy);
          if (refusal) throw new DomainError('VALIDATION_FAILED', `The claim cannot be filed: ${refusal}`, { refusal });
          const stored = await insertCoverageClaim(tx, auth.tenantId, {
            orderId,
            kind: body.kind,
            state: 'claimed',
            claimedBy: auth.personId,
            claimedAt: clock.now(),
            reason: body.reason,
            dropCableM: body.dropCableM ?? null,
            demandConfirmed: body.demandConfirmed ?? null,
            contradictsMap: claimContradictsMap(facts),
          });
          if (order.stationId) {
            await notifications.notify(tx, auth.tenantId, {
              recipient: { position: 'station_manager', unitId: order.stationId },
              kind: `desk.${body.kind}_claimed`,
              orderId,
              payload: { number: order.number, claimId: stored.id },
              dedupeKey: `desk.coverage_claimed:${stored.id}`,
            });
          }
          return viewClaim(stored, clock.now());
        }),
      );
    },

    /** The supervisor confirms (clock, customer told) or rejects (a false uncovered claim is recorded). */
    async decide(auth: AuthContext, id: string, body: ClaimDecisionBody, key: string | null) {
      requirePosition(auth, policy.decidePositions, 'Claims are decided by a supervisor');
      if (auth.vendorId) throw new DomainError('FORBIDDEN', 'Claims are decided by the operator');
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'coverage-claim-decide', id, body }, async () => {
          const { claim, order } = await lockedClaim(tx, auth, id);
          const outcome = decideClaim(claim.kind, claim.state, body.decision);
          const now = clock.now();
          let assessmentCaseId: string | null = null;
          if (outcome.assessmentEvent) {
            const event = {
              id: `coverage-claim:${claim.id}`,
              kind: outcome.assessmentEvent,
              tenantId: auth.tenantId,
              vendorId: order.vendorId,
              orderId: order.id,
              personId: claim.claimedBy,
              occurredAt: now,
              evidence: [`coverage-claim:${claim.id}`],
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
              note: body.note,
              ruleId: assessed.ruleId,
              rulesId: assessed.rules.id,
              rulesVersion: assessed.rules.version,
              lines: assessed.lines,
            });
            assessmentCaseId = row?.id ?? null;
          }
          const dueAt = outcome.clockKind
            ? claimDueAt(claim.kind, now, await slaPolicyOf(tx, auth.tenantId), await calendarOf(tx, auth.tenantId))
            : null;
          const updated = await updateCoverageClaim(tx, auth.tenantId, id, {
            state: outcome.state,
            decidedBy: auth.personId,
            decidedAt: now,
            decisionNote: body.note,
            dueAt,
            assessmentCaseId,
          });
          if (outcome.tellCustomer) await tellCustomer(tx, auth, order, updated);
          if (updated.dueAt && jobs) {
            const data: CoverageClaimDueData = { tenantId: auth.tenantId, claimId: updated.id };
            await jobs.schedule(COVERAGE_CLAIM_DUE_JOB, data, {
              runAt: updated.dueAt,
              key: `coverage-claim:${updated.id}`,
              tx,
            });
          }
          return viewClaim(updated, now);
        }),
      );
    },

    /** The sales office contacted the customer (WO-09) or the supplement is built (WO-10): the clock stops. */
    async close(auth: AuthContext, id: string, body: ClaimCloseBody, key: string | null) {
      requirePosition(auth, policy.closePositions, 'Claims are closed by the sales office or the station');
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'coverage-claim-close', id, body }, async () => {
          const { claim } = await lockedClaim(tx, auth, id);
          const state = closeClaim(claim.state);
          const now = clock.now();
          const updated = await updateCoverageClaim(tx, auth.tenantId, id, {
            state,
            closedAt: now,
            closedBy: auth.personId,
            closeNote: body.note,
          });
          return viewClaim(updated, now);
        }),
      );
    },
  };
}
