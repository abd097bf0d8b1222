import {
  getCareAgreement,
  getCareVisitByOrder,
  getPerson,
  getWorkOrder,
  insertCareVisitCall,
  listAgreementVisits,
  listCareVisitCalls,
  updateCareVisit,
  type Db,
  type StoredCareAgreement,
  type StoredWorkOrder,
  type Tx,
} from '@daowei/db';
import {
  canSeeOrder,
  checkAgreementContents,
  checkEvaluation,
  checkPhoneOutcome,
  checkVisitTicks,
  daysBetween,
  DomainError,
  isHolder,
  isOpenStatus,
  localDate,
  nextOccurrence,
  type PlannedWorkPolicy,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { assertNoOfflineConflict } from '../visits/offline-conflict.js';
import type { TenantCalendars } from '../calendar/tenant-calendar.js';
import type { CareAgreementService } from './care-agreements.service.js';
import { PLANNERS, presentAgreement, presentVisit } from './care-agreements.service.js';
import type { CareCallBody, CareEvaluationBody, CareTicksBody } from './planned-work.schemas.js';

/**
 * WO-16 at the visit: the facts a care_visit order adds — the call confirming the content (logged),
 * contents and closing checks ticked on site, the evaluation, and the next visit booked. The carer
 * holding the order writes; planners may log the call and book the next visit too.
 */
export function createCareVisitService({
  db,
  clock,
  planned,
  agreements,
  calendars,
}: {
  db: Db;
  clock: Clock;
  planned: PlannedWorkPolicy;
  agreements: Pick<CareAgreementService, 'generateIn'>;
  calendars: TenantCalendars;
}) {
  const policy = planned.care;
  const notFound = (id: string) => new DomainError('NOT_FOUND', 'Care visit not found', { id });

  async function load(q: Db, auth: AuthContext, orderId: string, forUpdate = false) {
    const order = await getWorkOrder(q, auth.tenantId, orderId);
    if (!order || !canSeeOrder(order, viewerOf(auth))) throw notFound(orderId);
    const visit = await getCareVisitByOrder(q, auth.tenantId, orderId, { forUpdate });
    if (!visit) throw notFound(orderId);
    const agreement = (await getCareAgreement(q, auth.tenantId, visit.agreementId))!;
    return { order, visit, agreement };
  }

  /** Writes: the holder while the order is open; `planners` also lets the desk act (calls, booking). */
  function assertWriter(auth: AuthContext, order: StoredWorkOrder, planners: boolean) {
    const may = isHolder(order, viewerOf(auth)) || (planners && PLANNERS.includes(auth.position));
    if (!may) throw new DomainError('WO_NOT_HOLDER', 'Only the carer holding the visit records it', { id: order.id });
    if (!isOpenStatus(order.status)) {
      throw new DomainError('WO_INVALID_TRANSITION', `The order is ${order.status}: the visit record is closed`, {
        status: order.status,
      });
    }
  }

  function write<T>(
    auth: AuthContext,
    orderId: string,
    op: string,
    body: unknown,
    key: string | null,
    planners: boolean,
    queuedAt: Date | null,
    fn: (tx: Tx, facts: Awaited<ReturnType<typeof load>>) => Promise<T>,
  ) {
    return db.transaction((tx) =>
      runIdempotent(tx, auth, key, { op, orderId, body }, async () => {
        // ENG-07: a record queued offline on an order that changed hands meanwhile is a named conflict.
        await assertNoOfflineConflict(tx, auth, await getWorkOrder(tx, auth.tenantId, orderId), op, queuedAt);
        const facts = await load(tx, auth, orderId, true);
        assertWriter(auth, facts.order, planners);
        await fn(tx, facts);
        return detail(tx, auth, orderId);
      }),
    );
  }

  /** ENG-07: what the phone did offline happened when it was queued (never later than now). */
  const phoneTime = (queuedAt: Date | null) => {
    const now = clock.now();
    return queuedAt && queuedAt < now ? queuedAt : now;
  };

  /** The agreement's planner acts for generation a carer triggers (creating and offering orders). */
  async function plannerOf(tx: Db, agreement: StoredCareAgreement, auth: AuthContext): Promise<AuthContext> {
    if (PLANNERS.includes(auth.position)) return auth;
    const creator = await getPerson(tx, auth.tenantId, agreement.createdBy);
    return {
      ...auth,
      personId: agreement.createdBy,
      personName: creator?.name ?? '',
      position: 'coordinator',
      positions: ['coordinator'],
      vendorId: creator?.vendorId ?? null,
    };
  }

  async function detail(q: Db, auth: AuthContext, orderId: string) {
    const { visit, agreement, order } = await load(q, auth, orderId);
    const { timeZone } = await calendars(q, auth.tenantId);
    const dayOf = (start: Date | null | undefined, fallback: string | null) =>
      start ? localDate(start, timeZone) : fallback;
    const calls = await listCareVisitCalls(q, auth.tenantId, [visit.id]);
    const siblings = await listAgreementVisits(q, auth.tenantId, agreement.id);
    const next = siblings.find(
      (s) =>
        s.visit.state === 'planned' &&
        s.visit.plannedDate &&
        visit.plannedDate &&
        s.visit.plannedDate > visit.plannedDate,
    );
    const proposedDate = next
      ? dayOf(next.order?.appointmentStart, next.visit.plannedDate)
      : visit.plannedDate
        ? nextOccurrence(agreement, visit.plannedDate)
        : null;
    return {
      visit: presentVisit(visit, order.appointment?.start ?? null, timeZone),
      agreement: presentAgreement(agreement),
      calls: calls.map((c) => ({ ...c, calledAt: c.calledAt.toISOString() })),
      closingChecks: policy.closingChecks,
      contentsCatalogue: policy.contents,
      phoneOutcomes: policy.phoneOutcomes,
      conditions: policy.conditions,
      ratingMax: policy.ratingMax,
      nextProposal: proposedDate
        ? {
            date: proposedDate,
            orderId: next?.order?.id ?? null,
            orderNumber: next?.order?.number ?? null,
            appointmentStart: next?.order?.appointmentStart?.toISOString() ?? null,
            appointmentEnd: next?.order?.appointmentEnd?.toISOString() ?? null,
          }
        : null,
    };
  }

  return {
    detail: (auth: AuthContext, orderId: string) => detail(db, auth, orderId),

    /** The phone call before the visit: every call is logged; a confirming one stamps the content. */
    async call(
      auth: AuthContext,
      orderId: string,
      body: CareCallBody,
      key: string | null,
      queuedAt: Date | null = null,
    ) {
      const { confirms } = checkPhoneOutcome(policy, body.outcome);
      if (body.contents) checkAgreementContents(policy, body.contents);
      return write(auth, orderId, 'care-call', body, key, true, queuedAt, async (tx, { visit }) => {
        const now = phoneTime(queuedAt);
        await insertCareVisitCall(tx, auth.tenantId, {
          visitId: visit.id,
          outcome: body.outcome,
          confirms,
          note: body.note ?? null,
          calledAt: now,
          calledBy: auth.personId,
        });
        if (confirms) {
          await updateCareVisit(tx, auth.tenantId, visit.id, {
            contentConfirmedAt: now,
            ...(body.contents ? { contents: body.contents } : {}),
          });
        }
      });
    },

    /** Contents done and closing checks, ticked on site by the carer. */
    async tick(
      auth: AuthContext,
      orderId: string,
      body: CareTicksBody,
      key: string | null,
      queuedAt: Date | null = null,
    ) {
      return write(auth, orderId, 'care-ticks', body, key, false, queuedAt, async (tx, { visit }) => {
        checkVisitTicks(policy, visit.contents, body.items);
        const at = phoneTime(queuedAt).toISOString();
        const ticks = { ...visit.ticks };
        for (const code of body.items) ticks[code] ??= at;
        await updateCareVisit(tx, auth.tenantId, visit.id, { ticks });
      });
    },

    /** The carer's evaluation of the visit and the customer's condition. */
    async evaluate(
      auth: AuthContext,
      orderId: string,
      body: CareEvaluationBody,
      key: string | null,
      queuedAt: Date | null = null,
    ) {
      checkEvaluation(policy, body);
      return write(auth, orderId, 'care-evaluation', body, key, false, queuedAt, async (tx, { visit }) => {
        await updateCareVisit(tx, auth.tenantId, visit.id, {
          condition: body.condition,
          rating: body.rating,
          evaluationNote: body.note ?? null,
          evaluatedAt: phoneTime(queuedAt),
          evaluatedBy: auth.personId,
        });
      });
    },

    /**
     * Books the next visit of the agreement (the one after this visit's date): generated now when the
     * horizon has not reached it yet, then recorded on this visit.
     */
    async bookNext(auth: AuthContext, orderId: string, key: string | null, queuedAt: Date | null = null) {
      return write(auth, orderId, 'care-next', {}, key, true, queuedAt, async (tx, { visit, agreement }) => {
        if (agreement.status !== 'active') {
          throw new DomainError('CONFLICT', `The agreement is ${agreement.status}: no next visit`, {
            status: agreement.status,
          });
        }
        const findNext = async () =>
          (await listAgreementVisits(tx, auth.tenantId, agreement.id)).find(
            (s) => s.visit.state === 'planned' && s.visit.plannedDate! > (visit.plannedDate ?? ''),
          );
        let next = await findNext();
        if (!next && visit.plannedDate) {
          const date = nextOccurrence(agreement, visit.plannedDate);
          if (date) {
            const today = clock.now().toISOString().slice(0, 10);
            await agreements.generateIn(
              tx,
              await plannerOf(tx, agreement, auth),
              agreement,
              daysBetween(today, date) + 1,
            );
            next = await findNext();
          }
        }
        if (!next) throw new DomainError('CONFLICT', 'The agreement has no further visit', { id: agreement.id });
        await updateCareVisit(tx, auth.tenantId, visit.id, { nextVisitId: next.visit.id, nextBookedAt: clock.now() });
      });
    },
  };
}

export type CareVisitService = ReturnType<typeof createCareVisitService>;
