import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Body, Harness } from './harness.js';

/** One request of the bad-input test, with a JSON body, a raw payload, or none. */
export interface Sent {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  token: string | null;
  json?: unknown;
  raw?: { payload: string; contentType: string };
  headers?: Record<string, string | string[]>;
}

export type BadInputProbe = ReturnType<typeof createBadInputProbe>;

/**
 * Sends the bad-input test's requests and checks what holds for any input (SEC-03): never a 5xx; an
 * error is `{ code, message, details? }` without a stack trace or SQL; a rejected request leaves the
 * tenant's data as it was. Counts the requests and the routes reached.
 */
export function createBadInputProbe(h: Harness) {
  const stats = { requests: 0, rejected: 0, accepted: 0 };
  const covered = new Set<string>();

  /** Row counts and version sums of the test tenant (orders, people, sessions, parts): what a rejected request must leave alone. */
  async function fingerprint(): Promise<string> {
    const tid = h.t.tenant.id;
    const [row] = await h.database.db
      .execute<Record<string, unknown>>(
        sql`
      select
        (select count(*) from work_orders where tenant_id = ${tid})::int as work_orders,
        (select coalesce(sum(version), 0) from work_orders where tenant_id = ${tid})::int as versions,
        (select count(*) from work_order_events where tenant_id = ${tid})::int as events,
        (select count(*) from sessions where tenant_id = ${tid})::int as sessions,
        (select count(*) from external_accounts where tenant_id = ${tid})::int as external_accounts,
        (select count(*) from people where tenant_id = ${tid})::int as people,
        (select count(*) from customers where tenant_id = ${tid})::int as customers,
        (select count(*) from idempotency_keys where tenant_id = ${tid})::int as idempotency_keys,
        (select count(*) from part_items where tenant_id = ${tid})::int as part_items,
        (select count(*) from stock_locations where tenant_id = ${tid})::int as stock_locations,
        (select count(*) from stock_movements where tenant_id = ${tid})::int as stock_movements,
        (select count(*) from borrow_lines where tenant_id = ${tid})::int as borrow_lines,
        (select count(*) from parts_waivers where tenant_id = ${tid})::int as parts_waivers
    `,
      )
      .then((r) => (r as unknown as { rows: Record<string, unknown>[] }).rows);
    return JSON.stringify(row);
  }

  async function send(req: Sent) {
    const headers: Record<string, string | string[]> = {
      ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
    };
    let payload: string | undefined;
    if (req.raw) {
      headers['content-type'] = req.raw.contentType;
      payload = req.raw.payload;
    } else if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(req.json);
    }
    Object.assign(headers, req.headers);
    const res = await h.app.inject({
      method: req.method,
      url: req.url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });
    return { status: res.statusCode, raw: res.body };
  }

  /**
   * Sends one request and checks the rules that hold for any input; returns the status. `mustReject`
   * demands a 4xx.
   */
  async function probe(route: string, req: Sent, mustReject: boolean): Promise<number> {
    covered.add(route);
    const before = await fingerprint();
    const res = await send(req);
    stats.requests += 1;
    const where = `${route} ${req.url.slice(0, 200)} ${JSON.stringify(req.json ?? req.raw ?? null).slice(0, 300)} → ${res.status} ${res.raw.slice(0, 300)}`;
    expect(res.status, where).toBeLessThan(500);
    if (mustReject) expect(res.status, where).toBeGreaterThanOrEqual(400);
    if (res.status >= 400) {
      stats.rejected += 1;
      const body = JSON.parse(res.raw) as Body;
      expect(typeof body.code, where).toBe('string');
      expect(body.code, where).toMatch(/^[A-Z][A-Z_]+$/);
      expect(typeof body.message, where).toBe('string');
      expect(
        Object.keys(body).every((k) => ['code', 'message', 'details'].includes(k)),
        where,
      ).toBe(true);
      expect(res.raw, where).not.toMatch(
        /\bat .+:\d+:\d+|node_modules|\.ts:\d+|\b(SELECT|INSERT|UPDATE) .+ (FROM|INTO|SET) /,
      );
      expect(await fingerprint(), `${where}: a rejected request changed the database`).toBe(before);
    } else {
      stats.accepted += 1;
    }
    return res.status;
  }

  return { stats, covered, fingerprint, send, probe };
}
