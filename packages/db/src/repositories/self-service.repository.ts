import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { selfServiceLinks, selfServiceRatings, selfServiceUrges } from '../schema/self-service.js';

/** DESK-06 customer self-service: links (stored as token hashes), urges and ratings. */

export interface SelfServiceLink {
  id: string;
  tenantId: string;
  orderId: string;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

const toLink = (r: typeof selfServiceLinks.$inferSelect): SelfServiceLink => ({
  id: r.id,
  tenantId: r.tenantId,
  orderId: r.orderId,
  issuedAt: r.issuedAt,
  expiresAt: r.expiresAt,
  revokedAt: r.revokedAt,
});

/** Issues a link for an order; earlier links of that order stop working (one live link per order). */
export async function issueSelfServiceLink(
  db: Db,
  tenantId: string,
  input: { orderId: string; tokenHash: string; issuedAt: Date; expiresAt: Date; issuedBy: string | null },
): Promise<SelfServiceLink> {
  await db
    .update(selfServiceLinks)
    .set({ revokedAt: input.issuedAt })
    .where(
      and(
        eq(selfServiceLinks.tenantId, tenantId),
        eq(selfServiceLinks.orderId, input.orderId),
        isNull(selfServiceLinks.revokedAt),
      ),
    );
  const [row] = await db
    .insert(selfServiceLinks)
    .values({ tenantId, ...input })
    .returning();
  return toLink(row!);
}

/**
 * The link with this token hash, whatever its tenant (the customer has nothing but the token).
 * `forUpdate` locks it so two urges through one link are decided one after the other.
 */
export async function findSelfServiceLink(
  db: Db,
  tokenHash: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SelfServiceLink | null> {
  const q = db.select().from(selfServiceLinks).where(eq(selfServiceLinks.tokenHash, tokenHash));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ? toLink(row) : null;
}

export async function lastUrgeAt(db: Db, tenantId: string, orderId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: selfServiceUrges.at })
    .from(selfServiceUrges)
    .where(and(eq(selfServiceUrges.tenantId, tenantId), eq(selfServiceUrges.orderId, orderId)))
    .orderBy(desc(selfServiceUrges.at))
    .limit(1);
  return row?.at ?? null;
}

export async function countUrges(db: Db, tenantId: string, orderId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(selfServiceUrges)
    .where(and(eq(selfServiceUrges.tenantId, tenantId), eq(selfServiceUrges.orderId, orderId)));
  return row?.n ?? 0;
}

export async function recordUrge(db: Db, tenantId: string, input: { orderId: string; linkId: string; at: Date }) {
  await db.insert(selfServiceUrges).values({ tenantId, ...input });
}

export interface SelfServiceRating {
  satisfaction: number;
  comment: string | null;
  at: Date;
}

/** Stores the order's rating; false when it was rated before (the first rating stands). */
export async function recordRating(
  db: Db,
  tenantId: string,
  input: { orderId: string; linkId: string; satisfaction: number; comment: string | null; at: Date },
): Promise<boolean> {
  const rows = await db
    .insert(selfServiceRatings)
    .values({ tenantId, ...input })
    .onConflictDoNothing({ target: [selfServiceRatings.tenantId, selfServiceRatings.orderId] })
    .returning({ id: selfServiceRatings.id });
  return rows.length === 1;
}

export async function getRating(db: Db, tenantId: string, orderId: string): Promise<SelfServiceRating | null> {
  const [row] = await db
    .select({
      satisfaction: selfServiceRatings.satisfaction,
      comment: selfServiceRatings.comment,
      at: selfServiceRatings.at,
    })
    .from(selfServiceRatings)
    .where(and(eq(selfServiceRatings.tenantId, tenantId), eq(selfServiceRatings.orderId, orderId)));
  return row ?? null;
}
