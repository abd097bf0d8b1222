import {
  getForUpdate,
  getIdempotentResponse,
  listOrderIdsWithOpenSlaClocks,
  listSlaClocksOfOrder,
  recordSlaClockEvent,
  updateSlaClock,
  type Db,
  type StoredSlaClock,
  type StoredWorkOrder,
} from '@daowei/db';
import { DomainError, reevaluateClock, type SlaPolicy } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { TenantCalendars } from '../calendar/tenant-calendar.js';
import { slaFactsOf } from './sla-order-events.js';

/** Orders re-evaluated per transaction by the tenant-wide command: short locks, bounded memory. */
export const TENANT_REEVALUATE_BATCH = 100;

export interface ClockMove {
  clockId: string;
  orderId: string;
  kind: string;
  fromVersion: number;
  toVersion: number;
  fromDueAt: string;
  toDueAt: string;
}

/**
 * SLA-02 "re-evaluate", the one place a stored deadline moves: an order's open clocks re-stamped with
 * the tenant's current policy version and calendar, pauses replayed from the original start. Each clock
 * that moved (deadline or version) records a `reevaluated` clock event with before and after; a clock
 * already at the current version and deadline is left alone, so running it again moves nothing.
 */
export function createSlaReevaluation({
  db,
  clock,
  calendarFor,
  policyFor,
  scheduleTimers,
}: {
  db: Db;
  clock: Clock;
  calendarFor: TenantCalendars;
  policyFor: (db: Db, tenantId: string) => Promise<SlaPolicy>;
  scheduleTimers: (tx: Db, s: StoredSlaClock) => Promise<void>;
}) {
  /** The order's clocks re-evaluated in the caller's transaction (the order row locked by the caller). */
  async function orderIn(tx: Db, order: StoredWorkOrder, by: string, now: Date): Promise<ClockMove[]> {
    const calendar = await calendarFor(tx, order.tenantId, order);
    const current = await policyFor(tx, order.tenantId);
    const moves: ClockMove[] = [];
    for (const s of await listSlaClocksOfOrder(tx, order.tenantId, order.id)) {
      if (s.clock.stoppedAt) continue;
      const at = new Date(Math.max(now.getTime(), s.clock.lastEventAt.getTime()));
      const r = reevaluateClock(s.clock, slaFactsOf(order, null, current), current, calendar, at);
      if (!r.changed) continue;
      const updated = await updateSlaClock(tx, order.tenantId, s.id, r.clock);
      const move: ClockMove = {
        clockId: s.id,
        orderId: order.id,
        kind: s.clock.kind,
        fromVersion: r.previous.policyVersion,
        toVersion: r.clock.policyVersion,
        fromDueAt: r.previous.dueAt.toISOString(),
        toDueAt: r.clock.dueAt.toISOString(),
      };
      const { orderId: _o, ...payload } = move;
      await recordSlaClockEvent(tx, order.tenantId, {
        clockId: s.id,
        orderId: order.id,
        kind: 'reevaluated',
        occurrence: `v${updated.version}`,
        at,
        payload: { ...payload, by },
      });
      await scheduleTimers(tx, updated);
      moves.push(move);
    }
    return moves;
  }

  /**
   * The operator admin's tenant-wide re-evaluate (after a policy edit or an official holiday notice):
   * every order with an open clock, in order-id batches of one transaction each, so a long run never
   * holds many order locks and an interruption leaves finished batches done — running it again picks
   * up the rest and moves nothing twice. A retry with the same Idempotency-Key answers the first
   * run's report.
   */
  async function tenant(auth: AuthContext, key: string | null, batchSize = TENANT_REEVALUATE_BATCH) {
    if (auth.position !== 'admin' || auth.vendorId !== null) {
      throw new DomainError('FORBIDDEN', 'A tenant-wide re-evaluate is run by the operator’s admins', {
        position: auth.position,
      });
    }
    const request = { reevaluate: 'tenant' };
    if (key) {
      const prior = await getIdempotentResponse(db, auth.tenantId, auth.personId, key);
      // runIdempotent answers the stored report (and refuses a key used for another request).
      if (prior) return db.transaction((tx) => runIdempotent(tx, auth, key, request, async () => gone(key)));
    }
    const startedAt = clock.now();
    const policy = await policyFor(db, auth.tenantId);
    let after: string | null = null;
    let orders = 0;
    let batches = 0;
    const byKind = new Map<string, number>();
    let moved = 0;
    for (;;) {
      const page = await db.transaction(async (tx) => {
        const ids = await listOrderIdsWithOpenSlaClocks(tx, auth.tenantId, { after, limit: batchSize });
        let n = 0;
        for (const id of ids) {
          const order = await getForUpdate(tx, auth.tenantId, id);
          if (!order) continue;
          for (const m of await orderIn(tx, order, auth.personId, clock.now())) {
            n += 1;
            byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + 1);
          }
        }
        return { ids, moved: n };
      });
      if (page.ids.length === 0) break;
      batches += 1;
      orders += page.ids.length;
      moved += page.moved;
      after = page.ids.at(-1) ?? null;
      if (page.ids.length < batchSize) break;
    }
    const report = {
      policyVersion: policy.version,
      startedAt: startedAt.toISOString(),
      finishedAt: clock.now().toISOString(),
      orders,
      batches,
      moved,
      movedByKind: Object.fromEntries([...byKind].sort(([a], [b]) => a.localeCompare(b))),
    };
    if (!key) return report;
    return db.transaction((tx) => runIdempotent(tx, auth, key, request, async () => report));
  }

  return { orderIn, tenant };
}

/** A stored answer cannot vanish (keys are kept for days); should it, the client hears it, not a silent rerun. */
function gone(key: string): never {
  throw new DomainError('CONFLICT', 'The first answer of this request is no longer stored', { key });
}
