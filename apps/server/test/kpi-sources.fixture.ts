import { sql } from 'drizzle-orm';
import type { Db } from '@daowei/db';

/**
 * KPI-01 exactness tests: the demo generator's orders carry lifecycle events but no SLA clocks, borrow
 * cards or satisfaction callbacks. This adds them to a random share of the orders (deterministic per
 * seed), plus extra arrive / reopen / reschedule / no-access events and appointments, so every
 * indicator's pre-aggregate is compared with the direct computation on real figures.
 */
export async function addKpiSources(db: Db, tenantId: string, seed: number, now: Date) {
  const r = (salt: number) => sql.raw(`abs(hashint8(hashtext(o.id::text)::int8 + ${seed * 1000 + salt}))`);
  // Appointments (a window of 2 h, a day after acceptance) on a third of the orders without one.
  await db.execute(sql`
    update work_orders o set appointment_start = o.accepted_at + interval '1 day',
                             appointment_end = o.accepted_at + interval '1 day 2 hours'
     where o.tenant_id = ${tenantId} and o.appointment_start is null and ${r(1)} % 3 = 0`);
  // Extra events after each order's last one, in six patterns: a reopen alone (a fault the demo saw
  // arrived at once, then reopened), arrivals (some with the phone's time), reschedules by us or the
  // customer, nobody home.
  await db.execute(sql`
    insert into work_order_events (tenant_id, order_id, seq, action, to_status, at, payload, prev_hash, hash)
    select o.tenant_id, o.id, m.seq + x.n, x.action, o.status,
           coalesce(o.appointment_start, o.accepted_at) + make_interval(mins => (${r(2)} % 300)::int),
           case when x.action = 'arrive' and ${r(3)} % 2 = 0
                  then jsonb_build_object('arrivedAt', to_char((coalesce(o.appointment_start, o.accepted_at)
                         + make_interval(mins => (${r(4)} % 200)::int)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                when x.action = 'reschedule' then jsonb_build_object('askedBy', case when ${r(5)} % 2 = 0 then 'us' else 'customer' end)
                else '{}'::jsonb end,
           'test', 'test'
      from work_orders o
      join (select order_id, max(seq) as seq from work_order_events where tenant_id = ${tenantId} group by order_id) m
        on m.order_id = o.id
      cross join lateral (values (0, 1, 'reopen'), (1, 1, 'arrive'), (2, 1, 'arrive'), (2, 2, 'reopen'),
                                 (3, 1, 'reschedule'), (3, 2, 'reschedule'), (4, 1, 'no_access'), (4, 2, 'arrive'),
                                 (5, 1, 'reschedule'), (5, 2, 'no_access')) x(pattern, n, action)
     where o.tenant_id = ${tenantId} and ${r(10)} % 3 = 0 and x.pattern = (${r(20)} / 7) % 6`);
  // Satisfaction callbacks: one or two per order, the latest deciding.
  await db.execute(sql`
    insert into callback_tasks (tenant_id, order_id, vendor_id, station_id, key, kind, rule_key, rule_id, rules_id,
                                rules_version, reason, raised_at, not_before, due_at, blocks_close, state, satisfaction)
    select o.tenant_id, o.id, o.vendor_id, o.station_id, o.id || ':kpi' || x.n, 'satisfaction', 'kpi', 'CB-01', 'test', 1,
           '{"zh-CN":"测试","en":"test"}'::jsonb, o.accepted_at + make_interval(hours => x.n),
           o.accepted_at + make_interval(hours => x.n), o.accepted_at + make_interval(hours => x.n + 48), false,
           case when x.n = 1 and ${r(31)} % 2 = 0 then 'open'
                when (${r(32)} + x.n) % 4 = 0 then 'unreachable' else 'done' end,
           case when (${r(33)} + x.n) % 5 = 4 then null
                else (array['very_satisfied','satisfied','neutral','dissatisfied'])[1 + ((${r(34)} + x.n) % 4)::int] end
      from work_orders o cross join (values (1), (2)) x(n)
     where o.tenant_id = ${tenantId} and ${r(30)} % 3 = 0 and (x.n = 1 or ${r(35)} % 2 = 0)`);
  await db.execute(
    sql`update callback_tasks set satisfaction = null where tenant_id = ${tenantId} and state <> 'done'`,
  );
  // SLA clocks: met, breached, cancelled, running and paused (before or after due).
  await db.execute(sql`
    insert into sla_clocks (tenant_id, order_id, vendor_id, station_id, order_type, kind, rule_id, policy_id,
                            policy_version, started_at, due_at, warn_at, paused_intervals, state, paused_at,
                            stopped_at, provisional, engine)
    select o.tenant_id, o.id, o.vendor_id, o.station_id, o.type, 'kpi' || x.n, 'SLA-02', 'test', 1, o.accepted_at,
           o.accepted_at + make_interval(hours => (12 + ${r(41)} % 72)::int),
           o.accepted_at + interval '6 hours', '[]'::jsonb, x.state,
           case when x.state = 'paused' then o.accepted_at + make_interval(hours => (${r(42)} % 90)::int) end,
           case when x.state = 'stopped' then o.accepted_at + make_interval(hours => (${r(43)} % 90)::int) end,
           false,
           case when x.state = 'stopped' and ${r(44)} % 6 = 0 then '{"stopReason":"cancelled"}'::jsonb
                else '{"stopReason":"completed"}'::jsonb end
      from work_orders o
      cross join lateral (select n, case when (${r(45)} + n) % 5 = 0 then 'running'
                                         when (${r(45)} + n) % 5 = 1 then 'paused' else 'stopped' end as state
                            from (values (1), (2)) v(n)) x
     where o.tenant_id = ${tenantId} and ${r(40)} % 2 = 0 and (x.n = 1 or ${r(46)} % 3 = 0)
       and o.accepted_at < ${now}`);
  // Borrow cards: one or two per order, with lines used or not.
  const ids = await db.execute(sql`
    with item as (
      insert into part_items (tenant_id, code, name, category, tracking, unit_of_measure)
      values (${tenantId}, 'KPI-TEST', '测试备件', 'test', 'bulk', 'pcs') returning id),
    store as (
      insert into stock_locations (tenant_id, kind, name) values (${tenantId}, 'central', '测试仓') returning id)
    select (select id from item) as item_id, (select id from store) as store_id`);
  const { item_id: itemId, store_id: storeId } = (ids as unknown as { rows: { item_id: string; store_id: string }[] })
    .rows[0]!;
  await db.execute(sql`
    with cards as (
      insert into borrow_cards (tenant_id, order_id, engineer_id, store_id, issued_by, issued_at, policy_version)
      select o.tenant_id, o.id, o.holder_id, ${storeId}, o.holder_id, o.accepted_at + make_interval(hours => x.n), 1
        from work_orders o cross join (values (1), (2)) x(n)
       where o.tenant_id = ${tenantId} and o.holder_id is not null and ${r(50)} % 3 = 0 and (x.n = 1 or ${r(51)} % 2 = 0)
      returning id, order_id)
    insert into borrow_lines (tenant_id, card_id, item_id, quantity, consumed)
    select ${tenantId}, c.id, ${itemId}, 2, (abs(hashtext(c.id::text)) % 3)::int from cards c`);
}
