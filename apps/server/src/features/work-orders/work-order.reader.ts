import {
  getPeople,
  listAreas,
  listEvents,
  listLinkedOrders,
  listOrgUnits,
  type Db,
  type StoredWorkOrder,
} from '@daowei/db';
import { availableActions, canSeeOrder, type Viewer } from '@daowei/domain';
import { presentOrder, type OrderNames } from './work-order.presenter.js';

/**
 * Read side of work orders: turns stored orders into what a viewer sees — names beside ids, masked
 * phones, the history, the actions the viewer may take now, linked orders.
 */
export function createOrderReader(_db: Db) {
  async function namesFor(db: Db, tenantId: string, orders: readonly StoredWorkOrder[]): Promise<OrderNames[]> {
    const personIds = new Set<string>();
    for (const o of orders) {
      if (o.holderId) personIds.add(o.holderId);
      if (o.offeredToPersonId) personIds.add(o.offeredToPersonId);
    }
    const needUnits = orders.some((o) => o.offeredToUnitId);
    const needAreas = orders.some((o) => o.areaId);
    // Sequential on purpose: `db` may be a transaction, whose single connection must not be given
    // overlapping queries (node-postgres deprecates it and pg 9 refuses it).
    const people = personIds.size ? await getPeople(db, tenantId, [...personIds]) : [];
    const units = needUnits ? await listOrgUnits(db, tenantId) : [];
    const areas = needAreas ? await listAreas(db, tenantId) : [];
    const person = new Map(people.map((p) => [p.id, p.name]));
    const unit = new Map(units.map((u) => [u.id, u.name]));
    const area = new Map(areas.map((a) => [a.id, a.name]));
    return orders.map((o) => ({
      holderName: o.holderId ? (person.get(o.holderId) ?? null) : null,
      offeredToName: o.offeredToPersonId
        ? (person.get(o.offeredToPersonId) ?? null)
        : o.offeredToUnitId
          ? (unit.get(o.offeredToUnitId) ?? null)
          : null,
      areaName: o.areaId ? (area.get(o.areaId) ?? null) : null,
    }));
  }

  async function views(db: Db, viewer: Viewer, orders: readonly StoredWorkOrder[]) {
    const tenantId = viewer.tenantId ?? orders[0]?.tenantId ?? '';
    const names = await namesFor(db, tenantId, orders);
    return orders.map((o, i) => presentOrder(o, names[i]!, viewer));
  }

  async function detail(db: Db, viewer: Viewer, order: StoredWorkOrder) {
    const [view] = await views(db, viewer, [order]);
    const events = await listEvents(db, order.tenantId, order.id);
    const linked = await listLinkedOrders(db, order.tenantId, order.id);
    const visibleLinked = linked.map((l) => l.order).filter((o) => canSeeOrder(o, viewer));
    return {
      order: view!,
      events: events.map((e) => ({
        seq: e.seq,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorId: e.actorId,
        actorName: e.actorName,
        actorPosition: e.actorPosition,
        at: e.at.toISOString(),
        payload: e.payload,
        hash: e.hash,
      })),
      actions: availableActions(order, viewer),
      completion: order.completion,
      linked: await views(db, viewer, visibleLinked),
    };
  }

  return { views, detail };
}
