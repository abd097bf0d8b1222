import {
  closeOnsiteReport,
  getForUpdate,
  getOnsiteReport,
  getOrgUnit,
  getPerson,
  getWorkOrder,
  getWorkOrders,
  insertAttachment,
  insertOnsiteReport,
  listOnsiteReports,
  listOpenOrderReportsOfKind,
  listOrderOnsiteReports,
  type Db,
  type Tx,
  type StoredOnsiteReport,
  type StoredWorkOrder,
} from '@daowei/db';
import {
  canSeeOrder,
  checkImage,
  checkReportClose,
  checkResourceChange,
  DomainError,
  isHolder,
  isOpenStatus,
  isSupervisor,
  ONSITE_REPORT_CLOCKS,
  reportKindsFor,
  reportPositions,
  type OnsiteReportKind,
  type PolicyPack,
  type Position,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { SlaService } from '../sla/sla.service.js';
import { assertNoOfflineConflict } from './offline-conflict.js';
import type { CloseReportBody, DamageBody, ReportsQuery, ResourceChangeBody } from './onsite-reports.schemas.js';
import { decodeImage } from './visit.service.js';

export type OnsiteReportsService = ReturnType<typeof createOnsiteReportsService>;

/** Positions that see every station's reports of their vendor (or, for operator staff, of the tenant). */
const WIDE: readonly Position[] = ['admin', 'vendor_manager', 'monitor', 'support'];

export function reportView(r: StoredOnsiteReport, now: Date, order?: StoredWorkOrder, raisedByName?: string | null) {
  return {
    id: r.id,
    orderId: r.orderId,
    kind: r.kind,
    state: r.state,
    details: r.details,
    attachmentIds: r.attachmentIds,
    forPosition: r.forPosition,
    dueAt: r.dueAt.toISOString(),
    overdue: r.state === 'open' && r.dueAt.getTime() <= now.getTime(),
    clockKind: r.clockKind,
    raisedBy: r.raisedBy,
    raisedByName: raisedByName ?? null,
    raisedAt: r.raisedAt.toISOString(),
    closedBy: r.closedBy,
    closedAt: r.closedAt?.toISOString() ?? null,
    closeNote: r.closeNote,
    compensationFen: r.compensationFen,
    ...(order
      ? { order: { number: order.number, type: order.type, status: order.status, address: order.address } }
      : {}),
  };
}

/**
 * WO-15 and SLA-08 filed from site, APT-03's follow-up, and closing them: each report is addressed to a
 * position with a deadline (a clock of the SLA pack where the requirement sets one), that position hears
 * of it in the inbox and lists it (overdue shown), and closing it stops its clock. Writes are one
 * transaction each with an Idempotency-Key; engineer submissions may come from the offline outbox.
 */
export function createOnsiteReportsService({
  db,
  clock,
  policy,
  sla,
  notifications,
}: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  sla: Pick<SlaService, 'startAnchored' | 'stopNamed'>;
  notifications: Pick<NotificationService, 'notify' | 'send'>;
}) {
  const visit = policy.visit;
  const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} not found`, { id });

  /** The operator's own unit above a station: where the tenant-wide resource manager works. */
  async function operatorUnitOf(tx: Db, tenantId: string, unitId: string | null): Promise<string | null> {
    let id = unitId;
    for (let hops = 0; id && hops < 8; hops++) {
      const unit = await getOrgUnit(tx, tenantId, id);
      if (!unit) return null;
      if (unit.kind === 'operator') return unit.id;
      id = unit.parentId;
    }
    return null;
  }

  /** The order, locked, for a report filed from site: its holder while open; the desk side any time. */
  async function orderForFiling(tx: Tx, auth: AuthContext, orderId: string, op: string, queuedAt: Date | null) {
    const order = await getForUpdate(tx, auth.tenantId, orderId);
    await assertNoOfflineConflict(tx, auth, order, op, queuedAt); // ENG-07
    if (!order || !canSeeOrder(order, viewerOf(auth))) throw notFound('Work order', orderId);
    const holder = isHolder(order, viewerOf(auth));
    if (holder && !isOpenStatus(order.status)) {
      throw new DomainError('WO_INVALID_TRANSITION', `The order is ${order.status}: the visit record is closed`, {
        status: order.status,
      });
    }
    if (!holder && !isSupervisor(auth.position)) {
      throw new DomainError('WO_NOT_HOLDER', 'Only the engineer holding the order or the station files this', {
        id: orderId,
      });
    }
    return { order, holder };
  }

  async function tellPosition(
    tx: Db,
    tenantId: string,
    report: StoredOnsiteReport,
    order: StoredWorkOrder,
    unitId: string | null,
  ) {
    if (!unitId) return;
    await notifications.notify(tx, tenantId, {
      recipient: { position: report.forPosition, unitId },
      kind: `visit.${report.kind}`,
      orderId: order.id,
      payload: { number: order.number, reportId: report.id, dueAt: report.dueAt.toISOString() },
      dedupeKey: `visit.report:${report.id}`,
    });
  }

  /** The SLA pack's deadline for a report started at `at` (the stored clock's if the order has one). */
  async function clockDue(tx: Db, order: StoredWorkOrder, kind: OnsiteReportKind, at: Date, now: Date) {
    const c = ONSITE_REPORT_CLOCKS[kind];
    if (!c) return { dueAt: now, clockKind: null };
    const [started] = await sla.startAnchored(tx, order, c.anchor, at, now);
    // Without a clock for it in the tenant's SLA pack, the report is due at once (nothing allows more).
    return { dueAt: started?.dueAt ?? at, clockKind: started?.kind ?? null };
  }

  /** Station staff see their station's reports, vendor staff their vendor's, operator staff the tenant's. */
  function scopeOf(auth: AuthContext) {
    const wide = WIDE.includes(auth.position) || auth.vendorId === null;
    return { vendorId: auth.vendorId, unitIds: wide ? null : auth.unitIds };
  }

  return {
    /** WO-15: network resources changed on site → the resource manager's report, with its SLA clock. */
    async fileResourceChange(
      auth: AuthContext,
      orderId: string,
      body: ResourceChangeBody,
      key: string | null,
      queuedAt: Date | null,
    ) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'resource-change', orderId, body }, async () => {
          const { order } = await orderForFiling(tx, auth, orderId, 'resource_change', queuedAt);
          const now = clock.now();
          const changedAt = body.changedAt ?? queuedAt ?? now;
          checkResourceChange(visit, { changeKind: body.changeKind, changedAt }, now);
          const { dueAt, clockKind } = await clockDue(tx, order, 'resource_change', changedAt, now);
          const report = await insertOnsiteReport(tx, auth.tenantId, {
            orderId: order.id,
            vendorId: order.vendorId,
            stationId: order.stationId,
            kind: 'resource_change',
            state: 'open',
            details: {
              changeKind: body.changeKind,
              description: body.description,
              before: body.before ?? null,
              after: body.after ?? null,
              changedAt: changedAt.toISOString(),
            },
            attachmentIds: [],
            forPosition: 'resource_manager',
            forUnitId: null,
            dueAt,
            clockKind,
            raisedBy: auth.personId,
            raisedAt: now,
          });
          await tellPosition(
            tx,
            auth.tenantId,
            report,
            order,
            await operatorUnitOf(tx, auth.tenantId, order.stationId),
          );
          return reportView(report, now, order);
        }),
      );
    },

    /** SLA-08: damage to the customer's property — what and a photo; the 48 h compensation clock starts. */
    async fileDamage(auth: AuthContext, orderId: string, body: DamageBody, key: string | null, queuedAt: Date | null) {
      const photo = body.photo === undefined ? null : decodeImage(body.photo);
      const photoType = photo ? checkImage(visit, photo, 'photo') : null;
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'damage', orderId, body }, async () => {
          const { order, holder } = await orderForFiling(tx, auth, orderId, 'damage', queuedAt);
          if (holder && !photo) {
            throw new DomainError('VALIDATION_FAILED', 'Take a photo of the damage', { field: 'photo' });
          }
          const now = clock.now();
          const attachment =
            photo && photoType
              ? await insertAttachment(tx, auth.tenantId, {
                  orderId: order.id,
                  kind: 'photo',
                  contentType: photoType,
                  data: photo,
                  caption: body.item.slice(0, 200),
                  uploadedBy: auth.personId,
                  uploadedAt: now,
                })
              : null;
          const { dueAt, clockKind } = await clockDue(tx, order, 'damage', now, now);
          const report = await insertOnsiteReport(tx, auth.tenantId, {
            orderId: order.id,
            vendorId: order.vendorId,
            stationId: order.stationId,
            kind: 'damage',
            state: 'open',
            details: {
              item: body.item,
              description: body.description,
              estimatedFen: body.estimatedFen ?? null,
              customerPresent: body.customerPresent ?? null,
            },
            attachmentIds: attachment ? [attachment.id] : [],
            forPosition: visit.damage.settlePositions[0] ?? 'station_manager',
            forUnitId: order.stationId,
            dueAt,
            clockKind,
            raisedBy: auth.personId,
            raisedAt: now,
          });
          await tellPosition(tx, auth.tenantId, report, order, order.stationId);
          return reportView(report, now, order);
        }),
      );
    },

    /** A position's list: the kinds it works, open (earliest due first) or closed (latest first). */
    async list(auth: AuthContext, q: ReportsQuery) {
      const kinds = reportKindsFor(visit, auth.position).filter((k) => !q.kind || k === q.kind);
      if (kinds.length === 0) {
        throw new DomainError('FORBIDDEN', 'This position does not work on-site reports of this kind', {
          position: auth.position,
        });
      }
      const now = clock.now();
      const rows = await listOnsiteReports(db, auth.tenantId, {
        kinds,
        state: q.state,
        ...scopeOf(auth),
        limit: q.limit,
      });
      const orders = new Map(
        (await getWorkOrders(db, auth.tenantId, [...new Set(rows.map((r) => r.orderId))])).map((o) => [o.id, o]),
      );
      const names = new Map<string, string | null>();
      for (const id of new Set(rows.map((r) => r.raisedBy))) {
        names.set(id, (await getPerson(db, auth.tenantId, id))?.name ?? null);
      }
      return {
        now: now.toISOString(),
        items: rows.map((r) => reportView(r, now, orders.get(r.orderId), names.get(r.raisedBy))),
      };
    },

    /** The reports of one order, for anyone who may see the order. */
    async forOrder(auth: AuthContext, orderId: string) {
      const order = await getWorkOrder(db, auth.tenantId, orderId);
      if (!order || !canSeeOrder(order, viewerOf(auth))) throw notFound('Work order', orderId);
      const now = clock.now();
      return { items: (await listOrderOnsiteReports(db, auth.tenantId, orderId)).map((r) => reportView(r, now)) };
    },

    /** Acknowledged (WO-15), compensation settled (SLA-08) or followed up (APT-03): the clock stops. */
    async close(auth: AuthContext, id: string, body: CloseReportBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'onsite-report-close', id, body }, async () => {
          const report = await getOnsiteReport(tx, auth.tenantId, id, { forUpdate: true });
          const scope = scopeOf(auth);
          const inScope =
            report &&
            (!scope.vendorId || report.vendorId === scope.vendorId) &&
            (!scope.unitIds || report.forUnitId === null || scope.unitIds.includes(report.forUnitId)) &&
            reportPositions(visit, report.kind).includes(auth.position);
          if (!report || !inScope) throw notFound('Report', id);
          checkReportClose(visit, report, auth.position, body);
          const now = clock.now();
          const closed = await closeOnsiteReport(tx, auth.tenantId, id, {
            closedBy: auth.personId,
            closedAt: now,
            closeNote: body.note,
            compensationFen: body.compensationFen ?? null,
          });
          if (!closed) throw new DomainError('CONFLICT', 'This report is already closed', { id });
          const stop = ONSITE_REPORT_CLOCKS[report.kind];
          const order = await getWorkOrder(tx, auth.tenantId, report.orderId);
          // One clock per kind and order: it stops when the order's last open report of the kind closes.
          if (
            stop &&
            order &&
            (await listOpenOrderReportsOfKind(tx, auth.tenantId, order.id, report.kind)).length === 0
          ) {
            await sla.stopNamed(tx, order, stop.stopOn, now);
          }
          return reportView(closed, now, order ?? undefined);
        }),
      );
    },
  };
}
