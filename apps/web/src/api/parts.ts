import { apiRequest } from './http';

/** PART-01..05, WO-13 and PAY-01..03 calls (docs/api.md "Parts" and "Paid services"). Money is fen. */
export interface BorrowLineView {
  id: string;
  cardId: string;
  orderId: string;
  engineerId: string;
  storeId: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  tracking: 'bulk' | 'serialised';
  unitId: string | null;
  serial: string | null;
  quantity: number;
  returned: number;
  consumed: number;
  outstanding: number;
  issuedAt: string;
}
export interface PartItemView {
  id: string;
  code: string;
  name: string;
  category: string;
  tracking: 'bulk' | 'serialised';
  unitOfMeasure: string;
}
export interface StockLocationView {
  id: string;
  kind: string;
  name: string;
}
export interface StockView {
  location: StockLocationView;
  balances: { itemId: string; itemCode: string; itemName: string; condition: string; quantity: number }[];
  units: { id: string; serial: string; mac: string | null; itemId: string; condition: string }[];
}
export interface MovementView {
  id: string;
  kind: string;
  at: string;
  itemCode: string;
  itemName: string;
  serial: string | null;
  quantity: number;
  fromName: string | null;
  toName: string | null;
  toCondition: string | null;
  note: string | null;
}
export interface AlertView {
  id: string;
  locationName: string;
  itemCode: string;
  itemName: string;
  minimum: number;
  onHandAtRaise: number;
  raisedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  missed: boolean;
}
export interface QuoteLineView {
  id: string;
  code: string;
  description: string;
  quantity: number;
  unitPriceFen: number;
  lineTotalFen: number;
  basis: 'warranty' | 'card' | 'list';
}
export interface QuoteView {
  id: string;
  status: 'proposed' | 'accepted' | 'declined';
  totalFen: number;
  inWarranty: boolean;
  signed: boolean;
  lines: QuoteLineView[];
}
/** PAY-02 payment methods (the server's PAYMENT_METHODS). */
export type PaymentMethodCode = 'cash' | 'wechat' | 'alipay' | 'card' | 'transfer';
export interface OrderMoney {
  currency: string;
  quotes: QuoteView[];
  payments: {
    id: string;
    method: PaymentMethodCode;
    amountFen: number;
    receiptNo: string | null;
    invoiceToFollow: boolean;
  }[];
  currentQuoteId: string | null;
  paidFen: number;
  outstandingFen: number | null;
  paidWorkAllowed: boolean;
}
export interface PriceItemView {
  id: string;
  code: string;
  name: string;
  kind: string;
  priceFen: number;
}
export interface TakeBackView {
  id: string;
  device: string;
  promisedReturnDate: string;
  status: 'out' | 'returned';
  loanerUnitId: string | null;
  overdue: boolean;
}

const order = (id: string) => `/parts/orders/${encodeURIComponent(id)}`;
const line = (id: string) => `/parts/borrow-lines/${encodeURIComponent(id)}`;

export const partsApi = {
  items: () => apiRequest<{ items: PartItemView[] }>('GET', '/parts/items'),
  stores: () => apiRequest<{ items: StockLocationView[] }>('GET', '/parts/locations'),
  stock: (locationId: string) =>
    apiRequest<StockView>('GET', `/parts/locations/${encodeURIComponent(locationId)}/stock`),
  movements: (query: { locationId?: string; orderId?: string }) =>
    apiRequest<{ items: MovementView[] }>('GET', '/parts/movements', { query }),
  alerts: (query: { locationId?: string; open?: boolean }) =>
    apiRequest<{ items: AlertView[] }>('GET', '/parts/alerts', { query }),
  acknowledge: (id: string) => apiRequest<AlertView>('POST', `/parts/alerts/${encodeURIComponent(id)}/acknowledge`),
  engineerBorrows: (engineerId?: string) =>
    apiRequest<{ items: BorrowLineView[] }>('GET', '/parts/borrows', { query: { engineerId } }),
  orderBorrows: (orderId: string) =>
    apiRequest<{ items: BorrowLineView[]; settled: boolean; waiver: { reason: string } | null }>(
      'GET',
      `${order(orderId)}/borrows`,
    ),
  borrow: (
    body: { orderId: string; engineerId: string; storeId: string; lines: { itemId: string; quantity: number }[] },
    idempotencyKey: string,
  ) => apiRequest<{ lines: BorrowLineView[] }>('POST', '/parts/borrows', { body, idempotencyKey }),
  consume: (lineId: string, quantity: number, idempotencyKey: string) =>
    apiRequest<BorrowLineView>('POST', `${line(lineId)}/consume`, { body: { quantity }, idempotencyKey }),
  returnRest: (lineId: string, faultTag: 'good' | 'faulty', idempotencyKey: string) =>
    apiRequest<BorrowLineView>('POST', `${line(lineId)}/return`, { body: { faultTag }, idempotencyKey }),
  takeBacks: (orderId: string) => apiRequest<{ items: TakeBackView[] }>('GET', `${order(orderId)}/take-backs`),
  takeBack: (orderId: string, body: Record<string, unknown>, idempotencyKey: string) =>
    apiRequest<TakeBackView>('POST', `${order(orderId)}/take-backs`, { body, idempotencyKey }),
  giveBack: (id: string, body: Record<string, unknown>, idempotencyKey: string) =>
    apiRequest<TakeBackView>('POST', `/parts/take-backs/${encodeURIComponent(id)}/return`, { body, idempotencyKey }),
};

export const payApi = {
  priceItems: () => apiRequest<{ items: PriceItemView[] }>('GET', '/pay/price-items'),
  order: (orderId: string) => apiRequest<OrderMoney>('GET', `/pay/orders/${encodeURIComponent(orderId)}`),
  quote: (orderId: string, body: { lines: { priceItemId: string; quantity: number }[] }, idempotencyKey: string) =>
    apiRequest<QuoteView>('POST', `/pay/orders/${encodeURIComponent(orderId)}/quotes`, { body, idempotencyKey }),
  decide: (quoteId: string, body: { accept: boolean; signature: string | null }, idempotencyKey: string) =>
    apiRequest<QuoteView>('POST', `/pay/quotes/${encodeURIComponent(quoteId)}/decision`, { body, idempotencyKey }),
  pay: (
    quoteId: string,
    body: { method: PaymentMethodCode; amountFen: number; receiptNo: string | null; invoiceToFollow: boolean },
    idempotencyKey: string,
  ) => apiRequest<unknown>('POST', `/pay/quotes/${encodeURIComponent(quoteId)}/payments`, { body, idempotencyKey }),
};

/** PAY-03: fen → "¥12.30" for display only; arithmetic stays in fen. */
export const yuan = (fen: number) => `¥${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
