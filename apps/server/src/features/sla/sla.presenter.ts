import type { StoredSlaClock, StoredWorkOrder } from '@daowei/db';
import { clockStatus, explainClock } from '@daowei/domain';

/**
 * The API shape of a clock (docs/api.md): the status computed at `now` (the server clock), the
 * instants as ISO, the pauses, and — for one order's clocks — the SLA-02 explanation.
 */
export function clockSummary(s: StoredSlaClock, now: Date) {
  const c = s.clock;
  const status = clockStatus(c, now);
  return {
    id: s.id,
    orderId: s.orderId,
    kind: c.kind,
    ruleId: c.ruleId,
    label: c.definition.label,
    policy: { id: c.policyId, version: c.policyVersion },
    state: status.state,
    startedAt: c.startedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    warnAt: c.warnAt.toISOString(),
    msLeft: status.msLeft,
    measure: c.measure,
    provisional: c.provisional,
    provisionalYears: c.provisionalYears,
    pausedIntervals: c.pausedIntervals.map((p) => ({
      from: p.from.toISOString(),
      to: p.to ? p.to.toISOString() : null,
      reason: p.reason,
    })),
    stoppedAt: c.stoppedAt ? c.stoppedAt.toISOString() : null,
    stopReason: c.stopReason,
    warnedAt: s.warnedAt ? s.warnedAt.toISOString() : null,
    breachedAt: s.breachedAt ? s.breachedAt.toISOString() : null,
    overdueReason: s.overdueReason,
    /** SLA-04: overdue without a reason note — counts against the vendor until a reason is given. */
    flagged: status.state === 'breached' && !s.overdueReason,
  };
}

export function clockView(s: StoredSlaClock, now: Date) {
  return { ...clockSummary(s, now), explain: explainClock(s.clock) };
}

export function atRiskView(s: StoredSlaClock, order: StoredWorkOrder, now: Date) {
  return {
    ...clockSummary(s, now),
    order: {
      id: order.id,
      number: order.number,
      type: order.type,
      status: order.status,
      vendorId: order.vendorId,
      stationId: order.stationId,
      areaId: order.areaId,
      holderId: order.holderId,
    },
  };
}
