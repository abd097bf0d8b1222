import {
  appendCaseStep,
  getAssessmentCase,
  getAssessmentCaseForUpdate,
  getWorkOrder,
  getWorkOrders,
  insertAssessmentCase,
  listCaseHistory,
  listCasesForLedger,
  listUnassessedBreaches,
  type Db,
  type StoredAssessmentCase,
  type StoredCaseHistory,
} from '@daowei/db';
import {
  addDays,
  assessCase,
  assessmentEventForBreach,
  breachCutoffs,
  breachSourceKey,
  buildLedger,
  DEFAULT_ASSESSMENT_RULES,
  DEFAULT_BREACH_SOURCES,
  DEFAULT_TIME_ZONE,
  DomainError,
  isSupervisor,
  nextCaseState,
  whatIf,
  zonedDateTime,
  type AssessmentEvent,
  type AssessmentRules,
  type BreachSource,
  type CaseHistoryEvent,
  type LedgerCase,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { CaseStepBody, LedgerQuery, ManualCaseBody, WhatIfBody } from './assessment.schemas.js';

export type AssessmentService = ReturnType<typeof createAssessmentService>;

const SWEEP_BATCH = 500;

/** `YYYY-MM` → [first local midnight, next month's) in the zone. */
export function monthPeriod(month: string, timeZone = DEFAULT_TIME_ZONE): { from: Date; to: Date } {
  const first = `${month}-01`;
  const from = zonedDateTime(first, '00:00', timeZone);
  // 32 days on from the 1st is always in the next month; its 1st is the end.
  const next = addDays(first, 32).slice(0, 7);
  return { from, to: zonedDateTime(`${next}-01`, '00:00', timeZone) };
}

const historyOf = (rows: readonly StoredCaseHistory[], caseId: string): CaseHistoryEvent[] =>
  rows.filter((h) => h.caseId === caseId).map((h) => ({ kind: h.kind, at: h.at, by: h.byPersonId, note: h.note }));

function toDomainCase(c: StoredAssessmentCase, history: CaseHistoryEvent[]): LedgerCase {
  return {
    id: c.id,
    event: eventOf(c),
    ruleId: c.ruleId,
    rules: { id: c.rulesId, version: c.rulesVersion },
    lines: c.lines,
    history,
  };
}

function eventOf(c: StoredAssessmentCase): AssessmentEvent {
  return {
    id: c.id,
    kind: c.eventKind as AssessmentEvent['kind'],
    tenantId: c.tenantId,
    vendorId: c.vendorId,
    orderId: c.orderId,
    personId: c.personId,
    occurredAt: c.occurredAt,
    evidence: c.evidence,
    ...(c.note ? { note: c.note } : {}),
  };
}

/**
 * VND-01 on the server: cases are stored once per source event with the lines of the rules in force;
 * SLA breaches become cases by a sweep (job and route) over the SLA engine's clock events; disputes are
 * appended steps (domain nextCaseState); the ledger and the what-if are the domain's, over stored cases.
 */
export function createAssessmentService({
  db,
  clock,
  rules = DEFAULT_ASSESSMENT_RULES,
  sources = DEFAULT_BREACH_SOURCES,
}: {
  db: Db;
  clock: Clock;
  rules?: AssessmentRules;
  sources?: readonly BreachSource[];
}) {
  function requireReader(auth: AuthContext, vendorId: string | undefined): string | null {
    if (!isSupervisor(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Assessments are for managers', { position: auth.position });
    }
    if (auth.vendorId && vendorId && vendorId !== auth.vendorId) {
      throw new DomainError('FORBIDDEN', 'Vendor staff see their own vendor’s assessment', { field: 'vendorId' });
    }
    return auth.vendorId ?? vendorId ?? null;
  }

  /** The operator's staff assess and review; vendor staff may only dispute their own cases. */
  function requireOperator(auth: AuthContext) {
    if (auth.vendorId !== null || !isSupervisor(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Only the operator’s managers assess vendors', { position: auth.position });
    }
  }

  /** Order numbers of the cases: people read "GD…" numbers, never ids. */
  async function numbersOf(tenantId: string, rows: readonly { orderId: string }[]): Promise<Map<string, string>> {
    const orders = await getWorkOrders(db, tenantId, [...new Set(rows.map((r) => r.orderId))]);
    return new Map(orders.map((o) => [o.id, o.number]));
  }

  function present(c: StoredAssessmentCase, history: readonly StoredCaseHistory[], orderNumber: string | null = null) {
    return {
      id: c.id,
      sourceKey: c.sourceKey,
      event: c.eventKind,
      vendorId: c.vendorId,
      orderId: c.orderId,
      orderNumber,
      personId: c.personId,
      occurredAt: c.occurredAt.toISOString(),
      evidence: c.evidence,
      note: c.note,
      ruleId: c.ruleId,
      rules: { id: c.rulesId, version: c.rulesVersion },
      lines: c.lines,
      state: c.state,
      history: history
        .filter((h) => h.caseId === c.id)
        .map((h) => ({ seq: h.seq, kind: h.kind, at: h.at.toISOString(), by: h.byPersonId, note: h.note })),
    };
  }

  async function store(
    tx: Db,
    sourceKey: string,
    event: Omit<AssessmentEvent, 'id'>,
    note: string | null,
    charged = true,
  ) {
    const assessed = assessCase({ ...event, id: sourceKey }, rules);
    return insertAssessmentCase(tx, event.tenantId, {
      sourceKey,
      eventKind: event.kind,
      vendorId: event.vendorId,
      orderId: event.orderId,
      personId: event.personId,
      occurredAt: event.occurredAt,
      evidence: [...event.evidence],
      note,
      ruleId: assessed.ruleId,
      rulesId: assessed.rules.id,
      rulesVersion: assessed.rules.version,
      lines: charged ? assessed.lines : [],
    });
  }

  /**
   * VND-01: every SLA breach not assessed yet becomes a case (SLA-03/04 mapping in the domain), linked
   * to its order, the holder as the responsible person, and the clock event as evidence. Idempotent:
   * one case per breach event (unique source key), however often it runs.
   */
  async function sweepTenant(tenantId: string, { scheduled = true } = {}): Promise<{ created: number }> {
    let created = 0;
    const cutoffs = breachCutoffs(clock.now(), scheduled, sources);
    for (;;) {
      const breaches = await listUnassessedBreaches(db, tenantId, cutoffs, SWEEP_BATCH);
      let progressed = 0;
      for (const b of breaches) {
        const source = sources.find((x) => x.clockKind === b.clockKind)!;
        const kind = assessmentEventForBreach({ clockKind: b.clockKind, overdueReason: b.overdueReason }, sources);
        // An excused breach (reason given) is stored without lines, so the sweep moves past it for good.
        const row = await store(
          db,
          breachSourceKey(b.eventId),
          {
            kind: source.event,
            tenantId,
            vendorId: b.vendorId,
            orderId: b.orderId,
            personId: b.holderId,
            occurredAt: b.at,
            evidence: [`sla_clock_event:${b.eventId}`, `sla_clock:${b.clockId}`],
          },
          kind
            ? `${b.ruleId} ${b.clockKind} due ${b.dueAt.toISOString()}`
            : `${b.ruleId} ${b.clockKind}: overdue reason given: ${b.overdueReason ?? ''}`,
          kind !== null,
        );
        if (row) progressed += 1;
        if (row && kind) created += 1;
      }
      if (breaches.length < SWEEP_BATCH || progressed === 0) break;
    }
    return { created };
  }

  return {
    sweepTenant,

    async sweep(auth: AuthContext) {
      requireOperator(auth);
      // The operator's sweep is the close: unexplained breaches are charged without waiting for the grace.
      return sweepTenant(auth.tenantId, { scheduled: false });
    },

    async cases(auth: AuthContext, q: LedgerQuery) {
      const vendorId = requireReader(auth, q.vendorId);
      const rows = await listCasesForLedger(db, auth.tenantId, { vendorId, ...monthPeriod(q.month) });
      const history = await listCaseHistory(
        db,
        auth.tenantId,
        rows.map((r) => r.id),
      );
      const charged = rows.filter((r) => r.lines.length > 0);
      const numbers = await numbersOf(auth.tenantId, charged);
      return {
        month: q.month,
        vendorId,
        items: charged.map((r) => present(r, history, numbers.get(r.orderId) ?? null)),
      };
    },

    async ledger(auth: AuthContext, q: LedgerQuery) {
      const vendorId = requireReader(auth, q.vendorId);
      if (!vendorId) throw new DomainError('VALIDATION_FAILED', 'Name the vendor of the ledger', { field: 'vendorId' });
      const rows = await listCasesForLedger(db, auth.tenantId, { vendorId, ...monthPeriod(q.month) });
      const history = await listCaseHistory(
        db,
        auth.tenantId,
        rows.map((r) => r.id),
      );
      const ledger = buildLedger(
        rows.map((r) => toDomainCase(r, historyOf(history, r.id))),
        vendorId,
        q.month,
      );
      const numbers = await numbersOf(auth.tenantId, ledger.entries);
      return {
        vendorId,
        month: ledger.month,
        timeZone: ledger.timeZone,
        totals: ledger.totals,
        entries: ledger.entries.map((e) => ({
          ...e,
          orderNumber: numbers.get(e.orderId) ?? null,
          at: e.at.toISOString(),
        })),
      };
    },

    async createCase(auth: AuthContext, body: ManualCaseBody, key: string | null) {
      requireOperator(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'assessment.case', body }, async () => {
          const order = await getWorkOrder(tx, auth.tenantId, body.orderId);
          if (!order) throw new DomainError('NOT_FOUND', 'No such order', { orderId: body.orderId });
          const row = await store(
            tx,
            `manual:${key ?? crypto.randomUUID()}`,
            {
              kind: body.event,
              tenantId: auth.tenantId,
              vendorId: order.vendorId,
              orderId: order.id,
              personId: body.personId ?? order.holderId,
              occurredAt: body.occurredAt ? new Date(body.occurredAt) : clock.now(),
              evidence: body.evidence,
            },
            body.note,
          );
          if (!row) throw new DomainError('CONFLICT', 'This case was recorded already', {});
          return present(row, [], order.number);
        }),
      );
    },

    /** VND-01 dispute steps: the vendor disputes its own case; the operator reviews, upholds or reverses. */
    async step(auth: AuthContext, id: string, body: CaseStepBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'assessment.step', id, body }, async () => {
          const c = await getAssessmentCaseForUpdate(tx, auth.tenantId, id);
          if (!c || (auth.vendorId && auth.vendorId !== c.vendorId)) {
            throw new DomainError('NOT_FOUND', 'No such assessment case', { id });
          }
          if (!isSupervisor(auth.position)) {
            throw new DomainError('FORBIDDEN', 'Assessments are for managers', { position: auth.position });
          }
          if (body.kind === 'disputed' ? auth.vendorId !== c.vendorId : auth.vendorId !== null) {
            throw new DomainError(
              'FORBIDDEN',
              body.kind === 'disputed' ? 'The vendor disputes its own case' : 'The operator reviews disputes',
              { step: body.kind },
            );
          }
          const step = { kind: body.kind, at: clock.now(), by: auth.personId, note: body.note };
          const state = nextCaseState(c.state, step);
          await appendCaseStep(tx, auth.tenantId, c.id, { ...step, byPersonId: auth.personId }, state);
          const updated = (await getAssessmentCase(tx, auth.tenantId, c.id))!;
          const order = await getWorkOrder(tx, auth.tenantId, c.orderId);
          return present(updated, await listCaseHistory(tx, auth.tenantId, [c.id]), order?.number ?? null);
        }),
      );
    },

    /** VND-01 what-if: the month's standing cases (not reversed) re-assessed under a draft rule set. */
    async whatIf(auth: AuthContext, body: WhatIfBody) {
      const vendorId = requireReader(auth, body.vendorId);
      const period = monthPeriod(body.month);
      const rows = (await listCasesForLedger(db, auth.tenantId, { vendorId, ...period })).filter(
        (r) => r.state !== 'reversed' && r.occurredAt >= period.from && r.occurredAt < period.to && r.lines.length > 0,
      );
      return { month: body.month, vendorId, ...whatIf(rows.map(eventOf), body.draft, rules) };
    },
  };
}
