import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import {
  PAYMENT_METHODS,
  PRICE_KINDS,
  QUOTE_STATUSES,
  type PaymentMethod,
  type PriceKind,
  type QuoteStatus,
} from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/** PAY-01: the tenant's price list — labour, parts, visit fees, software services — in fen (PAY-03). */
export const priceItems = pgTable(
  'price_items',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<PriceKind>().notNull(),
    priceFen: integer('price_fen').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    unique('price_items_tenant_code_unique').on(t.tenantId, t.code),
    unique('price_items_tenant_id_unique').on(t.tenantId, t.id),
    check('price_items_kind_check', oneOf(t.kind, PRICE_KINDS)),
    check('price_items_price_check', sql`${t.priceFen} >= 0`),
  ],
);

/** PAY-01: a quote for an order; accepted with the customer's signature before paid work starts. */
export const quotes = pgTable(
  'quotes',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    status: text('status').$type<QuoteStatus>().notNull(),
    totalFen: integer('total_fen').notNull(),
    currency: text('currency').notNull(),
    inWarranty: boolean('in_warranty').notNull(),
    /** The warranty terms the prices were decided with (purchase date, months, card prices). */
    warranty: text('warranty'),
    createdBy: uuid('created_by').notNull(),
    quotedAt: timestamptz('quoted_at').notNull(),
    decidedAt: timestamptz('decided_at'),
    signature: text('signature'),
    policyVersion: integer('policy_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('quotes_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('quotes_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('quotes_created_by_fk', { tenantId: t.tenantId, column: t.createdBy }, people),
    index('quotes_order_idx').on(t.tenantId, t.orderId),
    check('quotes_status_check', oneOf(t.status, QUOTE_STATUSES)),
    check('quotes_total_check', sql`${t.totalFen} >= 0`),
    check('quotes_signed_check', sql`${t.status} <> 'accepted' or ${t.totalFen} = 0 or ${t.signature} is not null`),
  ],
);

/** PAY-01/03: a quote line; the quote's total is the sum of these (checked in tests against the rows). */
export const quoteLines = pgTable(
  'quote_lines',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    quoteId: uuid('quote_id').notNull(),
    position: integer('position').notNull(),
    priceItemId: uuid('price_item_id').notNull(),
    code: text('code').notNull(),
    description: text('description').notNull(),
    kind: text('kind').$type<PriceKind>().notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    lineTotalFen: integer('line_total_fen').notNull(),
    basis: text('basis').notNull(),
  },
  (t) => [
    sameTenant('quote_lines_quote_fk', { tenantId: t.tenantId, column: t.quoteId }, quotes),
    sameTenant('quote_lines_price_item_fk', { tenantId: t.tenantId, column: t.priceItemId }, priceItems),
    index('quote_lines_quote_idx').on(t.tenantId, t.quoteId),
    check('quote_lines_total_check', sql`${t.lineTotalFen} = ${t.unitPriceFen} * ${t.quantity} and ${t.quantity} > 0`),
  ],
);

/** PAY-02: money taken for an order: method, amount, receipt/invoice number or "invoice to follow". */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    quoteId: uuid('quote_id').notNull(),
    collectedBy: uuid('collected_by').notNull(),
    method: text('method').$type<PaymentMethod>().notNull(),
    amountFen: integer('amount_fen').notNull(),
    currency: text('currency').notNull(),
    receiptNo: text('receipt_no'),
    invoiceToFollow: boolean('invoice_to_follow').notNull(),
    at: timestamptz('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('payments_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('payments_quote_fk', { tenantId: t.tenantId, column: t.quoteId }, quotes),
    sameTenant('payments_collected_by_fk', { tenantId: t.tenantId, column: t.collectedBy }, people),
    index('payments_order_idx').on(t.tenantId, t.orderId),
    index('payments_collector_idx').on(t.tenantId, t.collectedBy, t.at),
    check('payments_method_check', oneOf(t.method, PAYMENT_METHODS)),
    check('payments_amount_check', sql`${t.amountFen} > 0`),
    check('payments_receipt_check', sql`${t.receiptNo} is not null or ${t.invoiceToFollow}`),
  ],
);
