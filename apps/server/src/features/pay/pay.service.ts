import {
  createPriceItem,
  getOrgUnit,
  getPriceItems,
  getQuoteForUpdate,
  getWorkOrder,
  insertPayment,
  insertQuote,
  listOrderPayments,
  listOrderQuotes,
  listPaymentsBetween,
  listOrgUnits,
  listPeople,
  listPriceItems,
  listQuoteLines,
  paidOnQuote,
  setQuoteDecision,
  type Db,
  type Quote,
} from '@daowei/db';
import {
  addDays,
  assertPaidWorkAllowed,
  assertRequotable,
  buildQuote,
  checkPayment,
  dailyTakings,
  decideQuote,
  descendants,
  DomainError,
  localDate,
  reconcileTakings,
  zonedDateTime,
  type PartsPolicy,
  type PayPolicy,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { usableOrder } from '../parts/parts-access.js';
import type {
  DecisionBody,
  PaymentBody,
  PriceItemBody,
  QuoteBody,
  ReconcileBody,
  TakingsQuery,
} from './pay.schemas.js';

export type PayService = ReturnType<typeof createPayService>;

interface Deps {
  db: Db;
  clock: Clock;
  payPolicy: PayPolicy;
  partsPolicy: PartsPolicy;
}

/**
 * PAY-01..03: the price list, quotes priced by the domain (warranty, lower price), the customer's
 * signed acceptance, payments against an accepted quote, and a station's daily takings.
 */
export function createPayService({ db, clock, payPolicy, partsPolicy }: Deps) {
  const order = async (tx: Db, auth: AuthContext, id: string) =>
    usableOrder(auth, await getWorkOrder(tx, auth.tenantId, id), id, partsPolicy);

  async function quoteOf(tx: Db, auth: AuthContext, id: string): Promise<Quote> {
    const quote = await getQuoteForUpdate(tx, auth.tenantId, id);
    if (!quote) throw new DomainError('NOT_FOUND', 'Quote not found', { id });
    await order(tx, auth, quote.orderId);
    return quote;
  }

  /** A station's people (its subtree: teams included) whose takings the caller may see. */
  async function collectors(auth: AuthContext, unitId: string | undefined) {
    const unit = unitId ?? auth.unitIds[0];
    const stored = unit ? await getOrgUnit(db, auth.tenantId, unit) : null;
    const mine = auth.position === 'admin' || auth.unitIds.includes(unit ?? '');
    if (!unit || !stored || !mine || (auth.vendorId !== null && stored.vendorId !== auth.vendorId)) {
      throw new DomainError('NOT_FOUND', 'Station not found', { id: unitId ?? null });
    }
    const tree = await listOrgUnits(db, auth.tenantId, { vendorId: auth.vendorId });
    return listPeople(db, auth.tenantId, { unitIds: [unit, ...descendants(unit, tree)], vendorId: auth.vendorId });
  }

  return {
    policy: payPolicy,
    priceItems: async (auth: AuthContext) => ({ items: await listPriceItems(db, auth.tenantId) }),

    createPriceItem: (auth: AuthContext, body: PriceItemBody) => createPriceItem(db, auth.tenantId, body),

    /** PAY-01: price the lines (warranty, card vs list) and store the quote with its lines in one transaction. */
    async quote(auth: AuthContext, orderId: string, body: QuoteBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'pay.quote', orderId, body }, async () => {
          const o = await order(tx, auth, orderId);
          // The current quote is locked, so a payment racing this new quote is seen or waits for it.
          const listed = (await listOrderQuotes(tx, auth.tenantId, o.id)).find((q) => q.status !== 'declined');
          const current = listed ? await getQuoteForUpdate(tx, auth.tenantId, listed.id) : null;
          assertRequotable(current, current ? await paidOnQuote(tx, auth.tenantId, current.id) : 0);
          const entries = await getPriceItems(
            tx,
            auth.tenantId,
            body.lines.map((l) => l.priceItemId),
          );
          const requested = body.lines.map((l) => {
            const entry = entries.find((e) => e.id === l.priceItemId);
            if (!entry)
              throw new DomainError('VALIDATION_FAILED', 'Unknown price item', { field: 'lines.priceItemId' });
            return { entry, quantity: l.quantity };
          });
          const now = clock.now();
          const priced = buildQuote(requested, body.warranty, localDate(now), payPolicy);
          const quote = await insertQuote(
            tx,
            auth.tenantId,
            {
              orderId: o.id,
              totalFen: priced.totalFen,
              currency: priced.currency,
              inWarranty: priced.inWarranty,
              warranty: body.warranty ? JSON.stringify(body.warranty) : null,
              createdBy: auth.personId,
              quotedAt: now,
              policyVersion: payPolicy.version,
            },
            priced.lines,
          );
          return { ...quote, lines: priced.lines };
        }),
      );
    },

    /** PAY-01: the customer accepts (signing) or declines. */
    async decide(auth: AuthContext, quoteId: string, body: DecisionBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'pay.decide', quoteId, body }, async () => {
          const quote = await quoteOf(tx, auth, quoteId);
          const status = decideQuote(quote.status, body);
          return setQuoteDecision(tx, auth.tenantId, quote.id, {
            status,
            decidedAt: clock.now(),
            signature: status === 'accepted' ? body.signature : null,
          });
        }),
      );
    },

    /** PAY-02: a payment against an accepted quote, never past its total (the quote row is locked). */
    async pay(auth: AuthContext, quoteId: string, body: PaymentBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'pay.payment', quoteId, body }, async () => {
          const quote = await quoteOf(tx, auth, quoteId);
          const paid = await paidOnQuote(tx, auth.tenantId, quote.id);
          const ok = checkPayment(body, quote, paid, payPolicy);
          const payment = await insertPayment(tx, auth.tenantId, {
            orderId: quote.orderId,
            quoteId: quote.id,
            collectedBy: auth.personId,
            method: ok.method,
            amountFen: ok.amountFen,
            currency: quote.currency,
            receiptNo: body.receiptNo,
            invoiceToFollow: body.invoiceToFollow,
            at: clock.now(),
          });
          return { payment, outstandingFen: ok.outstandingFen };
        }),
      );
    },

    /** An order's money: its quotes with lines, payments, and whether paid work may start. */
    async orderMoney(auth: AuthContext, orderId: string) {
      const o = await order(db, auth, orderId);
      const quotes = await listOrderQuotes(db, auth.tenantId, o.id);
      const lines = await listQuoteLines(
        db,
        auth.tenantId,
        quotes.map((q) => q.id),
      );
      const payments = await listOrderPayments(db, auth.tenantId, o.id);
      const current = quotes.find((q) => q.status !== 'declined') ?? null;
      let paidWorkAllowed = true;
      try {
        assertPaidWorkAllowed(current);
      } catch {
        paidWorkAllowed = false;
      }
      const paidFen = payments.filter((p) => p.quoteId === current?.id).reduce((s, p) => s + p.amountFen, 0);
      return {
        currency: payPolicy.currency,
        quotes: quotes.map(({ signature, ...q }) => ({
          ...q,
          signed: signature !== null,
          lines: lines.filter((l) => l.quoteId === q.id),
        })),
        payments,
        currentQuoteId: current?.id ?? null,
        paidFen,
        outstandingFen: current?.status === 'accepted' ? current.totalFen - paidFen : null,
        paidWorkAllowed,
      };
    },

    /** PAY-02 daily takings of a station's engineers on one business day (tenant zone). */
    async takings(auth: AuthContext, q: TakingsQuery) {
      const people = await collectors(auth, q.unitId);
      const from = zonedDateTime(q.date, '00:00');
      const to = zonedDateTime(addDays(q.date, 1), '00:00');
      const payments = await listPaymentsBetween(db, auth.tenantId, { from, to, collectors: people.map((p) => p.id) });
      const names = new Map(people.map((p) => [p.id, p.name]));
      const rows = dailyTakings(payments, payPolicy).map((r) => ({ ...r, name: names.get(r.engineerId) ?? '' }));
      return { date: q.date, currency: payPolicy.currency, rows, payments };
    },

    /** PAY-02 reconciliation: what each engineer handed in against what they should have (not stored). */
    async reconcile(auth: AuthContext, body: ReconcileBody) {
      const t = await this.takings(auth, { date: body.date, unitId: body.unitId });
      const reconciled = reconcileTakings(t.rows, body.countedFen);
      return { ...t, rows: reconciled.map((r, i) => ({ ...r, name: t.rows[i]!.name })) };
    },
  };
}
