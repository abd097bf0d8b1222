import { z } from 'zod';
import { CONDITIONS } from '@daowei/domain';

/** PART-01 transfer/scrap/ledger, PART-04 thresholds, PART-05 hit rate, WO-13 take-back request shapes. */
const note = z.string().trim().max(500);
const what = {
  itemId: z.uuid(),
  quantity: z.number().int().min(1).max(1_000_000).optional().describe('Bulk items: how many'),
  unitIds: z.array(z.uuid()).min(1).max(500).optional().describe('Serialised items: the units that move'),
};
const oneOfQuantityOrUnits = (b: { quantity?: number | undefined; unitIds?: string[] | undefined }) =>
  (b.quantity === undefined) !== (b.unitIds === undefined);

export const transferBody = z
  .object({
    fromId: z.uuid().describe('The store the stock leaves'),
    toId: z.uuid().describe('The store it arrives at'),
    ...what,
    condition: z.enum(CONDITIONS).default('good').describe('Bulk: which stock moves (faulty goes back to central)'),
    note: note.optional(),
  })
  .refine(oneOfQuantityOrUnits, { message: 'give quantity (bulk) or unitIds (serialised)', path: ['quantity'] });
export type TransferBody = z.output<typeof transferBody>;

export const scrapBody = z
  .object({
    locationId: z.uuid().describe('The store the stock is scrapped from'),
    ...what,
    condition: z.enum(CONDITIONS).default('faulty'),
    note: note.min(1, 'say why it is scrapped'),
  })
  .refine(oneOfQuantityOrUnits, { message: 'give quantity (bulk) or unitIds (serialised)', path: ['quantity'] });
export type ScrapBody = z.output<typeof scrapBody>;

export const ledgerQuery = z.object({
  locationId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type LedgerQuery = z.output<typeof ledgerQuery>;

export const thresholdBody = z.object({
  locationId: z.uuid(),
  itemId: z.uuid(),
  minimum: z.number().int().min(0).max(1_000_000).describe('PART-04: warn when good on-hand falls to this'),
});

export const alertsQuery = z.object({
  locationId: z.uuid().optional(),
  open: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const hitRateQuery = z.object({
  groupBy: z.enum(['engineer', 'station', 'item', 'all']).default('all'),
});

const signature = z.string().trim().min(1).max(2_000_000).describe('The customer signature (PNG data URL)');

export const takeBackBody = z.object({
  device: z.string().trim().min(1).max(200),
  serial: z.string().trim().max(100).optional(),
  configNotes: z.string().trim().max(2000).describe('WO-13: configuration noted ("none" is an answer)'),
  dataNotes: z.string().trim().max(2000).describe("WO-13: the customer's data on the device"),
  promisedReturnDate: z.iso.date().describe('Calendar day the device is promised back'),
  signature: signature.nullable().default(null),
  loanerLineId: z
    .uuid()
    .optional()
    .describe('A loaner unit 周转机 borrowed for this order on a borrow card: it is left with the customer'),
});
export type TakeBackBody = z.output<typeof takeBackBody>;

export const takeBackReturnBody = z.object({
  signature: signature.nullable().default(null),
  loanerBack: z.boolean().default(false).describe('The loaner unit came back with the device'),
  loanerFaultTag: z.enum(CONDITIONS).default('good'),
});
export type TakeBackReturnBody = z.output<typeof takeBackReturnBody>;
