import { DomainError } from '../shared/errors.js';
import { assertFen, multiplyFen, sumFen, type Fen } from './money.js';
import type { PayPolicy, PriceKind } from './pay-policy.js';

/**
 * PAY-01: pricing a quote. Each line comes from the tenant's price list; the warranty decides free vs
 * paid; where the customer's warranty card names a price for the same thing, the lower price applies.
 */
export interface PriceEntry {
  id: string;
  code: string;
  name: string;
  kind: PriceKind;
  priceFen: Fen;
}

/** Warranty terms from the product: purchase date + months of cover. Calendar days 'YYYY-MM-DD'. */
export interface Warranty {
  purchaseDate: string;
  months: number;
  /** Prices printed on the customer's warranty card, by price-list code (fen). */
  cardPricesFen?: Readonly<Record<string, Fen>>;
}

/** The last day covered: purchase date + months (end-of-month clamped), minus one day. */
export function warrantyEnds(w: Warranty): string {
  const [y, m, d] = w.purchaseDate.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d || !Number.isSafeInteger(w.months) || w.months < 0) {
    throw new DomainError('VALIDATION_FAILED', 'Give the purchase date and the months of warranty', {
      field: 'warranty',
    });
  }
  const monthIndex = m - 1 + w.months;
  const lastOfMonth = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(y, monthIndex, Math.min(d, lastOfMonth)) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

export const inWarranty = (w: Warranty | null, today: string): boolean => w !== null && today <= warrantyEnds(w);

export type PriceBasis = 'warranty' | 'card' | 'list';

export interface QuoteLine {
  priceItemId: string;
  code: string;
  description: string;
  kind: PriceKind;
  quantity: number;
  unitPriceFen: Fen;
  lineTotalFen: Fen;
  basis: PriceBasis;
}

/** One line's unit price: free under warranty for covered kinds; else the lower of card and list price. */
export function priceLine(
  entry: PriceEntry,
  quantity: number,
  warranty: Warranty | null,
  today: string,
  policy: PayPolicy,
): QuoteLine {
  assertFen(entry.priceFen, 'priceFen');
  let unit = entry.priceFen;
  let basis: PriceBasis = 'list';
  if (inWarranty(warranty, today) && policy.warrantyCovers.includes(entry.kind)) {
    unit = 0;
    basis = 'warranty';
  } else {
    const card = warranty?.cardPricesFen?.[entry.code];
    if (card !== undefined && assertFen(card, 'cardPricesFen') < unit) {
      unit = card;
      basis = 'card';
    }
  }
  return {
    priceItemId: entry.id,
    code: entry.code,
    description: entry.name,
    kind: entry.kind,
    quantity,
    unitPriceFen: unit,
    lineTotalFen: multiplyFen(unit, quantity),
    basis,
  };
}

export interface PricedQuote {
  lines: QuoteLine[];
  totalFen: Fen;
  currency: string;
  inWarranty: boolean;
}

/** The quote: its lines and a total that is by construction the sum of the lines. */
export function buildQuote(
  requested: readonly { entry: PriceEntry; quantity: number }[],
  warranty: Warranty | null,
  today: string,
  policy: PayPolicy,
): PricedQuote {
  if (requested.length === 0) throw new DomainError('VALIDATION_FAILED', 'A quote has lines', { field: 'lines' });
  const lines = requested.map((r) => priceLine(r.entry, r.quantity, warranty, today, policy));
  return {
    lines,
    totalFen: sumFen(lines.map((l) => l.lineTotalFen)),
    currency: policy.currency,
    inWarranty: inWarranty(warranty, today),
  };
}
