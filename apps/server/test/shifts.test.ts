import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

/** ORG-06 rosters through HTTP: evening and weekend shifts planned for field staff. */
let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

const roster = (token: string, body: Record<string, unknown>) => call(h.app, token, 'POST', '/api/shifts/roster', body);

describe('ORG-06 shifts', () => {
  it('ORG-06 a coordinator rosters weekday evenings and a weekend shift; the roster shows them in local time', async () => {
    // Week of Mon 2026-11-23 … Sun 2026-11-29 (Asia/Shanghai).
    const evenings = await roster(tk.coordinator, {
      personIds: [h.t.engineer.id, h.t.engineer2.id],
      kind: 'evening',
      weekdays: [1, 2, 3, 4, 5],
      start: '18:00',
      end: '22:00',
      fromDate: '2026-11-23',
      toDate: '2026-11-29',
    });
    expect(evenings.status, JSON.stringify(evenings.body)).toBe(201);
    expect(evenings.body).toMatchObject({ created: 10, skipped: 0 });
    const weekend = await roster(tk.coordinator, {
      personIds: [h.t.engineer.id],
      kind: 'weekend',
      weekdays: [6],
      start: '20:00',
      end: '02:00',
      fromDate: '2026-11-23',
      toDate: '2026-11-29',
    });
    expect(weekend.body).toMatchObject({ created: 1 });

    const view = await call(h.app, tk.coordinator, 'GET', '/api/shifts?from=2026-11-23&to=2026-11-29');
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect((view.body.people as Body[]).map((p) => p.id)).toEqual(
      expect.arrayContaining([h.t.engineer.id, h.t.engineer2.id]),
    );
    const mine = (view.body.items as Body[]).filter((s) => s.personId === h.t.engineer.id);
    expect(mine).toHaveLength(6);
    // Monday 18:00 Beijing = 10:00Z; the Saturday night shift runs past midnight.
    expect(mine[0]).toMatchObject({
      kind: 'evening',
      start: '2026-11-23T10:00:00.000Z',
      end: '2026-11-23T14:00:00.000Z',
    });
    expect(mine.at(-1)).toMatchObject({
      kind: 'weekend',
      start: '2026-11-28T12:00:00.000Z',
      end: '2026-11-28T18:00:00.000Z',
    });
  });

  it('ORG-06 rostering again skips the shifts already planned; a shift can be taken out', async () => {
    const body = {
      personIds: [h.t.engineer.id],
      kind: 'evening',
      weekdays: [1, 2, 3, 4, 5],
      start: '19:00',
      end: '23:00',
      fromDate: '2026-11-23',
      toDate: '2026-11-24',
    };
    const again = await roster(tk.coordinator, body);
    expect(again.body).toMatchObject({ created: 0, skipped: 2 });
    const view = await call(h.app, tk.coordinator, 'GET', '/api/shifts?from=2026-11-23&to=2026-11-23');
    const first = (view.body.items as Body[]).find((s) => s.personId === h.t.engineer.id)!;
    const gone = await call(h.app, tk.coordinator, 'DELETE', `/api/shifts/${first.id}`);
    expect(gone.status).toBe(200);
    const after = await call(h.app, tk.coordinator, 'GET', '/api/shifts?from=2026-11-23&to=2026-11-23');
    expect((after.body.items as Body[]).map((s) => s.id)).not.toContain(first.id);
  });

  it('ORG-06 only planners roster; a bad time or an unknown person is refused', async () => {
    const body = {
      personIds: [h.t.engineer.id],
      kind: 'evening',
      weekdays: [1],
      start: '18:00',
      end: '22:00',
      fromDate: '2026-12-01',
      toDate: '2026-12-07',
    };
    expect((await roster(tk.engineer, body)).status).toBe(403);
    expect((await roster(tk.coordinator, { ...body, start: '25:00' })).status).toBe(400);
    const stranger = await roster(tk.coordinator, { ...body, personIds: [h.t.hotline.id] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details).toMatchObject({ field: 'personIds' });
  });
});
