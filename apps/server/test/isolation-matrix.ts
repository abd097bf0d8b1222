/**
 * The isolation matrix (issue 9, SEC-01/SEC-02): for every route of the OpenAPI description, how to
 * aim a request at somebody else's object and what must come back. isolation-matrix.test.ts runs every
 * probe as every position of tenant A / vendor A and fails for a described route without an entry here.
 *
 * A probe aims at one kind of foreign object (its `scope`):
 * - `tenant`:   objects of another tenant (foreign to everyone of tenant A);
 * - `vendor`:   objects of vendor B in the same tenant (foreign to vendor A's staff; the operator's own
 *               staff legitimately oversee every vendor of the tenant);
 * - `engineer`: an order of the same team held by another engineer (foreign to an on-site engineer).
 *
 * Whatever the status, no foreign id, number, serial, phone or external id may appear anywhere in the
 * body; besides that the probe says what status is allowed:
 * - `denied`:  403 or 404 (the other vendor's / tenant's object is answered like a missing one);
 * - `list`:    200 with a list (`items`) — or 403 when the position may not use the route at all;
 * - `empty`:   like `list`, and the list is empty;
 * - `status`:  exactly one of the given statuses.
 */
import type { Body } from './harness.js';
import { DESK_PROBES } from './isolation-matrix.desk.js';
import { COVERAGE_CLAIM_PROBES } from './isolation-matrix.coverage-claims.js';
import { BATCH_INCIDENT_PROBES } from './isolation-matrix.batch-incidents.js';
import { SHIFT_PROBES } from './isolation-matrix.shifts.js';
import { PLANNED_WORK_PROBES } from './isolation-matrix.planned-work.js';
import { ONSITE_REPORT_PROBES } from './isolation-matrix.onsite-reports.js';
import { NOTIFICATION_PROBES } from './isolation-matrix.notifications.js';
import { NOTIFY_PROBES } from './isolation-matrix.notify.js';
import { CALENDAR_PROBES } from './isolation-matrix.calendar.js';
import { KPI_PROBES } from './isolation-matrix.kpi.js';
import { COMPLAINT_PROBES } from './isolation-matrix.complaints.js';
import { EXPORT_PROBES } from './isolation-matrix.exports.js';
import { DISPATCH_PROBES } from './isolation-matrix.dispatch.js';
import { PARTS_PROBES } from './isolation-matrix.parts.js';
import type { Position } from '@daowei/domain';
import { CORE_PROBES } from './isolation-matrix.core.js';
import { WORK_ORDER_PROBES } from './isolation-matrix.work-orders.js';
import { PARTS_STOCK_PROBES } from './isolation-matrix.parts-stock.js';
import { SLA_PROBES } from './isolation-matrix.sla.js';
import { DISPATCH_PLAN_PROBES } from './isolation-matrix.dispatch-plan.js';
import { CALLBACK_PROBES } from './isolation-matrix.callbacks.js';
import { KPI_FIGURE_PROBES } from './isolation-matrix.kpi-figures.js';
import { VISIT_RECORD_PROBES } from './isolation-matrix.work-orders.js';

export type Scope = 'tenant' | 'vendor' | 'engineer';

/** The foreign objects of one scope; absent fields mean "this scope has no such object". */
export interface Foreign {
  scope: Scope;
  order: { id: string; number: string; acceptanceSerial: string; phone: string; holderId: string };
  person?: { id: string; name: string; login: string; staffNo: string; phone: string };
  areaId?: string;
  unitId?: string;
  vendorId?: string;
  externalId?: string;
}

export interface Actor {
  name: string;
  position: Position;
  /** A position this person does not hold (for PUT /api/me/position). */
  notHeld: Position;
  /** An order of the actor's own tenant and vendor, in `created` state (target of own-order probes). */
  ownOrderId: string;
}

export interface ProbeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Expectation =
  { kind: 'denied' } | { kind: 'list' } | { kind: 'empty' } | { kind: 'status'; statuses: readonly number[] };

export interface Probe {
  name: string;
  scopes: readonly Scope[];
  /** The request, or null when this scope has no object of the kind the probe needs. */
  build(f: Foreign, actor: Actor): ProbeRequest | null;
  expect: Expectation | ((f: Foreign, actor: Actor) => Expectation);
  /** A further check of the answer: null when right, else what is wrong. */
  check?(answer: { status: number; body: Body }, f: Foreign): string | null;
  /** Run on a fresh session of the actor (the probe ends its session). */
  freshSession?: boolean;
}

export { FUTURE_WINDOW, VALID_ACTION_BODIES } from './isolation-matrix.work-orders.js';

/** Route ("METHOD /openapi/path") → probes. Every route of /api/docs/json must be a key here. */
export const ISOLATION_MATRIX: Readonly<Record<string, readonly Probe[]>> = {
  ...CORE_PROBES,
  ...WORK_ORDER_PROBES,
  ...PARTS_STOCK_PROBES,
  ...SLA_PROBES,
  ...DISPATCH_PLAN_PROBES,
  ...CALLBACK_PROBES,
  ...KPI_FIGURE_PROBES,
  ...DESK_PROBES,
  ...COVERAGE_CLAIM_PROBES,
  ...BATCH_INCIDENT_PROBES,
  ...SHIFT_PROBES,
  ...PLANNED_WORK_PROBES,
  ...ONSITE_REPORT_PROBES,
  ...NOTIFICATION_PROBES,
  ...NOTIFY_PROBES,
  ...CALENDAR_PROBES,
  ...KPI_PROBES,
  ...COMPLAINT_PROBES,
  ...EXPORT_PROBES,
  ...DISPATCH_PROBES,
  ...PARTS_PROBES,
  // ENG-03/04/06, WO-14 (issue 4): the visit record is read and written through its order; only the
  // holder writes, so every probe at a foreign order is denied whatever the position.
  ...VISIT_RECORD_PROBES,
};
