import { z } from 'zod';
import { PAYMENT_METHODS, PRICE_KINDS } from '@daowei/domain';

/** PAY-01..03 request shapes. Amounts are integer fen (PAY-03); the descriptions are what OpenAPI shows. */
const fen = z.number().int().min(0).max(1_000_000_000);

export const idParams = z.object({ id: z.uuid() });

export const priceItemBody = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(PRICE_KINDS),
  priceFen: fen.describe('Price in fen (1 yuan = 100 fen)'),
});
export type PriceItemBody = z.output<typeof priceItemBody>;

export const quoteBody = z.object({
  lines: z
    .array(z.object({ priceItemId: z.uuid(), quantity: z.number().int().min(1).max(1000).default(1) }))
    .min(1)
    .max(50),
  warranty: z
    .object({
      purchaseDate: z.iso.date(),
      months: z.number().int().min(0).max(240),
      cardPricesFen: z.record(z.string(), fen).optional().describe("Prices on the customer's warranty card, by code"),
    })
    .nullable()
    .default(null)
    .describe('PAY-01: the product warranty; under warranty covered kinds are free'),
});
export type QuoteBody = z.output<typeof quoteBody>;

export const decisionBody = z.object({
  accept: z.boolean(),
  signature: z.string().trim().min(1).max(2_000_000).nullable().default(null).describe('PNG data URL'),
});
export type DecisionBody = z.output<typeof decisionBody>;

export const paymentBody = z.object({
  method: z.enum(PAYMENT_METHODS),
  amountFen: z.number().int().min(1).max(1_000_000_000),
  receiptNo: z.string().trim().min(1).max(64).nullable().default(null).describe('Receipt or invoice number'),
  invoiceToFollow: z.boolean().default(false).describe('PAY-02: the invoice is sent later'),
});
export type PaymentBody = z.output<typeof paymentBody>;

export const takingsQuery = z.object({
  date: z.iso.date().describe('The business day (tenant zone)'),
  unitId: z.uuid().optional().describe("The station; default the caller's"),
});
export type TakingsQuery = z.output<typeof takingsQuery>;

export const reconcileBody = z.object({
  date: z.iso.date(),
  unitId: z.uuid().optional(),
  countedFen: z.record(z.uuid(), fen).describe('What each engineer handed in, by engineer id'),
});
export type ReconcileBody = z.output<typeof reconcileBody>;
