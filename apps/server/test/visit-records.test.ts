import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VISIT_POLICY } from '@daowei/domain';
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

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PNG = `data:image/png;base64,${PNG_BYTES.toString('base64')}`;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]).toString('base64');
/** An HTML page claiming to be a PNG: refused by its bytes. */
const FAKE_PNG = `data:image/png;base64,${Buffer.from('<html><script>alert(1)</script></html>').toString('base64')}`;
/** The booked slot: an hour after the harness clock's start, so sessions stay fresh while the clock moves. */
const WINDOW = { start: '2026-11-23T03:00:00.000Z', end: '2026-11-23T05:00:00.000Z' };
const minutesAfterStart = (m: number) => new Date(new Date(WINDOW.start).getTime() + m * 60_000).toISOString();

describe('on-site visit over HTTP (ENG-03/04/06, APT-04, SLA-07, WO-14)', () => {
  let h: Harness;
  let tk: Tokens;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
  });
  afterAll(async () => h?.close());

  /** A fault of the test engineer, booked for WINDOW, en route (the fault description is overridable). */
  async function enRoute(faultDescription?: string) {
    h.clock.set('2026-11-23T02:00:00Z');
    const created = await createOrderVia(h, tk.hotline, 'fault', faultDescription ? { faultDescription } : {});
    const id: string = created.order.id;
    await actOk(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer.id, remark: 'yours' });
    await actOk(h, tk.engineer, id, 'take');
    await actOk(h, tk.engineer, id, 'confirm_appointment', { window: WINDOW });
    await actOk(h, tk.engineer, id, 'depart');
    return id;
  }
  const arrive = (id: string, body: unknown = {}) => act(h, tk.engineer, id, 'arrive', body);
  const lastEvent = (detail: Body) => detail.events.at(-1);

  it('SLA-07 ENG-03 arriving 7 min early records the position, no lateness, on time', async () => {
    const id = await enRoute();
    h.clock.set(minutesAfterStart(-7));
    const d = (await arrive(id, { position: { lat: 39.99, lng: 116.47 } })).body;
    expect(d.order.status).toBe('on_site');
    expect(lastEvent(d).payload).toMatchObject({
      position: { lat: 39.99, lng: 116.47 },
      lateMinutes: 0,
      minutesEarly: 7,
      onTime: true,
      handling: 'none',
    });
  });

  it('APT-04 SLA-07 arriving 12 min late records the late minutes and an apology', async () => {
    const id = await enRoute();
    h.clock.set(minutesAfterStart(12));
    const d = (await arrive(id)).body;
    expect(lastEvent(d).payload).toMatchObject({ lateMinutes: 12, onTime: false, handling: 'apology' });
  });

  it('APT-04 arriving 25 min late without an escalation note is refused (400), with it recorded', async () => {
    const id = await enRoute();
    h.clock.set(minutesAfterStart(25));
    const refused = await arrive(id);
    expect([refused.status, refused.body.code]).toEqual([400, 'WO_ESCALATION_REQUIRED']);
    expect(refused.body.details).toMatchObject({ field: 'escalationNote', lateMinutes: 25 });
    expect((await getOrder(h, tk.engineer, id)).order.status).toBe('en_route');
    const d = (await arrive(id, { escalationNote: '已报站长，站长电话致歉' })).body;
    expect(d.order.status).toBe('on_site');
    expect(lastEvent(d).payload).toMatchObject({
      lateMinutes: 25,
      handling: 'escalation',
      escalationNote: '已报站长，站长电话致歉',
    });
  });

  async function onSite(faultDescription?: string) {
    const id = await enRoute(faultDescription);
    h.clock.set(minutesAfterStart(-6));
    expect((await arrive(id)).status).toBe(200);
    await diagnoseOk(h, tk.engineer, id); // ENG-05: what these tests complete is diagnosed
    return { id };
  }
  const post = (token: string, id: string, what: string, body: unknown, headers: Record<string, string> = {}) =>
    call(h.app, token, 'POST', `/api/work-orders/${id}/${what}`, body, headers);
  const get = (token: string, id: string, what: string) => call(h.app, token, 'GET', `/api/work-orders/${id}/${what}`);

  it('ENG-03 the checklist is the order type’s steps; ticks are recorded with time; unknown steps are refused', async () => {
    const o = await onSite();
    const ticked = await post(tk.engineer, o.id, 'checklist', { steps: ['badge_shown', 'consent_to_enter'] });
    expect(ticked.status, JSON.stringify(ticked.body)).toBe(200);
    const steps: Body[] = ticked.body.steps;
    expect(steps.map((s) => s.code)).toEqual(['badge_shown', 'consent_to_enter', 'shoe_covers', 'identity_checked']);
    expect(steps.find((s) => s.code === 'badge_shown').doneAt).toBe(h.clock.now().toISOString());
    expect(steps.find((s) => s.code === 'shoe_covers').doneAt).toBeNull();
    expect((await post(tk.engineer, o.id, 'checklist', { steps: ['juggling'] })).body.code).toBe('VALIDATION_FAILED');
  });

  it('ENG-02 the checklist answer carries the kit for the order type and the departure numbers of the policy', async () => {
    const id = await enRoute();
    const read = await get(tk.engineer, id, 'checklist');
    expect(read.status).toBe(200);
    expect(read.body.kit.map((k: Body) => k.code)).toEqual(DEFAULT_VISIT_POLICY.kit.fault!.map((k) => k.code));
    expect(read.body.departure).toEqual({ ...DEFAULT_VISIT_POLICY.departure, arriveEarlyMinutes: 5 });
  });

  it('ENG-04 consents carry time and signature; data risk needs the backup confirmed; paid work the price', async () => {
    const o = await onSite();
    const noBackup = await post(tk.engineer, o.id, 'consents', { kind: 'data_risk', signature: PNG });
    expect([noBackup.status, noBackup.body.code]).toEqual([400, 'WO_BACKUP_NOT_CONFIRMED']);
    const dataRisk = await post(tk.engineer, o.id, 'consents', {
      kind: 'data_risk',
      backupConfirmed: true,
      signature: PNG,
    });
    expect(dataRisk.status, JSON.stringify(dataRisk.body)).toBe(201);
    expect(dataRisk.body).toMatchObject({ kind: 'data_risk', backupConfirmed: true, signatureType: 'image/png' });
    expect(dataRisk.body.signedAt).toBe(h.clock.now().toISOString());
    h.clock.advance(60_000); // a minute later the customer agrees to the paid work
    const paid = await post(tk.engineer, o.id, 'consents', {
      kind: 'paid_work',
      quotedPriceFen: 8000,
      signature: JPEG,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body).toMatchObject({ quotedPriceFen: 8000, signatureType: 'image/jpeg' });
    const fake = await post(tk.engineer, o.id, 'consents', { kind: 'wall_drilling', signature: FAKE_PNG });
    expect([fake.status, fake.body.code]).toEqual([415, 'WO_ATTACHMENT_TYPE_REFUSED']);
    // Supervisors read; a colleague engineer does not write on an order they do not hold.
    const read = await get(tk.coordinator, o.id, 'consents');
    expect(read.body.items.map((c: Body) => c.kind)).toEqual(['data_risk', 'paid_work']);
    expect(read.body.kinds.map((k: Body) => k.code)).toContain('open_device');
    const colleague = await post(tk.engineer2, o.id, 'consents', { kind: 'open_device', signature: PNG });
    expect([403, 404]).toContain(colleague.status);
    const coordinatorWrite = await post(tk.coordinator, o.id, 'consents', { kind: 'open_device', signature: PNG });
    expect([coordinatorWrite.status, coordinatorWrite.body.code]).toEqual([403, 'WO_NOT_HOLDER']);
  });

  it('ENG-06 the customer confirms with a signature; a second confirmation is a conflict', async () => {
    const o = await onSite();
    const both = await post(tk.engineer, o.id, 'confirmation', {
      satisfaction: 5,
      declinedToSign: true,
      signature: PNG,
    });
    expect([both.status, both.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const neither = await post(tk.engineer, o.id, 'confirmation', { satisfaction: 5 });
    expect([neither.status, neither.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const ok = await post(tk.engineer, o.id, 'confirmation', { satisfaction: 4, comment: '很满意', signature: PNG });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      satisfaction: 4,
      comment: '很满意',
      declinedToSign: false,
      signatureType: 'image/png',
    });
    const again = await post(tk.engineer, o.id, 'confirmation', { satisfaction: 1, declinedToSign: true });
    expect([again.status, again.body.code]).toEqual([409, 'CONFLICT']);
    const read = await get(tk.coordinator, o.id, 'confirmation');
    expect(read.body.confirmation).toMatchObject({ satisfaction: 4, declinedToSign: false });
  });

  it('ENG-06 a customer who declines to sign is recorded as declined, never forced; retries apply once', async () => {
    const o = await onSite();
    const key = { 'idempotency-key': `confirm-${o.id}` };
    const first = await post(tk.engineer, o.id, 'confirmation', { satisfaction: 3, declinedToSign: true }, key);
    const retry = await post(tk.engineer, o.id, 'confirmation', { satisfaction: 3, declinedToSign: true }, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(retry.body).toEqual(first.body);
    const read = await get(tk.engineer, o.id, 'confirmation');
    expect(read.body.confirmation).toMatchObject({ satisfaction: 3, declinedToSign: true, signatureType: null });
  });

  it('WO-14 photos are stored and served back with the type from their bytes; non-images and oversize refused', async () => {
    const o = await onSite();
    const up = await post(tk.engineer, o.id, 'attachments', { kind: 'photo', caption: '分光器', data: PNG });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ kind: 'photo', contentType: 'image/png', byteSize: PNG_BYTES.length });
    const list = await get(tk.coordinator, o.id, 'attachments');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).not.toHaveProperty('data');
    const img = await h.app.inject({
      method: 'GET',
      url: `/api/work-orders/${o.id}/attachments/${up.body.id}`,
      headers: { authorization: `Bearer ${tk.coordinator}` },
    });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(img.rawPayload, PNG_BYTES)).toBe(0);
    const fake = await post(tk.engineer, o.id, 'attachments', { kind: 'photo', data: FAKE_PNG });
    expect([fake.status, fake.body.code]).toEqual([415, 'WO_ATTACHMENT_TYPE_REFUSED']);
    const big = Buffer.alloc(DEFAULT_VISIT_POLICY.attachments.maxBytes + 1);
    PNG_BYTES.copy(big);
    const tooBig = await post(tk.engineer, o.id, 'attachments', { kind: 'photo', data: big.toString('base64') });
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'WO_ATTACHMENT_TOO_LARGE']);
  });

  it('WO-14 a slow-speed fault cannot be completed without a speed-test screenshot (409), then can', async () => {
    // The symptom is named in the order's fault description (the policy's symptom words).
    const o = await onSite('晚上网速慢，看视频卡');
    const refused = await call(h.app, tk.engineer, 'POST', `/api/work-orders/${o.id}/actions/complete`, completeBody());
    expect([refused.status, refused.body.code]).toEqual([409, 'WO_SPEED_TEST_MISSING']);
    expect((await getOrder(h, tk.engineer, o.id)).order.status).toBe('on_site');
    await post(tk.engineer, o.id, 'attachments', { kind: 'photo', data: PNG });
    const stillRefused = await call(
      h.app,
      tk.engineer,
      'POST',
      `/api/work-orders/${o.id}/actions/complete`,
      completeBody(),
    );
    expect(stillRefused.body.code).toBe('WO_SPEED_TEST_MISSING');
    await post(tk.engineer, o.id, 'attachments', { kind: 'speed_test', data: PNG });
    const done = await call(h.app, tk.engineer, 'POST', `/api/work-orders/${o.id}/actions/complete`, completeBody());
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.order.status).toBe('completed');
    // The visit record closes with the order.
    const late = await post(tk.engineer, o.id, 'attachments', { kind: 'photo', data: PNG });
    expect([late.status, late.body.code]).toEqual([409, 'WO_INVALID_TRANSITION']);
  });

  it('WO-14 a fault that is not about speed completes without a speed test', async () => {
    const o = await onSite();
    const done = await call(h.app, tk.engineer, 'POST', `/api/work-orders/${o.id}/actions/complete`, completeBody());
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  });
});
