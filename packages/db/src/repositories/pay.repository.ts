import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { DomainError, type QuoteLine, type QuoteStatus } from '@daowei/domain';
import type { Db } from '../client.js';
import { payments, priceItems, quoteLines, quotes } from '../schema/payments.js';
import { isUuid } from './helpers.js';

/** PAY-01..03: the price list, quotes with their lines, payments. Amounts are integer fen. */

export type PriceItem = typeof priceItems.$inferSelect;
export type Quote = typeof quotes.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type StoredQuoteLine = typeof quoteLines.$inferSelect;

export async function createPriceItem(
  db: Db,
  tenantId: string,
  input: Pick<PriceItem, 'code' | 'name' | 'kind' | 'priceFen'>,
): Promise<PriceItem> {
  const [row] = await db
    .insert(priceItems)
    .values({ tenantId, ...input })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new DomainError('CONFLICT', 'A price item with this code exists', { field: 'code' });
  return row;
}

export async function listPriceItems(db: Db, tenantId: string): Promise<PriceItem[]> {
  return db
    .select()
    .from(priceItems)
    .where(and(eq(priceItems.tenantId, tenantId), eq(priceItems.active, true)))
    .orderBy(asc(priceItems.code));
}

export async function getPriceItems(db: Db, tenantId: string, ids: readonly string[]): Promise<PriceItem[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db
    .select()
    .from(priceItems)
    .where(and(eq(priceItems.tenantId, tenantId), inArray(priceItems.id, valid), eq(priceItems.active, true)));
}

export async function insertQuote(
  tx: Db,
  tenantId: string,
  input: Omit<typeof quotes.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'status'>,
  lines: readonly QuoteLine[],
): Promise<Quote> {
  const [quote] = await tx
    .insert(quotes)
    .values({ tenantId, status: 'proposed', ...input })
    .returning();
  await tx.insert(quoteLines).values(
    lines.map((l, position) => ({
      tenantId,
      quoteId: quote!.id,
      position,
      priceItemId: l.priceItemId,
      code: l.code,
      description: l.description,
      kind: l.kind,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      lineTotalFen: l.lineTotalFen,
      basis: l.basis,
    })),
  );
  return quote!;
}

export async function getQuoteForUpdate(tx: Db, tenantId: string, id: string): Promise<Quote | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(quotes)
    .where(and(eq(quotes.tenantId, tenantId), eq(quotes.id, id)))
    .for('update');
  return row ?? null;
}

export async function listOrderQuotes(db: Db, tenantId: string, orderId: string): Promise<Quote[]> {
  return db
    .select()
    .from(quotes)
    .where(and(eq(quotes.tenantId, tenantId), eq(quotes.orderId, orderId)))
    .orderBy(desc(quotes.quotedAt), desc(quotes.createdAt));
}

export async function listQuoteLines(db: Db, tenantId: string, quoteIds: readonly string[]) {
  if (quoteIds.length === 0) return [];
  return db
    .select()
    .from(quoteLines)
    .where(and(eq(quoteLines.tenantId, tenantId), inArray(quoteLines.quoteId, [...quoteIds])))
    .orderBy(asc(quoteLines.position));
}

export async function setQuoteDecision(
  tx: Db,
  tenantId: string,
  id: string,
  input: { status: QuoteStatus; decidedAt: Date; signature: string | null },
): Promise<Quote> {
  const [row] = await tx
    .update(quotes)
    .set(input)
    .where(and(eq(quotes.tenantId, tenantId), eq(quotes.id, id)))
    .returning();
  return row!;
}

export async function insertPayment(
  tx: Db,
  tenantId: string,
  input: Omit<typeof payments.$inferInsert, 'tenantId' | 'id' | 'createdAt'>,
): Promise<Payment> {
  const [row] = await tx
    .insert(payments)
    .values({ tenantId, ...input })
    .returning();
  return row!;
}

export async function paidOnQuote(tx: Db, tenantId: string, quoteId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${payments.amountFen}), 0)` })
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.quoteId, quoteId)));
  return Number(row?.total ?? 0);
}

export async function listOrderPayments(db: Db, tenantId: string, orderId: string): Promise<Payment[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.orderId, orderId)))
    .orderBy(asc(payments.at));
}

/** Payments taken in [from, to) by the given people (a station's engineers), for daily takings. */
export async function listPaymentsBetween(
  db: Db,
  tenantId: string,
  opts: { from: Date; to: Date; collectors: readonly string[] },
): Promise<Payment[]> {
  if (opts.collectors.length === 0) return [];
  return db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.tenantId, tenantId),
        gte(payments.at, opts.from),
        lt(payments.at, opts.to),
        inArray(payments.collectedBy, [...opts.collectors]),
      ),
    )
    .orderBy(asc(payments.at));
}
