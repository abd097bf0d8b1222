import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { engineerBases } from '../schema/dispatch.js';
import { workOrderEvents } from '../schema/work-order-events.js';

export interface ReportedPosition {
  lat: number;
  lng: number;
  at: Date;
}

/**
 * ENG-02/INT-01: where the engineer last said he was — the position his phone sent with his latest
 * arrival check-in since `since` (an engineer leaving one customer for the next starts from there).
 * Uses the (tenant, at) index of the event table; null without a recent position.
 */
export async function lastReportedPosition(
  db: Db,
  tenantId: string,
  personId: string,
  since: Date,
): Promise<ReportedPosition | null> {
  const [row] = await db
    .select({ payload: workOrderEvents.payload, at: workOrderEvents.at })
    .from(workOrderEvents)
    .where(
      and(
        eq(workOrderEvents.tenantId, tenantId),
        gte(workOrderEvents.at, since),
        eq(workOrderEvents.actorId, personId),
        sql`jsonb_typeof(${workOrderEvents.payload} -> 'position') = 'object'`,
      ),
    )
    .orderBy(desc(workOrderEvents.at))
    .limit(1);
  const p = row?.payload.position as { lat?: unknown; lng?: unknown } | undefined;
  if (!row || typeof p?.lat !== 'number' || typeof p.lng !== 'number') return null;
  return { lat: p.lat, lng: p.lng, at: row.at };
}

/** DSP-03: the engineer's home or base, where his day starts (null when none is recorded). */
export async function engineerBaseOf(db: Db, tenantId: string, personId: string) {
  const [row] = await db
    .select({ lat: engineerBases.lat, lng: engineerBases.lng })
    .from(engineerBases)
    .where(and(eq(engineerBases.tenantId, tenantId), eq(engineerBases.personId, personId)));
  return row ?? null;
}
