import { z } from 'zod';
import { CONDITIONS, ITEM_CATEGORIES, ITEM_TRACKING } from '@daowei/domain';

/** PART-01..03 request shapes; the descriptions are what OpenAPI shows. */
const requiredText = (max: number) => z.string().trim().min(1, 'must not be blank').max(max);

export const idParams = z.object({ id: z.uuid() });

export const createItemBody = z.object({
  code: requiredText(64).describe('Stock code, unique in the tenant'),
  name: requiredText(200),
  category: z.enum(ITEM_CATEGORIES),
  tracking: z
    .enum(ITEM_TRACKING)
    .describe('bulk: counted; serialised: one unit at a time by serial/MAC (ONU, STB, loaner)'),
  unitOfMeasure: requiredText(20).default('pcs'),
});
export type CreateItemBody = z.output<typeof createItemBody>;

export const createStoreBody = z.object({
  kind: z.enum(['central', 'station', 'scrapped']),
  name: requiredText(200),
  unitId: z.uuid().optional().describe('The station (org unit) that keeps this store; omitted for a central warehouse'),
});
export type CreateStoreBody = z.output<typeof createStoreBody>;

export const receiveBody = z
  .object({
    locationId: z.uuid().describe('A central or station store'),
    itemId: z.uuid(),
    quantity: z.number().int().min(1).max(1_000_000).optional().describe('Bulk items: how many arrived'),
    units: z
      .array(z.object({ serial: requiredText(100), mac: z.string().trim().max(64).optional() }))
      .min(1)
      .max(500)
      .optional()
      .describe('Serialised items: one entry per unit'),
    note: z.string().trim().max(500).optional(),
  })
  .refine((b) => (b.quantity === undefined) !== (b.units === undefined), {
    message: 'give quantity (bulk) or units (serialised)',
    path: ['quantity'],
  });
export type ReceiveBody = z.output<typeof receiveBody>;

const override = z
  .object({ reason: requiredText(500) })
  .describe('PART-02/03 station manager exception; the reason is recorded');

export const borrowBody = z.object({
  orderId: z.uuid(),
  engineerId: z.uuid().describe('Who takes the parts (their van receives them)'),
  storeId: z.uuid().describe('The store the parts are issued from'),
  lines: z
    .array(
      z.object({
        itemId: z.uuid(),
        quantity: z.number().int().min(1).max(1000).default(1),
        unitId: z.uuid().optional().describe('Serialised items: this unit; omitted: any good unit in the store'),
      }),
    )
    .min(1)
    .max(50),
  override: override.optional(),
});
export type BorrowBody = z.output<typeof borrowBody>;

export const returnBody = z.object({
  quantity: z.number().int().min(1).max(1000).optional().describe('Default: everything still out on the line'),
  faultTag: z.enum(CONDITIONS).describe('PART-03: good parts go back on the shelf; faulty ones are never lent again'),
  toStoreId: z.uuid().optional().describe('Default: the store the card was issued from'),
});
export type ReturnBody = z.output<typeof returnBody>;

export const consumeBody = z.object({
  quantity: z.number().int().min(1).max(1000).optional().describe('Default: everything still out on the line'),
});
export type ConsumeBody = z.output<typeof consumeBody>;

export const borrowsQuery = z.object({
  engineerId: z.uuid().optional().describe("Default: the caller's own borrows"),
  open: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type BorrowsQuery = z.output<typeof borrowsQuery>;

export const waiverBody = z.object({ reason: requiredText(500) });
