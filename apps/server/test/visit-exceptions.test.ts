import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listChannelSends } from '@daowei/db';
import { createTestPerson } from '@daowei/db/testing';
import {
  act,
  actOk,
  call,
  completeBody,
  createOrderVia,
  getOrder,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
  diagnoseOk,
} from './harness.js';

const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')}`;
/** The booked slot: an hour after the harness clock's start. */
const WINDOW = { start: '2026-11-23T03:00:00.000Z', end: '2026-11-23T05:00:00.000Z' };
const at = (minutes: number) => new Date(Date.parse(WINDOW.start) + minutes * 60_000).toISOString();
const H = 3_600_000;

/**
 * The exceptions of a visit over HTTP: nobody home (APT-03), a late arrival and its escalation (APT-04),
 * an uncertain fix (CB-01) and a check-in that waited offline on the phone (ENG-07).
 */
describe('visit exceptions (APT-03, APT-04, CB-01, ENG-07)', () => {
  let h: Harness;
  let tk: Tokens;
  let manager: string;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    const m = await createTestPerson(h.database.db, h.t.tenant.id, {
      name: 'station-manager',
      unitId: h.t.units.station.id,
      positions: ['station_manager'],
      suffix: h.t.suffix,
    });
    manager = await h.tokenFor(m);
  });
  afterAll(async () => h?.close());

  /** A fault of the test engineer booked for WINDOW and on the way (departed 02:30). */
  async function enRoute() {
    h.clock.set('2026-11-23T02:00:00Z');
    const id: string = (await createOrderVia(h, tk.hotline, 'fault')).order.id;
    await actOk(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer.id, remark: 'yours' });
    await actOk(h, tk.engineer, id, 'take');
    await actOk(h, tk.engineer, id, 'confirm_appointment', { window: WINDOW });
    h.clock.set('2026-11-23T02:30:00Z');
    await actOk(h, tk.engineer, id, 'depart');
    return id;
  }
  const post = (token: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(h.app, token, 'POST', `/api/${path}`, body, headers);
  const get = (token: string, path: string) => call(h.app, token, 'GET', `/api/${path}`);
  const inbox = async (token: string, kind: string) =>
    ((await get(token, 'notifications?limit=100')).body.items as Body[]).filter((n) => n.kind === kind);

  /** The doorstep protocol as the phone sends it: knock at −2 min, call, neighbour, left at `leftAt`. */
  const protocol = (over: Record<string, unknown> = {}) => ({
    knockedAt: at(-2),
    call: { at: at(0), outcome: 'no_answer' },
    neighbour: { at: at(4), outcome: 'told_something', note: '邻居说白天上班' },
    noteLeft: true,
    leftAt: at(9),
    ...over,
  });

  describe('APT-03 nobody home', () => {
    it('APT-03 the no-access visit is refused until the protocol is done: wait, outcomes, note and its photo', async () => {
      const id = await enRoute();
      h.clock.set(at(5));
      const early = await act(h, tk.engineer, id, 'no_access', protocol({ leftAt: at(5) }));
      expect([early.status, early.body.code]).toEqual([409, 'WO_NO_ACCESS_TOO_SOON']);
      expect(early.body.details).toMatchObject({ waitedMinutes: 7, minWaitMinutes: 10 });
      h.clock.set(at(9));
      const unknown = await act(h, tk.engineer, id, 'no_access', protocol({ call: { at: at(0), outcome: 'shouted' } }));
      expect([unknown.status, unknown.body.details?.field]).toEqual([400, 'call.outcome']);
      const noNote = await act(h, tk.engineer, id, 'no_access', protocol({ noteLeft: false }));
      expect([noNote.status, noNote.body.code]).toEqual([400, 'WO_NO_ACCESS_PROTOCOL']);
      const outOfOrder = await act(
        h,
        tk.engineer,
        id,
        'no_access',
        protocol({ call: { at: at(-5), outcome: 'busy' } }),
      );
      expect([outOfOrder.status, outOfOrder.body.details?.field]).toEqual([400, 'call.at']);
      const noPhoto = await act(h, tk.engineer, id, 'no_access', protocol());
      expect([noPhoto.status, noPhoto.body.code]).toEqual([409, 'WO_NO_ACCESS_NOTE_PHOTO_MISSING']);
      const order = await getOrder(h, tk.engineer, id);
      expect(order.order.status).toBe('en_route');
      expect(order.events.map((e: Body) => e.action)).not.toContain('no_access');
    });

    it('APT-03 recorded: order back to awaiting an appointment, follow-up for the coordinator, customer told', async () => {
      const id = await enRoute();
      h.clock.set(at(3));
      const photo = await post(tk.engineer, `work-orders/${id}/attachments`, {
        kind: 'photo',
        data: PNG,
        caption: '留言条',
      });
      expect(photo.status).toBe(201);
      h.clock.set(at(9));
      const res = await act(h, tk.engineer, id, 'no_access', protocol());
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const d = res.body;
      // The visit is a no-access attempt, not a completion: the order waits for a new appointment.
      expect(d.order).toMatchObject({ status: 'taken', appointment: null, completedAt: null });
      expect(d.actions).toEqual(expect.arrayContaining(['confirm_appointment']));
      const event = d.events.at(-1);
      expect(event).toMatchObject({ action: 'no_access', fromStatus: 'en_route', toStatus: 'taken' });
      expect(event.payload).toMatchObject({
        knockedAt: at(-2),
        call: { at: at(0), outcome: 'no_answer', label: { 'zh-CN': '无人接听' } },
        neighbour: { outcome: 'told_something', note: '邻居说白天上班' },
        noteLeft: true,
        waitedMinutes: 11,
        window: { start: WINDOW.start, end: WINDOW.end },
      });
      // The coordinator's follow-up (re-contact and rebook), due in the policy's 2 h, with the note's photo.
      const list = await get(tk.coordinator, 'onsite-reports?kind=no_access');
      const report = (list.body.items as Body[]).find((r) => r.orderId === id);
      expect(report).toMatchObject({
        kind: 'no_access',
        state: 'open',
        forPosition: 'coordinator',
        dueAt: new Date(Date.parse(at(9)) + 2 * H).toISOString(),
        overdue: false,
        attachmentIds: [photo.body.id],
        order: { number: d.order.number, status: 'taken' },
      });
      expect((await inbox(tk.coordinator, 'visit.no_access')).map((n) => n.orderId)).toContain(id);
      // The customer is told through the channel adapter (INT-01 send log).
      const sends = await listChannelSends(h.database.db, h.t.tenant.id, { orderId: id });
      expect(sends.map((s) => s.template)).toContain('visit.no_access');
      // Overdue shows once the due time passes; a rebook (new appointment) closes the follow-up.
      h.clock.set(new Date(Date.parse(at(9)) + 2 * H + 60_000).toISOString());
      const late = (await get(tk.coordinator, 'onsite-reports?kind=no_access')).body.items.find(
        (r: Body) => r.orderId === id,
      );
      expect(late.overdue).toBe(true);
      await actOk(h, tk.coordinator, id, 'reschedule', {
        reason: '客户回电，改约明天下午',
        askedBy: 'customer',
        window: { start: '2026-11-24T06:00:00.000Z', end: '2026-11-24T08:00:00.000Z' },
      });
      const closed = (await get(tk.coordinator, `work-orders/${id}/onsite-reports`)).body.items[0];
      expect(closed).toMatchObject({
        kind: 'no_access',
        state: 'closed',
        closedBy: h.t.coordinator.id,
        closeNote: '客户回电，改约明天下午',
      });
    });

    it('APT-03 only the holder records it, only while on the way or on site; the follow-up is the desk’s to close', async () => {
      const id = await enRoute();
      h.clock.set(at(9));
      const other = await act(h, tk.engineer2, id, 'no_access', protocol());
      expect(other.status).toBe(404);
      await post(tk.engineer, `work-orders/${id}/attachments`, { kind: 'photo', data: PNG });
      await actOk(h, tk.engineer, id, 'no_access', protocol());
      const again = await act(h, tk.engineer, id, 'no_access', protocol());
      expect([again.status, again.body.code]).toEqual([409, 'WO_INVALID_TRANSITION']);
      const report = (await get(tk.engineer, `work-orders/${id}/onsite-reports`)).body.items[0];
      const byEngineer = await post(tk.engineer, `onsite-reports/${report.id}/close`, { note: 'called' });
      expect(byEngineer.status).toBe(404);
      const byCoordinator = await post(tk.coordinator, `onsite-reports/${report.id}/close`, {
        note: '已联系客户，客户改为周末上门',
      });
      expect(byCoordinator.body).toMatchObject({ state: 'closed', closeNote: '已联系客户，客户改为周末上门' });
      const twice = await post(tk.coordinator, `onsite-reports/${report.id}/close`, { note: 'again' });
      expect([twice.status, twice.body.code]).toEqual([409, 'CONFLICT']);
    });
  });

  describe('APT-04 late arrival', () => {
    it('APT-04 an apology (≤ 15 min) is recorded on the arrival and tells no manager', async () => {
      const id = await enRoute();
      h.clock.set(at(12));
      const d = await actOk(h, tk.engineer, id, 'arrive');
      expect(d.events.at(-1).payload).toMatchObject({ lateMinutes: 12, handling: 'apology', escalationNote: null });
      expect((await inbox(manager, 'visit.late_escalation')).map((n) => n.orderId)).not.toContain(id);
    });

    it('APT-04 over 15 min: the escalation note is required, recorded on the order and the station manager is told', async () => {
      const id = await enRoute();
      h.clock.set(at(20));
      const refused = await act(h, tk.engineer, id, 'arrive');
      expect([refused.status, refused.body.code]).toEqual([400, 'WO_ESCALATION_REQUIRED']);
      await actOk(h, tk.engineer, id, 'arrive', { escalationNote: '堵车迟到20分钟，已请站长致电致歉' });
      const history = (await getOrder(h, tk.coordinator, id)).events.at(-1);
      expect(history).toMatchObject({ action: 'arrive', toStatus: 'on_site' });
      expect(history.payload).toMatchObject({
        lateMinutes: 20,
        onTime: false,
        handling: 'escalation',
        escalationNote: '堵车迟到20分钟，已请站长致电致歉',
        arrivalTimeSource: 'server',
      });
      const told = await inbox(manager, 'visit.late_escalation');
      expect(told.find((n) => n.orderId === id)?.payload).toMatchObject({
        lateMinutes: 20,
        escalationNote: '堵车迟到20分钟，已请站长致电致歉',
      });
      // The coordinator is not the manager: nothing in their inbox.
      expect(await inbox(tk.coordinator, 'visit.late_escalation')).toEqual([]);
    });
  });

  describe('CB-01 uncertain fix', () => {
    it('CB-01 completing with "fix uncertain" puts a callback 2–3 h later in the callback queue', async () => {
      const id = await enRoute();
      h.clock.set(at(-5));
      await actOk(h, tk.engineer, id, 'arrive');
      await diagnoseOk(h, tk.engineer, id); // ENG-05
      h.clock.set(at(40));
      const done = await act(h, tk.engineer, id, 'complete', { ...completeBody(), uncertainFix: true });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body.events.at(-1).payload.completion).toMatchObject({ uncertainFix: true });
      const queue = (await get(tk.coordinator, 'callbacks?state=open')).body.items as Body[];
      const tasks = queue.filter((t) => t.orderId === id);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({ ruleKey: 'uncertain_fix', ruleId: 'CB-01', blocksClose: true });
      expect(tasks[0].notBefore).toBe(new Date(Date.parse(at(40)) + 2 * H).toISOString());
      expect(tasks[0].dueAt).toBe(new Date(Date.parse(at(40)) + 3 * H).toISOString());
    });

    it('CB-01 a sure fix gets the ordinary fault callback, not the 2–3 h one', async () => {
      const id = await enRoute();
      h.clock.set(at(-5));
      await actOk(h, tk.engineer, id, 'arrive');
      await diagnoseOk(h, tk.engineer, id); // ENG-05
      await actOk(h, tk.engineer, id, 'complete', completeBody());
      const tasks = ((await get(tk.coordinator, 'callbacks?state=open')).body.items as Body[]).filter(
        (t) => t.orderId === id,
      );
      expect(tasks.map((t) => t.ruleKey)).not.toContain('uncertain_fix');
      expect(tasks).toHaveLength(1);
    });
  });

  describe('ENG-07 a check-in that waited offline', () => {
    const queued = (iso: string) => ({ 'offline-queued-at': iso });

    it('ENG-07 APT-04 the phone’s time of arrival counts, not the sync: lateness, record and SLA clock', async () => {
      h.clock.set('2026-11-23T02:00:00Z');
      const id: string = (await createOrderVia(h, tk.hotline, 'fault')).order.id;
      await actOk(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer.id, remark: 'yours' });
      await actOk(h, tk.engineer, id, 'take');
      await actOk(h, tk.engineer, id, 'confirm_appointment', { window: WINDOW });
      // Both the departure (02:40) and the arrival (03:10, 10 min late) waited on the phone; synced at 04:30.
      h.clock.set('2026-11-23T04:30:00Z');
      const dep = await act(h, tk.engineer, id, 'depart', {}, queued('2026-11-23T02:40:00.000Z'));
      expect(dep.status).toBe(200);
      const arr = await act(h, tk.engineer, id, 'arrive', { arrivedAt: at(10) }, queued(at(10)));
      expect(arr.status, JSON.stringify(arr.body)).toBe(200);
      const event = arr.body.events.at(-1);
      expect(event.at).toBe('2026-11-23T04:30:00.000Z'); // when the server recorded it
      expect(event.payload).toMatchObject({
        arrivedAt: at(10),
        arrivalTimeSource: 'device',
        deviceArrivedAt: at(10),
        lateMinutes: 10,
        handling: 'apology',
      });
      // SLA-07: the arrive-early clock stopped at the phone's arrival time, 15 min after its due time.
      const clocks = (await get(tk.coordinator, `work-orders/${id}/clocks`)).body.items as Body[];
      expect(clocks.find((c) => c.kind === 'arrive_early')).toMatchObject({ stoppedAt: at(10), state: 'breached' });
    });

    it('ENG-07 an online check-in is the server’s time whatever the body says; a phone clock out of range is adjusted', async () => {
      const online = await enRoute();
      h.clock.set(at(-6));
      const d = await actOk(h, tk.engineer, online, 'arrive', { arrivedAt: at(-60) });
      expect(d.events.at(-1).payload).toMatchObject({ arrivedAt: at(-6), arrivalTimeSource: 'server', lateMinutes: 0 });

      const offline = await enRoute(); // departed 02:30
      h.clock.set(at(30));
      const before = await act(h, tk.engineer, offline, 'arrive', {}, queued('2026-11-23T01:00:00.000Z'));
      expect(before.body.events.at(-1).payload).toMatchObject({
        arrivedAt: '2026-11-23T02:30:00.000Z',
        arrivalTimeSource: 'device_adjusted',
        deviceArrivedAt: '2026-11-23T01:00:00.000Z',
        lateMinutes: 0,
      });
    });
  });
});
