import {
  COMPLAINT_OUTCOMES,
  DEFAULT_POLICY_PACK,
  SHIFT_KINDS,
  WORK_ORDER_STATUSES,
  WORK_ORDER_TYPES,
  ancestors,
  applyDecision,
  coverageOf,
  decide,
  findRepeatOf,
  missingRequiredFields,
  pointInPolygon,
  verifyChain,
  type Actor,
  type AppointmentWindow,
  type Position,
  type WorkOrder,
  type WorkOrderCommand,
} from '@daowei/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from './accounts.js';
import { generateDemoData } from './generate.js';
import { DAY, localIsoDate } from './time.js';
import type { DemoEvent } from './types.js';

const NOW = new Date('2026-11-23T03:00:00Z'); // 11:00 in Hangzhou, a Monday
const data = generateDemoData({ seed: 'daowei', now: NOW });

const eventsByOrder = new Map<string, DemoEvent[]>();
for (const e of data.events) eventsByOrder.set(e.orderId, [...(eventsByOrder.get(e.orderId) ?? []), e]);

const personByLogin = (login: string) => {
  const p = data.people.find((x) => x.login === login);
  if (!p) throw new Error(`no ${login}`);
  return p;
};

describe('demo data generator', () => {
  it('ORG-01 demo data: every record carries the tenant', () => {
    const t = data.tenant.id;
    const collections: [string, readonly { tenantId: string }[]][] = [
      ['vendors', data.vendors],
      ['units', data.units],
      ['stationSites', data.stationSites],
      ['people', data.people],
      ['positions', data.positions],
      ['skills', data.skills],
      ['certificates', data.certificates],
      ['shifts', data.shifts],
      ['externalAccounts', data.externalAccounts],
      ['areas', data.areas],
      ['customers', data.customers],
      ['products', data.products],
      ['orders', data.orders],
      ['events', data.events],
      ['links', data.links],
      ['orderNumberCounters', data.orderNumberCounters],
    ];
    for (const [name, rows] of collections) {
      expect(rows.length, name).toBeGreaterThan(0);
      expect(
        rows.filter((r) => r.tenantId !== t),
        name,
      ).toEqual([]);
    }
  });

  it('has the promised size: 3000 orders, 40 engineers, 2 vendors, 4 stations, every status and type', () => {
    expect(data.orders).toHaveLength(3000);
    const engineers = new Set(data.positions.filter((p) => p.position === 'onsite_engineer').map((p) => p.personId));
    expect(engineers.size).toBe(40);
    expect(data.vendors).toHaveLength(2);
    expect(data.units.filter((u) => u.kind === 'station')).toHaveLength(4);
    const teams = data.units.filter((u) => u.kind === 'team');
    expect(teams.length).toBeGreaterThanOrEqual(4);
    for (const st of data.units.filter((u) => u.kind === 'station')) {
      const own = teams.filter((t) => t.parentId === st.id).length;
      expect(own).toBeGreaterThanOrEqual(1);
      expect(own).toBeLessThanOrEqual(2);
    }
    expect(new Set(data.orders.map((o) => o.status))).toEqual(new Set(WORK_ORDER_STATUSES));
    expect(new Set(data.orders.map((o) => o.type))).toEqual(new Set(WORK_ORDER_TYPES));
    const count = (t: string) => data.orders.filter((o) => o.type === t).length;
    // Mostly installs and faults, some complaints, a few of the rest.
    expect(count('install') + count('fault')).toBeGreaterThan(2000);
    expect(count('complaint')).toBeGreaterThan(150);
  });

  it('ORG-02 every person has a unique login and holds the positions the demo accounts promise', () => {
    const logins = data.people.map((p) => p.login.toLowerCase());
    expect(new Set(logins).size).toBe(logins.length);
    for (const a of DEMO_ACCOUNTS) expect(logins, a.login).toContain(a.login);
    const held = (login: string) =>
      data.positions.filter((p) => p.personId === personByLogin(login).id).map((p) => p.position);
    expect(held('admin')).toContain('admin');
    expect(held('hotline1')).toContain('hotline_agent');
    expect(held('coord1')).toContain('coordinator');
    expect(held('vendorb-coord')).toContain('coordinator');
    expect(held('lead1')).toEqual(expect.arrayContaining(['team_lead', 'onsite_engineer']));
    expect(held('eng1')).toContain('onsite_engineer');
    expect(held('callback1')).toContain('callback_agent');
    expect(held('manager1')).toContain('station_manager');
    expect(personByLogin('coord1').vendorId).not.toBe(personByLogin('vendorb-coord').vendorId);
    expect(personByLogin('eng1').unitId).toBe(personByLogin('lead1').unitId);
  });

  it('AUD-01 demo event chains verify', () => {
    for (const o of data.orders) {
      const events = eventsByOrder.get(o.id) ?? [];
      expect(verifyChain(events), o.number).toEqual({ ok: true });
      expect(events[events.length - 1]?.toStatus, o.number).toBe(o.status);
    }
    expect(eventsByOrder.size).toBe(data.orders.length);
  });

  it('WO-03 every demo order\u2019s history is a legal path of the state machine', () => {
    const unitOf = new Map(data.people.map((p) => [p.id, p.unitId]));
    const heldPositions = new Set(data.positions.map((p) => `${p.personId}/${p.position}`));
    const pathsSeen = new Set<string>();
    for (const final of data.orders) {
      const [create, ...rest] = eventsByOrder.get(final.id) ?? [];
      expect(create?.action).toBe('create');
      expect(create?.at.getTime()).toBe(final.acceptedAt.getTime());
      let order: WorkOrder = {
        ...final,
        status: 'created',
        appointment: null,
        offeredToPersonId: null,
        offeredToUnitId: null,
        holderId: null,
        suspendReason: null,
        completedAt: null,
        closedAt: null,
        version: 1,
      };
      for (const e of rest) {
        expect(heldPositions.has(`${e.actorId}/${e.actorPosition}`), `${final.number} ${e.action}`).toBe(true);
        // ENG-05: the diagnosis is a record in the history, not a step of the state machine.
        if (e.action === 'diagnosis') {
          expect([e.fromStatus, e.toStatus], final.number).toEqual([order.status, order.status]);
          continue;
        }
        const actor: Actor = {
          personId: e.actorId as string,
          position: e.actorPosition as Position,
          unitIds: ancestors(unitOf.get(e.actorId as string) as string, data.units),
        };
        const d = decide(order, commandOf(e), actor, DEFAULT_POLICY_PACK, e.at);
        expect(d.from, `${final.number} seq ${e.seq}`).toBe(e.fromStatus);
        expect(d.to, `${final.number} seq ${e.seq}`).toBe(e.toStatus);
        order = applyDecision(order, d);
      }
      const facts = (o: WorkOrder) => ({
        status: o.status,
        holderId: o.holderId,
        offeredToPersonId: o.offeredToPersonId,
        offeredToUnitId: o.offeredToUnitId,
        appointment: o.appointment,
        suspendReason: o.suspendReason,
        completedAt: o.completedAt,
        closedAt: o.closedAt,
        version: o.version,
      });
      expect(facts(order), final.number).toEqual(facts(final));
      pathsSeen.add(rest.map((e) => e.action).join('>'));
    }
    // Not one path for all: the branches (return, suspend, reschedule, reopen, cancel …) all occur.
    const actions = new Set(data.events.map((e) => e.action));
    for (const a of ['return', 'suspend', 'resume', 'reschedule', 'reopen', 'cancel', 'start_callback']) {
      expect(actions, a).toContain(a);
    }
    expect(pathsSeen.size).toBeGreaterThan(50);
  });

  it('ENG-05 every fault completed after a check-in was diagnosed on that visit, within the 30 min observation', () => {
    let diagnosed = 0;
    for (const o of data.orders.filter((x) => x.type === 'fault')) {
      const events = eventsByOrder.get(o.id) ?? [];
      events.forEach((e, i) => {
        if (e.action !== 'complete') return;
        const trip = events.slice(0, i);
        const depart = trip.map((x) => x.action).lastIndexOf('depart');
        if (depart < 0 || !trip.slice(depart).some((x) => x.action === 'arrive')) return;
        const d = trip.slice(depart).find((x) => x.action === 'diagnosis');
        expect(d, `${o.number} completed without a diagnosis`).toBeDefined();
        expect((d?.payload as { observedMinutes: number }).observedMinutes).toBeLessThanOrEqual(30);
        diagnosed++;
      });
    }
    expect(diagnosed).toBeGreaterThan(10);
  });

  it('WO-07/WO-08 complaints end with every outcome; unresolved ones spawned a linked fault', () => {
    const outcomes = new Set(
      data.events
        .filter((e) => e.action === 'complete')
        .map((e) => (e.payload as { completion: { outcome: { kind: string } } }).completion.outcome.kind),
    );
    for (const k of COMPLAINT_OUTCOMES) expect(outcomes, k).toContain(k);
    const byId = new Map(data.orders.map((o) => [o.id, o]));
    const linked = data.orders.filter((o) => o.parentOrderId);
    expect(linked.length).toBeGreaterThan(0);
    for (const fault of linked) {
      const parent = byId.get(fault.parentOrderId as string);
      expect(fault.type).toBe('fault');
      expect(parent?.type).toBe('complaint');
      expect(parent?.productNumber).toBe(fault.productNumber);
      expect(data.links).toContainEqual(
        expect.objectContaining({ fromOrderId: parent?.id, toOrderId: fault.id, kind: 'complaint_to_fault' }),
      );
      const spawning = (eventsByOrder.get(parent?.id as string) ?? []).find(
        (e) =>
          e.action === 'complete' &&
          (e.payload as { completion: { outcome: { kind: string } } }).completion.outcome.kind ===
            'unresolved_to_fault',
      );
      expect(spawning?.at.getTime()).toBe(fault.acceptedAt.getTime());
      // History links both: each side names the other's id and number.
      expect(spawning?.payload).toMatchObject({ linkedFaultId: fault.id, linkedFaultNumber: fault.number });
      expect(eventsByOrder.get(fault.id)?.[0]?.payload).toMatchObject({
        fromComplaintId: parent?.id,
        fromComplaintNumber: parent?.number,
      });
    }
  });

  it('WO-12 repeat faults are flagged within the window', () => {
    const byCustomer = new Map<string, WorkOrder[]>();
    for (const o of data.orders) byCustomer.set(o.customerId, [...(byCustomer.get(o.customerId) ?? []), o]);
    const byId = new Map(data.orders.map((o) => [o.id, o]));
    let repeats = 0;
    for (const o of data.orders) {
      if (o.type !== 'fault') {
        expect(o.repeatOfOrderId).toBeNull();
        continue;
      }
      const others = (byCustomer.get(o.customerId) ?? []).filter((x) => x.id !== o.id);
      expect(o.repeatOfOrderId, o.number).toBe(findRepeatOf(o, others, DEFAULT_POLICY_PACK));
      if (!o.repeatOfOrderId) continue;
      repeats++;
      const first = byId.get(o.repeatOfOrderId) as WorkOrder;
      const finished = (first.closedAt ?? first.completedAt) as Date;
      expect(first.productNumber).toBe(o.productNumber);
      expect(o.acceptedAt.getTime() - finished.getTime()).toBeLessThanOrEqual(30 * DAY);
      expect(o.acceptedAt.getTime()).toBeGreaterThanOrEqual(finished.getTime());
    }
    const faults = data.orders.filter((o) => o.type === 'fault').length;
    expect(repeats / faults).toBeGreaterThan(0.02);
    expect(repeats / faults).toBeLessThan(0.15);
  });

  it('events are in time order, minutes to days apart, and never after now', () => {
    const start = NOW.getTime() - 60 * DAY - DAY;
    for (const o of data.orders) {
      expect(o.acceptedAt.getTime()).toBeGreaterThan(start);
      const events = eventsByOrder.get(o.id) ?? [];
      for (let i = 1; i < events.length; i++) {
        expect((events[i] as DemoEvent).at.getTime()).toBeGreaterThan((events[i - 1] as DemoEvent).at.getTime());
      }
      expect((events[events.length - 1] as DemoEvent).at.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    // Older orders are mostly closed, recent ones mostly open.
    const open = (os: WorkOrder[]) => os.filter((o) => !['closed', 'cancelled'].includes(o.status)).length / os.length;
    const old = data.orders.filter((o) => o.acceptedAt.getTime() < NOW.getTime() - 14 * DAY);
    const recent = data.orders.filter((o) => o.acceptedAt.getTime() > NOW.getTime() - 1 * DAY);
    expect(open(old)).toBeLessThan(0.05);
    expect(open(recent)).toBeGreaterThan(0.5);
  });

  it('WO-02 no demo order leaves a required field blank; numbers are unique per tenant', () => {
    for (const o of data.orders) {
      const draft = {
        ...o,
        customer: { name: o.contactName, phone: o.contactPhone, address: o.address },
      };
      expect(missingRequiredFields(draft), o.number).toEqual([]);
    }
    expect(new Set(data.orders.map((o) => o.number)).size).toBe(data.orders.length);
  });

  it('ORG-04 areas do not overlap and every customer lies inside the area it is filed under', () => {
    for (const a of data.areas) {
      for (const b of data.areas) {
        if (a === b) continue;
        for (const [lng, lat] of b.polygon) expect(pointInPolygon({ lng, lat }, a.polygon)).toBe(false);
      }
    }
    for (const c of data.customers) {
      expect(coverageOf({ lat: c.lat, lng: c.lng }, data.areas, 80)).toEqual({ kind: 'inside', areaId: c.areaId });
    }
  });

  it('ORG-03/ORG-06 certificates include lapsed and soon-expiring ones; rosters include evening and weekend shifts', () => {
    const today = localIsoDate(NOW.getTime());
    const soon = localIsoDate(NOW.getTime() + 30 * DAY);
    expect(data.certificates.some((c) => c.validUntil < today)).toBe(true);
    expect(data.certificates.some((c) => c.validUntil >= today && c.validUntil <= soon)).toBe(true);
    expect(new Set(data.shifts.map((s) => s.kind))).toEqual(new Set(SHIFT_KINDS));
    const evening = data.shifts.find((s) => s.kind === 'evening');
    expect(evening?.start.toISOString()).toMatch(/T10:00:00/); // 18:00 in Hangzhou
  });

  it('eng1 has orders offered to him and held by him today', () => {
    const eng1 = personByLogin('eng1');
    const team = eng1.unitId;
    const offered = data.orders.filter(
      (o) => o.status === 'assigned' && (o.offeredToPersonId === eng1.id || o.offeredToUnitId === team),
    );
    const held = data.orders.filter(
      (o) => o.holderId === eng1.id && ['taken', 'appointment_confirmed', 'en_route'].includes(o.status),
    );
    expect(offered.length).toBeGreaterThanOrEqual(3);
    expect(held.length).toBeGreaterThanOrEqual(3);
  });

  it('same seed and now give deep-equal data; another seed gives other data', () => {
    const small = (seed: string) => generateDemoData({ seed, now: NOW, orders: 300, engineers: 12, days: 10 });
    const a = small('s1');
    expect(small('s1')).toEqual(a);
    const b = small('s2');
    expect(b.orders.map((o) => o.id)).not.toEqual(a.orders.map((o) => o.id));
    expect(a.orders).toHaveLength(300);
    expect(generateDemoData({ seed: 'daowei', now: NOW }).events.map((e) => e.hash)).toEqual(
      data.events.map((e) => e.hash),
    );
  });
});

/** The command an event records, rebuilt from its payload (windows may be Dates or ISO strings). */
function commandOf(e: DemoEvent): WorkOrderCommand {
  const p = e.payload as Record<string, unknown>;
  const win = (w: unknown): AppointmentWindow => {
    const x = w as { start: string | Date; end: string | Date };
    return { start: new Date(x.start), end: new Date(x.end) };
  };
  const str = (k: string) => p[k] as string;
  switch (e.action) {
    case 'dispatch':
      return p.toPersonId
        ? { action: 'dispatch', toPersonId: str('toPersonId'), remark: str('remark') }
        : { action: 'dispatch', toUnitId: str('toUnitId'), remark: str('remark') };
    case 'return':
      return { action: 'return', reasonCode: str('reasonCode'), remark: str('remark') };
    case 'confirm_appointment':
      return { action: 'confirm_appointment', window: win(p.window) };
    case 'reschedule':
      return { action: 'reschedule', reason: str('reason'), window: win(p.window), askedBy: p.askedBy as 'us' };
    case 'suspend':
      return { action: 'suspend', reason: p.reason as 'waiting_parts', remark: str('remark') };
    case 'complete':
      return { action: 'complete', completion: JSON.parse(JSON.stringify(p.completion), reviveDates) };
    case 'reopen':
    case 'cancel':
      return { action: e.action, reason: str('reason') };
    case 'arrive': // APT-04: the escalation note of a late arrival travels in the event
      return { action: 'arrive', escalationNote: (p.escalationNote as string | null) ?? undefined };
    case 'triage':
    case 'resume':
    case 'close':
      return { action: e.action, remark: (p.remark as string | null) ?? undefined };
    default:
      return { action: e.action as 'take' };
  }
}

function reviveDates(key: string, value: unknown): unknown {
  return (key === 'start' || key === 'end') && typeof value === 'string' ? new Date(value) : value;
}
