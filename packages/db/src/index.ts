/**
 * @daowei/db — schema, migrations, the client for PGlite or PostgreSQL, and the repositories (the only
 * code that writes SQL). Every repository function takes a `Db` (or a transaction) and the tenant id.
 */
export * from './client.js';
export * from './migrate.js';
export * from './data-dir-lock.js';
export * as schema from './schema/index.js';
export * from './mappers/work-order.mapper.js';
export * from './mappers/org.mapper.js';
export * from './mappers/event.mapper.js';
export * from './repositories/org.repository.js';
export * from './repositories/people.repository.js';
export * from './repositories/external-account.repository.js';
export * from './repositories/session.repository.js';
export * from './repositories/customer.repository.js';
export * from './repositories/work-order.repository.js';
export * from './repositories/work-order-list.repository.js';
export * from './repositories/event.repository.js';
export * from './repositories/idempotency.repository.js';
export * from './repositories/login-failure.repository.js';
export * from './demo/index.js';
export * from './maintenance.js';
export * from './repositories/parts.repository.js';
export * from './repositories/stock.repository.js';
export * from './repositories/borrow.repository.js';
export * from './mappers/sla-clock.mapper.js';
export * from './repositories/sla-clock.repository.js';
export * from './repositories/visit.repository.js';
export * from './repositories/dispatch.repository.js';
export * from './repositories/callback.repository.js';
export * from './repositories/assessment.repository.js';
export { ASSESSMENT_CASE_STATES } from './schema/assessment.js';
export type { AssessmentCaseState, StoredCaseLine } from './schema/assessment.js';
export { CALLBACK_ATTEMPT_RESULTS, CALLBACK_TASK_STATES } from './schema/callbacks.js';
export type { CallbackAttemptResult, CallbackTaskState, StoredImprovementAction } from './schema/callbacks.js';
export * from './repositories/self-service.repository.js';
export * from './repositories/customer-history.repository.js';
export * from './repositories/desk.repository.js';
export * from './repositories/carry-in.repository.js';
export * from './repositories/notification.repository.js';
export * from './repositories/calendar.repository.js';
export * from './repositories/planned-visit.repository.js';
export * from './repositories/appointment.repository.js';
export { APPOINTMENT_CALL_OUTCOMES } from './schema/dispatch.js';
export type { AppointmentCallOutcome, PlannedVisitSource } from './schema/dispatch.js';
export * from './repositories/export-log.repository.js';
