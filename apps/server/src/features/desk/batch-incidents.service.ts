import { randomUUID } from 'node:crypto';
import {
  findLiveIncident,
  getArea,
  getIncident,
  getIncidentChild,
  getWorkOrder,
  getWorkOrderByNumber,
  insertIncident,
  listIncidentChildren,
  listIncidents,
  listRecentFaultReports,
  lockIncidentClustering,
  setIncidentChildren,
  updateIncident,
  type Db,
  type IncidentChildRow,
  type StoredIncident,
  type StoredWorkOrder,
  type Tx,
} from '@daowei/db';
import {
  assertIncidentAction,
  assertLinkableChild,
  DomainError,
  incidentNumber,
  incidentProgressText,
  proposeIncidents,
  type DeskPolicy,
  type IncidentAction,
  type IncidentState,
  type Position,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { SlaService } from '../sla/sla.service.js';
import type { CallbackService } from '../callbacks/callback.service.js';
import { createIncidentFanOut } from './batch-incident-fanout.js';
import type { DeskPromises } from './desk-promises.js';
import type {
  IncidentCloseBody,
  IncidentConfirmBody,
  IncidentDismissBody,
  IncidentLinkBody,
  IncidentListQuery,
  IncidentProgressBody,
} from './batch-incidents.schemas.js';
import type { ScriptsService } from './scripts.service.js';

export type BatchIncidentService = ReturnType<typeof createBatchIncidentService>;

/** Who works incidents (the desk's intake positions) and who may read them besides. */
const DESK: readonly Position[] = ['hotline_agent', 'coordinator', 'station_manager', 'admin'];
const READERS: readonly Position[] = [...DESK, 'callback_agent', 'team_lead', 'vendor_manager', 'monitor'];

/**
 * WO-11 批量故障 on the server. A new fault order is clustered in its own transaction (per vendor, the
 * policy's count within its window, by access device then area): it joins the live incident of its
 * cluster as a proposed child, or completes a cluster and a parent incident is proposed to the desk
 * (listed on the desk's incidents page). The desk confirms or dismisses, links and unlinks, sets the
 * progress every linked child receives at once, and closes — which resolves the waiting children.
 * Vendor staff see and work their own vendor's incidents only (SEC-02).
 */
export function createBatchIncidentService({
  db,
  clock,
  deskPolicy,
  notifications,
  scripts,
  sla,
  callbacks,
  promises,
}: {
  db: Db;
  clock: Clock;
  deskPolicy: DeskPolicy;
  notifications: Pick<NotificationService, 'notify' | 'send'>;
  scripts: Pick<ScriptsService, 'assertTexts'>;
  sla?: Pick<SlaService, 'onOrderAction'> | undefined;
  callbacks?: Pick<CallbackService, 'onOrderEvent'> | undefined;
  /** SLA-05: telling a linked child's customer of the outage meets the first-contact promise. */
  promises?: Pick<DeskPromises, 'customerReached'> | undefined;
}) {
  const fanOut = createIncidentFanOut({ notifications, sla, callbacks, promises });
  const policy = deskPolicy.batchFaults;

  function requireDesk(auth: AuthContext, readOnly = false) {
    if (!(readOnly ? READERS : DESK).includes(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Batch incidents are worked by the service desk', { position: auth.position });
    }
  }

  async function visible(tx: Db, auth: AuthContext, id: string, forUpdate = false): Promise<StoredIncident> {
    const i = await getIncident(tx, auth.tenantId, id, { forUpdate });
    if (!i || (auth.vendorId && auth.vendorId !== i.vendorId)) {
      throw new DomainError('NOT_FOUND', 'Incident not found', { id });
    }
    return i;
  }

  async function detail(tx: Db, i: StoredIncident, children?: IncidentChildRow[]) {
    const rows = children ?? (await listIncidentChildren(tx, i.tenantId, [i.id]));
    const areaIds = [...new Set([i.areaId, ...rows.map((r) => r.areaId)].filter((a): a is string => !!a))];
    const areas = (await Promise.all(areaIds.map((a) => getArea(tx, i.tenantId, a)))).filter((a) => a !== null);
    return {
      ...summary(i, rows),
      children: rows.map((r) => ({
        orderId: r.orderId,
        number: r.number,
        status: r.status,
        state: r.state,
        contactName: r.contactName,
        address: r.address,
        acceptedAt: r.acceptedAt.toISOString(),
      })),
      map: {
        areas: areas.map((a) => ({ id: a.id, name: a.name, polygon: a.polygon.map(([x, y]) => [x, y]) })),
        orders: rows.flatMap((r) =>
          r.state !== 'released' && r.lat !== null && r.lng !== null
            ? [{ id: r.orderId, number: r.number, lat: r.lat, lng: r.lng }]
            : [],
        ),
      },
    };
  }

  function summary(i: StoredIncident, rows: readonly IncidentChildRow[]) {
    const count = (s: string) => rows.filter((r) => r.state === s).length;
    return {
      id: i.id,
      number: i.number,
      vendorId: i.vendorId,
      key: { kind: i.keyKind, value: i.keyValue },
      areaId: i.areaId,
      state: i.state,
      progress: i.progress,
      progressNote: i.progressNote,
      progressAt: i.progressAt?.toISOString() ?? null,
      proposedAt: i.proposedAt.toISOString(),
      decidedAt: i.decidedAt?.toISOString() ?? null,
      closedAt: i.closedAt?.toISOString() ?? null,
      closeNote: i.closeNote,
      counts: { proposed: count('proposed'), linked: count('linked'), released: count('released') },
    };
  }

  /** One desk command on a locked incident, idempotent, answering the incident's detail. */
  function command<B>(
    op: IncidentAction,
    run: (tx: Tx, auth: AuthContext, i: StoredIncident, body: B, now: Date) => Promise<unknown>,
  ) {
    return (auth: AuthContext, id: string, body: B, key: string | null) => {
      requireDesk(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: `incident.${op}`, id, body }, async () => {
          const i = await visible(tx, auth, id, true);
          assertIncidentAction(i.state, op);
          const extra = await run(tx, auth, i, body, clock.now());
          const fresh = (await getIncident(tx, auth.tenantId, id))!;
          return { ...(await detail(tx, fresh)), ...(extra && typeof extra === 'object' ? extra : {}) };
        }),
      );
    };
  }

  async function progressStep(
    tx: Db,
    auth: AuthContext,
    i: StoredIncident,
    progress: IncidentProgressBody['progress'],
    note: string | null,
    confirmFlagged: boolean,
    now: Date,
  ) {
    const text = incidentProgressText(progress, note);
    await scripts.assertTexts(tx, auth, note ? [{ field: 'body.note', text: note }] : [], confirmFlagged);
    await updateIncident(tx, auth.tenantId, i.id, { progress, progressNote: note, progressAt: now });
    const children = await listIncidentChildren(tx, auth.tenantId, [i.id]);
    const told = await fanOut.progress(tx, auth, i, children, { progress, text, note }, now);
    return { told };
  }

  async function orderToLink(tx: Db, auth: AuthContext, i: StoredIncident, body: IncidentLinkBody) {
    const order = body.orderId
      ? await getWorkOrder(tx, auth.tenantId, body.orderId)
      : await getWorkOrderByNumber(tx, auth.tenantId, body.orderNumber!);
    // Another vendor's order is not there as far as this incident is concerned (SEC-02).
    if (!order || order.vendorId !== i.vendorId) {
      throw new DomainError('NOT_FOUND', 'Work order not found', { field: body.orderId ? 'orderId' : 'orderNumber' });
    }
    assertLinkableChild(order);
    const current = await getIncidentChild(tx, auth.tenantId, order.id);
    if (current && current.incidentId !== i.id && current.state === 'linked') {
      const other = await getIncident(tx, auth.tenantId, current.incidentId);
      if (other && (other.state === 'confirmed' || other.state === 'proposed')) {
        throw new DomainError('CONFLICT', 'The order is already under another incident', {
          reason: 'incident_child_elsewhere',
          incident: other.number,
        });
      }
    }
    return order;
  }

  return {
    /**
     * Clustering hook, called by the work-order service inside a new order's transaction. Only faults;
     * serialised per vendor so two reports arriving together propose one incident.
     */
    async onFaultCreated(tx: Db, order: StoredWorkOrder, now: Date): Promise<void> {
      if (order.type !== 'fault') return;
      await lockIncidentClustering(tx, order.tenantId, order.vendorId);
      const values = { access_device: order.broadband?.accessDevice ?? null, area: order.areaId };
      for (const kind of policy.keys) {
        const value = values[kind];
        if (!value) continue;
        const live = await findLiveIncident(tx, order.tenantId, { vendorId: order.vendorId, kind, value });
        if (!live) continue;
        await setIncidentChildren(tx, order.tenantId, {
          incidentId: live.id,
          orderIds: [order.id],
          state: 'proposed',
          at: now,
          by: null,
        });
        return;
      }
      const since = new Date(now.getTime() - policy.windowMinutes * 60_000);
      const reports = await listRecentFaultReports(tx, order.tenantId, { vendorId: order.vendorId, since });
      const proposal = proposeIncidents(reports, now, policy).find((p) => p.childIds.includes(order.id));
      if (!proposal) return;
      const incident = await insertIncident(tx, order.tenantId, {
        vendorId: order.vendorId,
        number: incidentNumber(now, randomUUID()),
        keyKind: proposal.key.kind,
        keyValue: proposal.key.value,
        areaId: order.areaId,
        state: 'proposed',
        proposedAt: now,
        policyVersion: policy.version,
      });
      await setIncidentChildren(tx, order.tenantId, {
        incidentId: incident.id,
        orderIds: proposal.childIds,
        state: 'proposed',
        at: now,
        by: null,
      });
    },

    async list(auth: AuthContext, q: IncidentListQuery) {
      requireDesk(auth, true);
      const states: IncidentState[] = q.state ?? ['proposed', 'confirmed'];
      const rows = await listIncidents(db, auth.tenantId, { states, vendorId: auth.vendorId, limit: q.limit });
      const children = await listIncidentChildren(
        db,
        auth.tenantId,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((i) =>
          summary(
            i,
            children.filter((c) => c.incidentId === i.id),
          ),
        ),
      };
    },

    async get(auth: AuthContext, id: string) {
      requireDesk(auth, true);
      return detail(db, await visible(db, auth, id));
    },

    /** The desk accepts the proposal: proposed children are linked and their customers told it is known. */
    confirm: command<IncidentConfirmBody>('confirm', async (tx, auth, i, body, now) => {
      await updateIncident(tx, auth.tenantId, i.id, { state: 'confirmed', decidedBy: auth.personId, decidedAt: now });
      const children = await listIncidentChildren(tx, auth.tenantId, [i.id]);
      const proposed = children.filter((c) => c.state === 'proposed' && c.status !== 'cancelled');
      await setIncidentChildren(tx, auth.tenantId, {
        incidentId: i.id,
        orderIds: proposed.map((c) => c.orderId),
        state: 'linked',
        at: now,
        by: auth.personId,
      });
      for (const c of proposed) {
        const order = await getWorkOrder(tx, auth.tenantId, c.orderId);
        if (order) await fanOut.linkEvent(tx, auth, order, i, true, now);
      }
      const confirmed = (await getIncident(tx, auth.tenantId, i.id))!;
      return progressStep(tx, auth, confirmed, 'investigating', body.note ?? null, body.confirmFlagged, now);
    }),

    /** Not one outage after all: the children are released (and not proposed again) and worked alone. */
    dismiss: command<IncidentDismissBody>('dismiss', async (tx, auth, i, body, now) => {
      await updateIncident(tx, auth.tenantId, i.id, {
        state: 'dismissed',
        decidedBy: auth.personId,
        decidedAt: now,
        closeNote: body.reason,
      });
      const children = await listIncidentChildren(tx, auth.tenantId, [i.id]);
      await setIncidentChildren(tx, auth.tenantId, {
        incidentId: i.id,
        orderIds: children.map((c) => c.orderId),
        state: 'released',
        at: now,
        by: auth.personId,
      });
    }),

    link: command<IncidentLinkBody>('link', async (tx, auth, i, body, now) => {
      const order = await orderToLink(tx, auth, i, body);
      // Under a proposal the order joins the suggestion; under a confirmed incident it is linked.
      const state = i.state === 'confirmed' ? 'linked' : 'proposed';
      await setIncidentChildren(tx, auth.tenantId, {
        incidentId: i.id,
        orderIds: [order.id],
        state,
        at: now,
        by: auth.personId,
      });
      if (state === 'linked') await fanOut.linkEvent(tx, auth, order, i, true, now);
    }),

    unlink: (auth: AuthContext, id: string, orderId: string, key: string | null) =>
      command<{ orderId: string }>('unlink', async (tx, a, i, body, now) => {
        const child = await getIncidentChild(tx, a.tenantId, body.orderId);
        if (!child || child.incidentId !== i.id || child.state === 'released') {
          throw new DomainError('NOT_FOUND', 'The order is not a child of this incident', { orderId: body.orderId });
        }
        await setIncidentChildren(tx, a.tenantId, {
          incidentId: i.id,
          orderIds: [body.orderId],
          state: 'released',
          at: now,
          by: a.personId,
        });
        const order = await getWorkOrder(tx, a.tenantId, body.orderId);
        if (order && child.state === 'linked') await fanOut.linkEvent(tx, a, order, i, false, now);
      })(auth, id, { orderId }, key),

    progress: command<IncidentProgressBody>('progress', (tx, auth, i, body, now) =>
      progressStep(tx, auth, i, body.progress, body.note ?? null, body.confirmFlagged, now),
    ),

    /** Restored: the incident closes and each linked child is resolved by the rule. */
    close: command<IncidentCloseBody>('close', async (tx, auth, i, body, now) => {
      await scripts.assertTexts(tx, auth, [{ field: 'body.note', text: body.note }], body.confirmFlagged);
      const text = incidentProgressText('restored', body.note);
      const children = await listIncidentChildren(tx, auth.tenantId, [i.id]);
      const resolved = await fanOut.close(tx, auth, i, children, { text, note: body.note }, now);
      await updateIncident(tx, auth.tenantId, i.id, {
        state: 'closed',
        progress: 'restored',
        progressNote: body.note,
        progressAt: now,
        closedBy: auth.personId,
        closedAt: now,
        closeNote: body.note,
      });
      return { resolved };
    }),
  };
}
