import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Satisfaction } from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

export const CALLBACK_TASK_STATES = ['open', 'done', 'unreachable'] as const;
export type CallbackTaskState = (typeof CALLBACK_TASK_STATES)[number];

export const CALLBACK_ATTEMPT_RESULTS = ['reached', 'no_answer', 'busy', 'call_back_later'] as const;
export type CallbackAttemptResult = (typeof CALLBACK_ATTEMPT_RESULTS)[number];

/** CB-02: the improvement action a dissatisfied callback records, as stored. */
export interface StoredImprovementAction {
  ownerId: string;
  measure: string;
  dueDate: string;
}

/**
 * CB-01/02: one callback an order owes. Created by the rules (domain `callbackTasksFor`) when the order
 * event happens, in the order's transaction, keeping the rule set id and version it was made with.
 * vendor/station/type are copied from the order so the agent's queue is an index scan on this table.
 * One OPEN task per (order, rule): a replayed completion queues nothing twice, while an order reopened
 * and completed again after its callback gets a new one.
 */
export const callbackTasks = pgTable(
  'callback_tasks',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    vendorId: uuid('vendor_id').notNull(),
    stationId: uuid('station_id'),
    /** Domain idempotency key: `<orderId>:<ruleKey>`. */
    key: text('key').notNull(),
    kind: text('kind').$type<'satisfaction' | 'spot_check'>().notNull(),
    ruleKey: text('rule_key').notNull(),
    ruleId: text('rule_id').notNull(),
    rulesId: text('rules_id').notNull(),
    rulesVersion: integer('rules_version').notNull(),
    reason: jsonb('reason').$type<{ 'zh-CN': string; en: string }>().notNull(),
    /** The order event's instant (the task's business creation time). */
    raisedAt: timestamptz('raised_at').notNull(),
    notBefore: timestamptz('not_before').notNull(),
    dueAt: timestamptz('due_at').notNull(),
    blocksClose: boolean('blocks_close').notNull(),
    state: text('state').$type<CallbackTaskState>().notNull(),
    /** Unanswered attempts so far (no answer, busy); "call back later" does not count. */
    unansweredAttempts: integer('unanswered_attempts').notNull().default(0),
    /** The customer asked to be called at this time. */
    callBackAt: timestamptz('call_back_at'),
    satisfaction: text('satisfaction').$type<Satisfaction>(),
    problemSolved: boolean('problem_solved'),
    rootCause: text('root_cause'),
    suggestion: text('suggestion'),
    remark: text('remark'),
    improvementAction: jsonb('improvement_action').$type<StoredImprovementAction>(),
    /** CB-03 spot-check answer: does the vendor's report match what the customer says? */
    spotCheckMatches: boolean('spot_check_matches'),
    vendorReport: text('vendor_report'),
    truth: text('truth'),
    /** CB-03 → VND-01: the assessment case a mismatch recorded. */
    assessmentCaseId: uuid('assessment_case_id'),
    /** The domain's consequence kind (close_allowed, reopen, revisit, unreachable). */
    consequence: text('consequence'),
    finishedAt: timestamptz('finished_at'),
    finishedBy: uuid('finished_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    unique('callback_tasks_tenant_id_unique').on(t.tenantId, t.id),
    uniqueIndex('callback_tasks_open_key_unique')
      .on(t.tenantId, t.key)
      .where(sql`${t.state} = 'open'`),
    sameTenant('callback_tasks_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('callback_tasks_finished_by_fk', { tenantId: t.tenantId, column: t.finishedBy }, people),
    // The agent's queue: open tasks of a tenant, due first.
    index('callback_tasks_queue_idx').on(t.tenantId, t.state, t.dueAt, t.id),
    index('callback_tasks_order_idx').on(t.tenantId, t.orderId),
    check('callback_tasks_state_check', oneOf(t.state, CALLBACK_TASK_STATES)),
    check('callback_tasks_kind_check', sql`${t.kind} in ('satisfaction', 'spot_check')`),
    check('callback_tasks_due_check', sql`${t.dueAt} > ${t.notBefore}`),
  ],
);

/** CB-02: every call made for a task, append-only, numbered per task. */
export const callbackAttempts = pgTable(
  'callback_attempts',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    taskId: uuid('task_id').notNull(),
    seq: integer('seq').notNull(),
    result: text('result').$type<CallbackAttemptResult>().notNull(),
    callBackAt: timestamptz('call_back_at'),
    note: text('note'),
    actorId: uuid('actor_id').notNull(),
    at: timestamptz('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('callback_attempts_task_seq_unique').on(t.taskId, t.seq),
    sameTenant('callback_attempts_task_fk', { tenantId: t.tenantId, column: t.taskId }, callbackTasks),
    sameTenant('callback_attempts_actor_fk', { tenantId: t.tenantId, column: t.actorId }, people),
    check('callback_attempts_result_check', oneOf(t.result, CALLBACK_ATTEMPT_RESULTS)),
  ],
);
