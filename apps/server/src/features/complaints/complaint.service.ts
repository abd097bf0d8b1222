import {
  getComplaintByOrder,
  getComplaintByOrderForUpdate,
  getForUpdate,
  getPeople,
  getPerson,
  getWorkOrder,
  getWorkOrders,
  insertComplaint,
  listAreas,
  listCallbackTasksOfOrders,
  listComplaints,
  listComplaintSheets,
  updateComplaint,
  type ComplaintChanges,
  type Db,
  type StoredCallbackTask,
  type StoredComplaint,
  type StoredWorkOrder,
  type Tx,
} from '@daowei/db';
import {
  canCloseComplaint,
  canSeeOrder,
  checkResponsibility,
  COMPLAINT_POSITIONS,
  complaintPatterns,
  DomainError,
  isSupervisor,
  LIFECYCLE,
  STAFF_LOG_POSITIONS,
  topPatterns,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import { createOrderReader } from '../work-orders/work-order.reader.js';
import { closeComplaintWithOrder, closingCallbackOf, complaintRecordOf } from './complaint-closure.js';
import type {
  ComplaintListQuery,
  ComplaintSaveBody,
  ManagerNoteBody,
  PatternQuery,
  StaffLogQuery,
} from './complaint.schemas.js';

export type ComplaintService = ReturnType<typeof createComplaintService>;

const forbid = (message: string, auth: AuthContext): never => {
  throw new DomainError('FORBIDDEN', message, { position: auth.position });
};

/**
 * CMP-01/02 on the server: each complaint order has a follow-up sheet (opened on first save) that
 * records what the complaint was about, the three principles and the closure; the sheet closes only
 * with its closing callback done (closeComplaintWithOrder, also run by the order's lifecycle close).
 * Complaints about staff form the station manager's log; patterns count per person or area.
 */
export function createComplaintService({
  db,
  clock,
  workOrders,
}: {
  db: Db;
  clock: Clock;
  workOrders: Pick<WorkOrderService, 'actIn'>;
}) {
  const reader = createOrderReader(db);

  function requireReader(auth: AuthContext) {
    if (!isSupervisor(auth.position)) forbid('Complaints are read by the desk and managers', auth);
  }

  /** The complaint order, if the caller may see it (else NOT_FOUND, SEC-02), and it is a complaint. */
  async function complaintOrder(tx: Db, auth: AuthContext, orderId: string, lock = false) {
    const order = lock
      ? await getForUpdate(tx as Tx, auth.tenantId, orderId)
      : await getWorkOrder(tx, auth.tenantId, orderId);
    if (!order || !canSeeOrder(order, viewerOf(auth))) {
      throw new DomainError('NOT_FOUND', 'Work order not found', { id: orderId });
    }
    if (order.type !== 'complaint') {
      throw new DomainError('VALIDATION_FAILED', 'This order is not a complaint', { field: 'orderId' });
    }
    return order;
  }

  /** A person the sheet names: of this tenant, and of the caller's vendor for vendor staff. */
  async function checkPerson(tx: Db, auth: AuthContext, personId: string | null | undefined, field: string) {
    if (!personId) return;
    const p = await getPerson(tx, auth.tenantId, personId);
    if (!p || (auth.vendorId && p.vendorId !== auth.vendorId)) {
      throw new DomainError('VALIDATION_FAILED', 'No such person', { field });
    }
  }

  function present(
    order: StoredWorkOrder,
    view: unknown,
    sheet: StoredComplaint | null,
    tasks: readonly StoredCallbackTask[],
  ) {
    const callback = closingCallbackOf(tasks, order.id);
    const verdict = canCloseComplaint(complaintRecordOf(order, sheet, callback));
    return {
      orderId: order.id,
      order: view,
      opened: sheet !== null,
      state: sheet?.state ?? 'open',
      about: sheet ? { kind: sheet.aboutKind, personId: sheet.aboutPersonId } : null,
      fixedWithCustomer: sheet?.fixedWithCustomer ?? false,
      responsibility: sheet?.responsibleParty
        ? { party: sheet.responsibleParty, personId: sheet.responsiblePersonId }
        : null,
      causeAnalysis: sheet?.causeAnalysis ?? null,
      improvementMeasure: sheet?.improvementMeasure ?? null,
      callback: callback
        ? {
            taskId: callback.id,
            state: callback.state,
            satisfaction: callback.satisfaction,
            dueAt: callback.dueAt.toISOString(),
            finishedAt: callback.finishedAt?.toISOString() ?? null,
          }
        : null,
      missing:
        sheet?.state === 'closed'
          ? []
          : [...(sheet ? [] : ['follow_up_sheet' as const]), ...(verdict.ok ? [] : verdict.missing)],
      closedAt: sheet?.closedAt?.toISOString() ?? null,
      closedBy: sheet?.closedBy ?? null,
      managerNote: sheet?.managerNote ?? null,
      managerNotedAt: sheet?.managerNotedAt?.toISOString() ?? null,
      managerNotedBy: sheet?.managerNotedBy ?? null,
      history: sheet?.history ?? [],
    };
  }

  async function presentMany(
    tx: Db,
    auth: AuthContext,
    rows: { order: StoredWorkOrder; sheet: StoredComplaint | null }[],
  ) {
    const viewer = viewerOf(auth);
    const visible = rows.filter((r) => canSeeOrder(r.order, viewer));
    const views = await reader.views(
      tx,
      viewer,
      visible.map((r) => r.order),
    );
    const tasks = await listCallbackTasksOfOrders(
      tx,
      auth.tenantId,
      visible.map((r) => r.order.id),
    );
    return visible.map((r, i) => present(r.order, views[i], r.sheet, tasks));
  }

  async function one(tx: Db, auth: AuthContext, order: StoredWorkOrder) {
    const sheet = await getComplaintByOrder(tx, auth.tenantId, order.id);
    const [item] = await presentMany(tx, auth, [{ order, sheet }]);
    return item!;
  }

  /** Stations whose log the caller reads: a station manager their own units; others all (or one named). */
  function logStations(auth: AuthContext, stationId: string | undefined): readonly string[] | undefined {
    if (auth.position === 'station_manager') {
      if (stationId && !auth.unitIds.includes(stationId))
        forbid('A station manager reads their own station’s log', auth);
      return stationId ? [stationId] : auth.unitIds;
    }
    return stationId ? [stationId] : undefined;
  }

  return {
    /** CMP-01: complaint orders of the period with their sheets, newest first; every complaint shows. */
    async list(auth: AuthContext, q: ComplaintListQuery) {
      requireReader(auth);
      const rows = await listComplaints(db, auth.tenantId, {
        from: new Date(q.from),
        to: new Date(q.to),
        vendorId: auth.vendorId,
        ...(q.stationId ? { stationIds: [q.stationId] } : {}),
        ...(q.areaId ? { areaId: q.areaId } : {}),
        ...(q.state !== 'all' ? { state: q.state } : {}),
        ...(q.aboutKind ? { aboutKind: q.aboutKind } : {}),
        ...(q.personId ? { personId: q.personId } : {}),
        limit: q.limit,
      });
      return { items: await presentMany(db, auth, rows) };
    },

    async get(auth: AuthContext, orderId: string) {
      requireReader(auth);
      return one(db, auth, await complaintOrder(db, auth, orderId));
    },

    /** CMP-01: saves the sheet (opening it on first save); a closed sheet is not changed (CMP_CLOSED). */
    async save(auth: AuthContext, orderId: string, body: ComplaintSaveBody, key: string | null) {
      if (!COMPLAINT_POSITIONS.includes(auth.position))
        forbid('Complaints are followed up by the desk and managers', auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'complaint.save', orderId, body }, async () => {
          const order = await complaintOrder(tx, auth, orderId);
          const now = clock.now();
          await checkPerson(tx, auth, body.about?.personId, 'about.personId');
          await checkPerson(tx, auth, body.responsibility?.personId, 'responsibility.personId');
          if (body.responsibility) checkResponsibility(body.responsibility);
          const changes: ComplaintChanges = {
            ...(body.about ? { aboutKind: body.about.kind, aboutPersonId: body.about.personId ?? null } : {}),
            ...(body.fixedWithCustomer !== undefined ? { fixedWithCustomer: body.fixedWithCustomer } : {}),
            ...(body.responsibility !== undefined
              ? {
                  responsibleParty: body.responsibility?.party ?? null,
                  responsiblePersonId: body.responsibility?.personId ?? null,
                }
              : {}),
            ...(body.causeAnalysis !== undefined ? { causeAnalysis: body.causeAnalysis || null } : {}),
            ...(body.improvementMeasure !== undefined ? { improvementMeasure: body.improvementMeasure || null } : {}),
          };
          const existing = await getComplaintByOrderForUpdate(tx, auth.tenantId, order.id);
          const change = { at: now.toISOString(), by: auth.personId, fields: { ...changes } };
          if (!existing) {
            if (!body.about) {
              throw new DomainError('VALIDATION_FAILED', 'Say what the complaint is about to open its sheet', {
                field: 'about',
              });
            }
            await insertComplaint(tx, auth.tenantId, {
              orderId: order.id,
              vendorId: order.vendorId,
              stationId: order.stationId,
              areaId: order.areaId,
              acceptedAt: order.acceptedAt,
              aboutKind: body.about.kind,
              ...changes,
              history: [{ ...change, action: 'opened' }],
            });
          } else {
            if (existing.state === 'closed') {
              throw new DomainError('CMP_CLOSED', 'This complaint is closed', { orderId: order.id });
            }
            // The history names what really changed (a form sends every field on each save).
            const changed = Object.fromEntries(
              Object.entries(changes).filter(([k, v]) => existing[k as keyof typeof changes] !== v),
            );
            if (Object.keys(changed).length > 0) {
              await updateComplaint(tx, auth.tenantId, existing.id, changed, {
                ...change,
                fields: changed,
                action: 'updated',
              });
            }
          }
          return one(tx, auth, order);
        }),
      );
    },

    /**
     * CMP-01: closes the complaint — the sheet and, when its work is finished, the order itself through
     * the lifecycle (same transaction, hash-chained event). Refused 409 CMP_CLOSE_INCOMPLETE with the list.
     */
    async close(auth: AuthContext, orderId: string, key: string | null) {
      if (!LIFECYCLE.close.positions.includes(auth.position))
        forbid('Complaints are closed by the closing positions', auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'complaint.close', orderId }, async () => {
          const order = await complaintOrder(tx, auth, orderId, true);
          if (order.status === 'completed' || order.status === 'callback') {
            // The lifecycle's close runs closeComplaintWithOrder (work-order.service) and closes the sheet.
            await workOrders.actIn(tx, auth, order.id, { action: 'close' });
          } else {
            await closeComplaintWithOrder(tx, auth, order, clock.now());
          }
          return one(tx, auth, (await getWorkOrder(tx, auth.tenantId, order.id))!);
        }),
      );
    },

    /** CMP-02: the station manager's log — complaints about staff of their stations, in the period. */
    async staffLog(auth: AuthContext, q: StaffLogQuery) {
      if (!STAFF_LOG_POSITIONS.includes(auth.position))
        forbid('The staff complaint log is the station manager’s', auth);
      const sheets = (
        await listComplaintSheets(db, auth.tenantId, {
          from: new Date(q.from),
          to: new Date(q.to),
          vendorId: auth.vendorId,
          aboutKind: 'staff',
          ...(logStations(auth, q.stationId) ? { stationIds: logStations(auth, q.stationId)! } : {}),
        })
      ).filter(
        (s) =>
          (!q.personId || s.aboutPersonId === q.personId) &&
          (q.noted === 'all' || (q.noted === 'yes') === (s.managerNotedAt !== null)),
      );
      const orders = await getWorkOrders(
        db,
        auth.tenantId,
        sheets.map((s) => s.orderId),
      );
      const byId = new Map(orders.map((o) => [o.id, o]));
      const rows = sheets
        .map((s) => ({ order: byId.get(s.orderId)!, sheet: s }))
        .filter((r) => r.order)
        .reverse();
      const people = await getPeople(db, auth.tenantId, [...new Set(sheets.map((s) => s.aboutPersonId!))]);
      const name = new Map(people.map((p) => [p.id, p.name]));
      const items = await presentMany(db, auth, rows);
      return { items: items.map((i) => ({ ...i, personName: name.get(i.about!.personId!) ?? null })) };
    },

    /** CMP-02: the station manager records the follow-up with the person (kept in the sheet's history). */
    async managerNote(auth: AuthContext, orderId: string, body: ManagerNoteBody, key: string | null) {
      if (!STAFF_LOG_POSITIONS.includes(auth.position))
        forbid('The staff complaint log is the station manager’s', auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'complaint.manager-note', orderId, body }, async () => {
          const order = await complaintOrder(tx, auth, orderId);
          const sheet = await getComplaintByOrderForUpdate(tx, auth.tenantId, order.id);
          if (!sheet || sheet.aboutKind !== 'staff') {
            throw new DomainError('NOT_FOUND', 'No complaint about staff on this order', { orderId });
          }
          if (auth.position === 'station_manager' && !(sheet.stationId && auth.unitIds.includes(sheet.stationId))) {
            throw new DomainError('NOT_FOUND', 'No complaint about staff on this order', { orderId });
          }
          const now = clock.now();
          await updateComplaint(
            tx,
            auth.tenantId,
            sheet.id,
            { managerNote: body.note, managerNotedAt: now, managerNotedBy: auth.personId },
            { at: now.toISOString(), by: auth.personId, action: 'manager_noted', fields: { managerNote: body.note } },
          );
          return one(tx, auth, order);
        }),
      );
    },

    /** CMP-02: complaints per person (about or responsible) or per area in the period, the top N. */
    async patterns(auth: AuthContext, q: PatternQuery) {
      requireReader(auth);
      const period = { from: new Date(q.from), to: new Date(q.to) };
      const stations =
        auth.position === 'station_manager' ? logStations(auth, q.stationId) : q.stationId ? [q.stationId] : undefined;
      const sheets = await listComplaintSheets(db, auth.tenantId, {
        ...period,
        vendorId: auth.vendorId,
        ...(stations ? { stationIds: stations } : {}),
      });
      // Patterns need what the sheet holds (about, responsibility, area, acceptance), not the order row.
      const asOrder = (s: StoredComplaint) =>
        ({ ...s, id: s.orderId, type: 'complaint', status: 'created' }) as unknown as StoredWorkOrder;
      const records = sheets.map((s) => complaintRecordOf(asOrder(s), s, null));
      const orderOf = new Map(sheets.map((s) => [s.id, s.orderId]));
      const all = complaintPatterns(records, q.by, period);
      const top = topPatterns(all, q.top);
      const names = new Map<string, string>();
      if (q.by === 'person') {
        for (const p of await getPeople(
          db,
          auth.tenantId,
          top.map((t) => t.key),
        ))
          names.set(p.id, p.name);
      } else {
        for (const a of await listAreas(db, auth.tenantId)) names.set(a.id, a.name);
      }
      return {
        by: q.by,
        period: { from: period.from.toISOString(), to: period.to.toISOString() },
        total: sheets.length,
        items: top.map((t) => ({
          key: t.key,
          name: names.get(t.key) ?? null,
          count: t.count,
          orderIds: t.complaintIds.map((id) => orderOf.get(id) ?? id),
        })),
      };
    },
  };
}
