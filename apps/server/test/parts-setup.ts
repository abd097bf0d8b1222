import { randomUUID } from 'node:crypto';
import { createTestPerson } from '@daowei/db/testing';
import {
  actOk,
  call,
  createOrderVia,
  diagnoseOk,
  dispatchToPerson,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

/** A station with a parts clerk, a station manager, a store, a bulk and a serialised item (PART tests). */
export interface PartsWorld {
  clerk: string;
  manager: string;
  storeId: string;
  cable: Body;
  onu: Body;
}

export async function partsWorld(h: Harness, tk: Tokens): Promise<PartsWorld> {
  const db = h.database.db;
  const station = h.t.units.station.id;
  const make = (name: string, position: 'parts_clerk' | 'station_manager') =>
    createTestPerson(db, h.t.tenant.id, { name, unitId: station, positions: [position], suffix: h.t.suffix });
  const clerk = await h.tokenFor(await make('clerk', 'parts_clerk'));
  const manager = await h.tokenFor(await make('manager', 'station_manager'));
  const s = randomUUID().slice(0, 6);
  const item = async (body: Record<string, unknown>) => {
    const res = await call(h.app, clerk, 'POST', '/api/parts/items', body);
    if (res.status !== 201) throw new Error(`item: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const cable = await item({
    code: `CABLE-${s}`,
    name: '皮线光缆',
    category: 'cable',
    tracking: 'bulk',
    unitOfMeasure: 'm',
  });
  const onu = await item({ code: `ONU-${s}`, name: '光猫 ONU', category: 'onu', tracking: 'serialised' });
  const store = await call(h.app, clerk, 'POST', '/api/parts/locations', {
    kind: 'station',
    name: '望京站库',
    unitId: station,
  });
  if (store.status !== 201) throw new Error(`store: ${store.status} ${JSON.stringify(store.body)}`);
  void tk;
  return { clerk, manager, storeId: store.body.id, cable, onu };
}

export async function receive(h: Harness, w: PartsWorld, body: Record<string, unknown>): Promise<Body> {
  const res = await call(h.app, w.clerk, 'POST', '/api/parts/receipts', { locationId: w.storeId, ...body });
  if (res.status !== 200) throw new Error(`receive: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A fault order held by the engineer and on site, ready to complete. */
export async function orderOnSite(h: Harness, tk: Tokens, engineerToken = tk.engineer, engineerId = h.t.engineer.id) {
  const o = await createOrderVia(h, tk.hotline, 'fault');
  const id = o.order.id as string;
  await dispatchToPerson(h, tk.coordinator, id, engineerId);
  for (const a of ['take', 'depart', 'arrive']) await actOk(h, engineerToken, id, a);
  await diagnoseOk(h, engineerToken, id); // ENG-05: a visited fault completes only once diagnosed
  return id;
}

export const borrow = (h: Harness, token: string, body: Record<string, unknown>) =>
  call(h.app, token, 'POST', '/api/parts/borrows', body);
