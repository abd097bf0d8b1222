import type { PausedInterval, SlaAppointment, SlaClock } from '@daowei/domain';
import type { slaClocks, StoredPausedInterval } from '../schema/sla-clocks.js';

/**
 * The domain `SlaClock` ↔ the `engine` jsonb. Instants become ISO strings on the way in and Dates on
 * the way out; everything else (definition snapshot, budget, steps with epoch-ms params) is plain JSON.
 * Kept beside the table so a field added to SlaClock that holds a Date is revived in one place.
 */
type Row = typeof slaClocks.$inferSelect;

/** A stored clock: the engine state plus what only the server knows (id, order facts, notes). */
export interface StoredSlaClock {
  id: string;
  tenantId: string;
  orderId: string;
  vendorId: string;
  stationId: string | null;
  orderType: Row['orderType'];
  clock: SlaClock;
  warnedAt: Date | null;
  breachedAt: Date | null;
  overdueReason: string | null;
  overdueReasonBy: string | null;
  overdueReasonAt: Date | null;
  version: number;
}

const DATE_FIELDS = ['startedAt', 'dueAt', 'warnAt', 'runningSince', 'stoppedAt', 'computedAt', 'lastEventAt'] as const;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const date = (s: unknown): Date | null => (typeof s === 'string' ? new Date(s) : null);

export function pausedToStored(p: readonly PausedInterval[]): StoredPausedInterval[] {
  return p.map((i) => ({ from: i.from.toISOString(), to: iso(i.to), reason: i.reason }));
}

export function engineOf(clock: SlaClock): Record<string, unknown> {
  const out: Record<string, unknown> = { ...clock };
  for (const f of DATE_FIELDS) out[f] = iso(clock[f]);
  out.pausedIntervals = pausedToStored(clock.pausedIntervals);
  out.appointment = clock.appointment
    ? { ...clock.appointment, start: iso(clock.appointment.start), end: iso(clock.appointment.end) }
    : null;
  return out;
}

export function clockFromEngine(engine: Record<string, unknown>): SlaClock {
  const out: Record<string, unknown> = { ...engine };
  for (const f of DATE_FIELDS) out[f] = date(engine[f]);
  out.pausedIntervals = (engine.pausedIntervals as StoredPausedInterval[]).map((i) => ({
    from: new Date(i.from),
    to: date(i.to),
    reason: i.reason,
  }));
  const a = engine.appointment as { start: string; end: string; chosenBy: SlaAppointment['chosenBy'] } | null;
  out.appointment = a ? { start: new Date(a.start), end: new Date(a.end), chosenBy: a.chosenBy } : null;
  return out as unknown as SlaClock;
}

export function toStoredSlaClock(row: Row): StoredSlaClock {
  return {
    id: row.id,
    tenantId: row.tenantId,
    orderId: row.orderId,
    vendorId: row.vendorId,
    stationId: row.stationId,
    orderType: row.orderType,
    clock: clockFromEngine(row.engine),
    warnedAt: row.warnedAt,
    breachedAt: row.breachedAt,
    overdueReason: row.overdueReason,
    overdueReasonBy: row.overdueReasonBy,
    overdueReasonAt: row.overdueReasonAt,
    version: row.version,
  };
}

/** The indexed columns that mirror the engine state (what the at-risk query reads). */
export function clockColumns(clock: SlaClock) {
  const paused = !clock.stoppedAt && clock.runningSince === null;
  return {
    kind: clock.kind,
    ruleId: clock.ruleId,
    policyId: clock.policyId,
    policyVersion: clock.policyVersion,
    startedAt: clock.startedAt,
    dueAt: clock.dueAt,
    warnAt: clock.warnAt,
    pausedIntervals: pausedToStored(clock.pausedIntervals),
    state: clock.stoppedAt ? ('stopped' as const) : paused ? ('paused' as const) : ('running' as const),
    pausedAt: paused ? (clock.pausedIntervals.at(-1)?.from ?? null) : null,
    stoppedAt: clock.stoppedAt,
    provisional: clock.provisional,
    engine: engineOf(clock),
  };
}
