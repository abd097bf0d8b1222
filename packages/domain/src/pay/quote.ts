import { DomainError } from '../shared/errors.js';
import { assertFen, sumFen, type Fen } from './money.js';
import { PAYMENT_METHODS, type PaymentMethod, type PayPolicy } from './pay-policy.js';

/**
 * PAY-01/02: a quote is shown and accepted (signed) by the customer before paid work starts; payments
 * are recorded against an accepted quote and never add up to more than it.
 */
export const QUOTE_STATUSES = ['proposed', 'accepted', 'declined'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export interface QuoteDecision {
  accept: boolean;
  signature: string | null;
}

/** Accepting needs the customer's signature; a decided quote stays decided (a new quote replaces it). */
export function decideQuote(status: QuoteStatus, d: QuoteDecision): QuoteStatus {
  if (status !== 'proposed') throw new DomainError('PAY_QUOTE_DECIDED', 'This quote was already decided', { status });
  if (d.accept && !d.signature) {
    throw new DomainError('VALIDATION_FAILED', 'The customer signs to accept the quote', { field: 'signature' });
  }
  return d.accept ? 'accepted' : 'declined';
}

/**
 * A new quote replaces the order's current one (a changed job, a declined price) — but not once money was
 * taken against it: those payments and their receipts would be left on a quote that no longer counts.
 */
export function assertRequotable(current: { id: string } | null, paidOnCurrentFen: Fen): void {
  if (current && paidOnCurrentFen > 0) {
    throw new DomainError('CONFLICT', 'Payments were already recorded against the current quote', {
      quoteId: current.id,
      paidFen: paidOnCurrentFen,
    });
  }
}

/** Paid work may start only under an accepted quote; a quote of 0 fen (all under warranty) needs no signature. */
export function assertPaidWorkAllowed(quote: { status: QuoteStatus; totalFen: Fen } | null): void {
  if (!quote || (quote.totalFen > 0 && quote.status !== 'accepted')) {
    throw new DomainError('PAY_QUOTE_NOT_ACCEPTED', 'The customer has not accepted a quote for paid work', {
      status: quote?.status ?? null,
    });
  }
}

export interface PaymentInput {
  method: string;
  amountFen: number;
  receiptNo: string | null;
  invoiceToFollow: boolean;
}

/**
 * PAY-02: a payment names its method and amount and either a receipt/invoice number or that the invoice
 * follows; it must be against an accepted quote and may not take the paid total past the quote's total.
 */
export function checkPayment(
  input: PaymentInput,
  quote: { status: QuoteStatus; totalFen: Fen },
  paidSoFarFen: Fen,
  policy: PayPolicy,
): { method: PaymentMethod; amountFen: Fen; outstandingFen: Fen } {
  if (quote.status !== 'accepted') {
    throw new DomainError('PAY_QUOTE_NOT_ACCEPTED', 'Payment is taken against an accepted quote', {
      status: quote.status,
    });
  }
  const method = PAYMENT_METHODS.find((m) => m === input.method);
  if (!method || !policy.methods.includes(method)) {
    throw new DomainError('VALIDATION_FAILED', 'Unknown payment method', { field: 'method' });
  }
  const amountFen = assertFen(input.amountFen, 'amountFen', false);
  if (!input.receiptNo?.trim() && !input.invoiceToFollow) {
    throw new DomainError('VALIDATION_FAILED', 'Give the receipt or invoice number, or mark the invoice to follow', {
      field: 'receiptNo',
    });
  }
  const outstandingFen = quote.totalFen - paidSoFarFen;
  if (amountFen > outstandingFen) {
    throw new DomainError('PAY_OVERPAID', 'More than the quote still owes', { outstandingFen, amountFen });
  }
  return { method, amountFen, outstandingFen: outstandingFen - amountFen };
}

export interface TakingsPayment {
  collectedBy: string;
  method: PaymentMethod;
  amountFen: Fen;
}

export interface TakingsRow {
  engineerId: string;
  byMethod: Partial<Record<PaymentMethod, Fen>>;
  totalFen: Fen;
  /** What the engineer hands in at the station (cash by default). */
  handInFen: Fen;
  /** Filled by reconcile: counted at the station minus handInFen. */
  differenceFen?: Fen;
}

/** PAY-02 daily takings per engineer; every total is the sum of its payments. */
export function dailyTakings(payments: readonly TakingsPayment[], policy: PayPolicy): TakingsRow[] {
  const rows = new Map<string, TakingsPayment[]>();
  for (const p of payments) rows.set(p.collectedBy, [...(rows.get(p.collectedBy) ?? []), p]);
  return [...rows.entries()]
    .map(([engineerId, ps]) => {
      const byMethod: Partial<Record<PaymentMethod, Fen>> = {};
      for (const p of ps) byMethod[p.method] = sumFen([byMethod[p.method] ?? 0, p.amountFen]);
      return {
        engineerId,
        byMethod,
        totalFen: sumFen(ps.map((p) => p.amountFen)),
        handInFen: sumFen(ps.filter((p) => policy.handedInMethods.includes(p.method)).map((p) => p.amountFen)),
      };
    })
    .sort((a, b) => a.engineerId.localeCompare(b.engineerId));
}

/** Station reconciliation: what each engineer handed in against what they should have. */
export function reconcileTakings(rows: readonly TakingsRow[], countedFen: Readonly<Record<string, Fen>>): TakingsRow[] {
  return rows.map((r) => ({ ...r, differenceFen: assertFen(countedFen[r.engineerId] ?? 0, 'counted') - r.handInFen }));
}
