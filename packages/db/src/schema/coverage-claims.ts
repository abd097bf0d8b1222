import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import {
  COVERAGE_CLAIM_KINDS,
  COVERAGE_CLAIM_STATES,
  type CoverageClaimKind,
  type CoverageClaimState,
} from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/**
 * WO-09 / WO-10: an engineer's claim that an order's address is not covered or needs a network
 * supplement, the supervisor's decision, the 7-day deadline of a confirmed claim and its close.
 * One open (claimed or confirmed) claim per order.
 */
export const coverageClaims = pgTable(
  'coverage_claims',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    kind: text('kind').$type<CoverageClaimKind>().notNull(),
    state: text('state').$type<CoverageClaimState>().notNull(),
    claimedBy: uuid('claimed_by').notNull(),
    claimedAt: timestamptz('claimed_at').notNull(),
    reason: text('reason').notNull(),
    dropCableM: integer('drop_cable_m'),
    demandConfirmed: boolean('demand_confirmed'),
    /** The map disagreed with the claim when it was filed (an "uncovered" address inside an area). */
    contradictsMap: boolean('contradicts_map').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamptz('decided_at'),
    decisionNote: text('decision_note'),
    /** The 7-day deadline of a confirmed claim (SLA pack clock uncovered_contact / network_supplement). */
    dueAt: timestamptz('due_at'),
    /** The VND-01 case a false claim was recorded as. */
    assessmentCaseId: uuid('assessment_case_id'),
    closedAt: timestamptz('closed_at'),
    closedBy: uuid('closed_by'),
    closeNote: text('close_note'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('coverage_claims_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('coverage_claims_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('coverage_claims_claimed_by_fk', { tenantId: t.tenantId, column: t.claimedBy }, people),
    sameTenant('coverage_claims_decided_by_fk', { tenantId: t.tenantId, column: t.decidedBy }, people),
    sameTenant('coverage_claims_closed_by_fk', { tenantId: t.tenantId, column: t.closedBy }, people),
    index('coverage_claims_order_idx').on(t.tenantId, t.orderId),
    index('coverage_claims_queue_idx').on(t.tenantId, t.state, t.dueAt),
    check('coverage_claims_kind_check', oneOf(t.kind, COVERAGE_CLAIM_KINDS)),
    check('coverage_claims_state_check', oneOf(t.state, COVERAGE_CLAIM_STATES)),
    check('coverage_claims_drop_check', sql`${t.dropCableM} is null or ${t.dropCableM} >= 0`),
  ],
);
