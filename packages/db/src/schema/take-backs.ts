import { check, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { partUnits } from './parts.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/**
 * WO-13 take-back repair 拉修/带回: the customer's device leaves with a signed receipt (configuration
 * and data noted, a promised return date); a loaner unit may be left meanwhile. On return the customer
 * signs again and the loaner comes home (ledger rows recover + return, same transaction).
 */
export const takeBacks = pgTable(
  'take_backs',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    device: text('device').notNull(),
    serial: text('serial'),
    configNotes: text('config_notes').notNull(),
    dataNotes: text('data_notes').notNull(),
    promisedReturnDate: date('promised_return_date', { mode: 'string' }).notNull(),
    receiptSignature: text('receipt_signature').notNull(),
    loanerUnitId: uuid('loaner_unit_id'),
    takenBy: uuid('taken_by').notNull(),
    takenAt: timestamptz('taken_at').notNull(),
    status: text('status').$type<'out' | 'returned'>().notNull(),
    returnedBy: uuid('returned_by'),
    returnedAt: timestamptz('returned_at'),
    returnSignature: text('return_signature'),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('take_backs_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('take_backs_loaner_fk', { tenantId: t.tenantId, column: t.loanerUnitId }, partUnits),
    sameTenant('take_backs_taken_by_fk', { tenantId: t.tenantId, column: t.takenBy }, people),
    sameTenant('take_backs_returned_by_fk', { tenantId: t.tenantId, column: t.returnedBy }, people),
    index('take_backs_order_idx').on(t.tenantId, t.orderId),
    check('take_backs_status_check', sql`${t.status} in ('out', 'returned')`),
    check(
      'take_backs_returned_check',
      sql`(${t.status} = 'returned') = (${t.returnedAt} is not null and ${t.returnSignature} is not null)`,
    ),
  ],
);
