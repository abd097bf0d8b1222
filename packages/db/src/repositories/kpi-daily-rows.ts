import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '@daowei/domain';

/**
 * KPI-01: the SELECT that rebuilds kpi_daily for a run of local days — one row per order (or SLA clock)
 * an indicator counts, with its anchor day, dimensions and numerator (the denominator is the row count
 * after grouping). Rows of orders still open past a deadline or window, and of SLA clocks still
 * running, carry `counts_from`: the local day that instant passes. A read "as of" an instant sums the
 * rows whose day has passed before its local day began and counts live only what passes during that
 * day (kpi-live.repository.ts) — so a stored day never goes stale just because time passed, and the
 * live part is a few hours' worth of orders whatever the backlog. Every branch mirrors one domain definition in
 * packages/domain/src/kpi/kpi-indicators.ts and the facts the server maps (kpi-facts.mapper.ts).
 */

export interface KpiDailyPolicy {
  timeZone: string;
  installWithinDays: number;
  faultResolutionHours: number;
  onTimeArrival: { by: 'window_start' | 'window_end'; graceMinutes: number };
  satisfiedLevels: readonly string[];
}

export const localDay = (col: SQL, tz: string) => sql`((${col} at time zone ${tz})::date)`;

/** The instant by which an arrival is on time (KPI-01 / SLA-07): an edge of the window plus a grace. */
export const arrivalDueSql = (p: KpiDailyPolicy, prefix = '') =>
  sql`(${sql.raw(`${prefix}${p.onTimeArrival.by === 'window_start' ? 'appointment_start' : 'appointment_end'}`)} + make_interval(mins => ${p.onTimeArrival.graceMinutes}))`;

/** KPI-01 install deadline: the same local time N days after acceptance (policy zone). */
export const installDueSql = (p: KpiDailyPolicy, prefix = '') =>
  sql`(((${sql.raw(`${prefix}accepted_at`)} at time zone ${p.timeZone}) + make_interval(days => ${p.installWithinDays})) at time zone ${p.timeZone})`;

/** KPI-01 fault deadline: N hours after acceptance. */
export const faultDueSql = (p: KpiDailyPolicy, prefix = '') =>
  sql`(${sql.raw(`${prefix}accepted_at`)} + make_interval(hours => ${p.faultResolutionHours}))`;

export const KPI_DAILY_EVENT_ACTIONS = ['arrive', 'reopen', 'reschedule', 'no_access'] as const;

/** A slice of a day: the orders of these engineers (`none`: also those nobody holds). */
export interface KpiHolderSlice {
  holderIds: readonly string[];
  none: boolean;
}

/** The condition "held by one of the slice's engineers" on the holder column `col`. */
export const holderSliceSql = (slice: KpiHolderSlice, col: string): SQL => {
  if (slice.holderIds.length === 0) return slice.none ? sql`${sql.raw(col)} is null` : sql`false`;
  const ids = sql`${sql.raw(col)} in (${sql.join(
    slice.holderIds.map((h) => sql`${h}::uuid`),
    sql`, `,
  )})`;
  return slice.none ? sql`(${ids} or ${sql.raw(col)} is null)` : sql`(${ids})`;
};

/** The dimensions of a drill-down's scope; null asks for orders without that value (no station yet). */
export interface KpiRowsScope {
  vendorId?: string | null;
  stationId?: string | null;
  areaId?: string | null;
  holderId?: string | null;
}

const SCOPE_COLUMNS = { vendorId: 'vendor_id', stationId: 'station_id', areaId: 'area_id', holderId: 'holder_id' };

/** `and col = value` (or `is null`) for every dimension of the scope, on the columns of `prefix`. */
export const rowsScopeSql = (scope: KpiRowsScope | undefined, prefix: string): SQL =>
  sql.join(
    Object.entries(SCOPE_COLUMNS).map(([field, col]) => {
      const v = scope?.[field as keyof KpiRowsScope];
      if (v === undefined) return sql``;
      return v === null ? sql.raw(` and ${prefix}${col} is null`) : sql` and ${sql.raw(`${prefix}${col}`)} = ${v}`;
    }),
    sql``,
  );

/**
 * The rows: tenant_id, day, kpi_key, vendor_id, station_id, area_id, holder_id, counts_from, num,
 * order_id, counts_at (the instant a row of an open order or running clock starts to count: it counts
 * "as of" any later-or-equal instant). `slice` rebuilds one engineer's part of a day; `keys`, `scope` and
 * `window` narrow the rows to one indicator, one scope and part of a day (the drill-down lists a day's
 * orders behind a figure).
 */
export function kpiDailyRowsSql(
  tenantId: string,
  days: { fromDay: string; toDay: string },
  p: KpiDailyPolicy,
  slice?: KpiHolderSlice,
  narrow?: { keys?: readonly string[]; scope?: KpiRowsScope; window?: { from: Date; to: Date } },
): SQL {
  const tz = p.timeZone;
  // Rebuilding a slice: only the orders its engineers hold (their rows carry that holder_id); their
  // SLA clocks carry a copy of it (kept by triggers), so a slice reads its engineers' clocks only.
  const held = (col: string) => (slice ? sql` and ${holderSliceSql(slice, col)}` : sql``);
  const scoped = (prefix: string) => rowsScopeSql(narrow?.scope, prefix);
  // The instants of the first local midnight and of the one after the last day: an instant is in the
  // days exactly when it is in [lo, hi), and the range is an index range (accepted / completed /
  // appointment / clock due indexes) the planner estimates well. (A test on the local date as well
  // was redundant and made it guess ~1 row per day, choosing nested loops that cost seconds a day.)
  // A drill-down may ask for a window of hours inside the days (a busy day read a part at a time).
  const lo = narrow?.window
    ? sql`${narrow.window.from}::timestamptz`
    : sql`(${days.fromDay}::date::timestamp at time zone ${tz})`;
  const hi = narrow?.window
    ? sql`${narrow.window.to}::timestamptz`
    : sql`((${days.toDay}::date + 1)::timestamp at time zone ${tz})`;
  const inDays = (col: string) => sql`${sql.raw(col)} >= ${lo} and ${sql.raw(col)} < ${hi}`;
  const day = (col: string) => localDay(sql.raw(col), tz);
  const dims = sql.raw('w.vendor_id, w.station_id, w.area_id, w.holder_id');
  const installDue = installDueSql(p, 'w.');
  const faultDue = faultDueSql(p, 'w.');
  const arrivalDue = arrivalDueSql(p, 'w.');
  const live = sql`w.tenant_id = ${tenantId} and w.status <> 'cancelled'${held('w.holder_id')}${scoped('w.')}`;
  const ordersIn = (col: string) =>
    sql`select id from work_orders where tenant_id = ${tenantId} and ${inDays(col)}${held('holder_id')}${scoped('')}`;
  const actions = sql.join(
    KPI_DAILY_EVENT_ACTIONS.map((a) => sql`${a}`),
    sql`, `,
  );
  const satisfied = p.satisfiedLevels.length
    ? sql.join(
        p.satisfiedLevels.map((l) => sql`${l}`),
        sql`, `,
      )
    : sql`null`;
  const openStatuses = sql.join(
    OPEN_STATUSES.map((st) => sql`${st}`),
    sql`, `,
  );
  // ENG-07: an arrival counts from the phone's time when the event carries one.
  const arrivalAt = sql`case when e.payload->>'arrivedAt' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T' then (e.payload->>'arrivedAt')::timestamptz else e.at end`;
  /**
   * One branch: the rows of `key` anchored on `anchor`, from `from` (with `where`); rows that count
   * from an instant carry it and its local day (`countsFromDay`: the day of another instant when the
   * instant is a microsecond past it, so the stored day and the live count split at the same midnight).
   */
  const row = (
    key: string,
    anchor: string,
    num: SQL,
    from: SQL,
    where: SQL,
    countsAt: SQL | null = null,
    countsFromDay: SQL | null = countsAt,
  ) => ({
    key,
    sql: sql`select w.tenant_id, ${day(anchor)} as day, ${key}::text as kpi_key, ${dims},
                    ${countsFromDay ? localDay(countsFromDay, tz) : sql`null::date`} as counts_from, (${num})::float8 as num,
                    w.id as order_id, ${countsAt ?? sql`null::timestamptz`} as counts_at
               from ${from} where ${where}`,
  });
  const wo = sql.raw('work_orders w');
  /**
   * A deadline rate of one order type: the completed orders by whether they met the deadline, and the
   * open ones — a failure from the instant the deadline passes (denominator only).
   */
  const deadlineRows = (key: string, type: 'install' | 'fault', due: SQL) => [
    row(
      key,
      'w.accepted_at',
      sql`case when w.completed_at <= ${due} then 1 else 0 end`,
      wo,
      sql`${live} and w.type = ${type} and w.completed_at is not null and ${inDays('w.accepted_at')}`,
    ),
    row(key, 'w.accepted_at', sql`0`, sql.raw('w_open w'), sql`w.type = ${type} and ${inDays('w.accepted_at')}`, due),
  ];
  const branches = [
    ...deadlineRows('install_within_days_rate', 'install', installDue),
    ...deadlineRows('fault_resolved_within_hours_rate', 'fault', faultDue),
    row(
      'average_fault_duration_hours',
      'w.completed_at',
      sql`extract(epoch from (w.completed_at - w.accepted_at)) / 3600`,
      wo,
      sql`${live} and w.type = 'fault' and w.completed_at is not null and ${inDays('w.completed_at')}`,
    ),
    row(
      'repeat_fault_rate',
      'w.accepted_at',
      sql`case when w.repeat_of_order_id is not null then 1 else 0 end`,
      wo,
      sql`${live} and w.type = 'fault' and ${inDays('w.accepted_at')}`,
    ),
    row(
      'complaints_per_users',
      'w.accepted_at',
      sql`1`,
      wo,
      sql`${live} and w.type = 'complaint' and ${inDays('w.accepted_at')}`,
    ),
    row(
      'on_time_arrival_rate',
      'w.appointment_start',
      sql`case when ev.arrived_at is not null and ev.arrived_at <= ${arrivalDue} then 1 else 0 end`,
      sql.raw('work_orders w left join ev on ev.order_id = w.id'),
      sql`${live} and ${inDays('w.appointment_start')} and (ev.arrived_at is not null or w.completed_at is not null)`,
    ),
    // Open and nobody has arrived: late from the instant its window (plus grace) closes.
    row(
      'on_time_arrival_rate',
      'w.appointment_start',
      sql`0`,
      sql.raw('w_open w left join ev on ev.order_id = w.id'),
      sql`${inDays('w.appointment_start')} and ev.arrived_at is null`,
      arrivalDue,
    ),
    row(
      'first_time_fix_rate',
      'w.completed_at',
      sql`case when ev.arrivals = 1 and ev.reopens = 0 then 1 else 0 end`,
      sql.raw('work_orders w join ev on ev.order_id = w.id'),
      sql`${live} and w.type = 'fault' and ev.arrivals > 0 and ${inDays('w.completed_at')}`,
    ),
    row(
      'callback_completion_rate',
      'w.completed_at',
      sql`case when cb.state = 'done' then 1 else 0 end`,
      sql.raw('work_orders w join cb on cb.order_id = w.id'),
      sql`${live} and ${inDays('w.completed_at')}`,
    ),
    row(
      'satisfaction_rate',
      'w.completed_at',
      sql`case when cb.satisfaction in (${satisfied}) then 1 else 0 end`,
      sql.raw('work_orders w join cb on cb.order_id = w.id'),
      sql`${live} and cb.state = 'done' and cb.satisfaction is not null and ${inDays('w.completed_at')}`,
    ),
    row(
      'parts_hit_rate',
      'w.completed_at',
      sql`case when pt.hit then 1 else 0 end`,
      sql.raw('work_orders w join pt on pt.order_id = w.id'),
      sql`${live} and ${inDays('w.completed_at')}`,
    ),
    row(
      'reschedules_by_us',
      'w.accepted_at',
      sql`coalesce(ev.resched_us, 0)`,
      sql.raw('work_orders w left join ev on ev.order_id = w.id'),
      sql`${live} and ${inDays('w.accepted_at')}
          and (w.appointment_start is not null or coalesce(ev.arrivals, 0) > 0 or coalesce(ev.no_access, 0) > 0)`,
    ),
    row(
      'no_access_rate',
      'w.accepted_at',
      sql`case when coalesce(ev.no_access, 0) > 0 then 1 else 0 end`,
      sql.raw('work_orders w left join ev on ev.order_id = w.id'),
      sql`${live} and ${inDays('w.accepted_at')}
          and (w.appointment_start is not null or coalesce(ev.arrivals, 0) > 0 or coalesce(ev.no_access, 0) > 0)`,
    ),
    // SLA-02 outcome by due day: stopped in time or not (the at-risk index: state, due instant) …
    row(
      'sla_compliance_rate',
      'c.due_at',
      sql`case when c.stopped_at <= c.due_at then 1 else 0 end`,
      clocksJoin,
      sql`c.tenant_id = ${tenantId} and c.state = 'stopped' and coalesce(c.engine->>'stopReason', '') <> 'cancelled'
          and ${live} and ${inDays('c.due_at')}${held('c.holder_id')}`,
    ),
    // … and not stopped yet (the open-clocks index): running, a breach once its due instant has passed
    // (counts_at one microsecond later: "due before asOf", the storage's resolution); paused after its
    // due instant, breached already (SLA-09 clockStatus); paused before it, not counted.
    row(
      'sla_compliance_rate',
      'c.due_at',
      sql`0`,
      clocksJoin,
      sql`c.tenant_id = ${tenantId} and c.state = 'paused' and c.paused_at > c.due_at
          and ${live} and ${inDays('c.due_at')}${held('c.holder_id')}`,
    ),
    row(
      'sla_compliance_rate',
      'c.due_at',
      sql`0`,
      clocksJoin,
      sql`c.tenant_id = ${tenantId} and c.state not in ('stopped', 'paused')
          and ${live} and ${inDays('c.due_at')}${held('c.holder_id')}`,
      sql`(c.due_at + interval '1 microsecond')`,
      sql.raw('c.due_at'),
    ),
  ].filter((b) => !narrow?.keys || narrow.keys.includes(b.key));
  return sql`
    with o as (
      ${ordersIn('accepted_at')}
      union ${ordersIn('completed_at')}
      union ${ordersIn('appointment_start')}
    ),
    ev as (
      select e.order_id,
             count(*) filter (where e.action = 'arrive')::int as arrivals,
             count(*) filter (where e.action = 'reopen')::int as reopens,
             count(*) filter (where e.action = 'reschedule' and e.payload->>'askedBy' = 'us')::int as resched_us,
             count(*) filter (where e.action = 'no_access')::int as no_access,
             (array_agg(${arrivalAt} order by e.seq) filter (where e.action = 'arrive'))[1] as arrived_at
        from work_order_events e
       where e.tenant_id = ${tenantId} and e.action in (${actions}) and e.order_id in (select id from o)
       group by e.order_id
    ),
    cb as (
      -- CB-01/02: the latest satisfaction task speaks for the order (a reopen owes a new callback).
      select distinct on (t.order_id) t.order_id, t.state, t.satisfaction
        from callback_tasks t
       where t.tenant_id = ${tenantId} and t.kind = 'satisfaction' and t.order_id in (select id from o)
       order by t.order_id, t.raised_at desc, t.id desc
    ),
    pt as (
      -- PART-05: a part used from a card issued after the order's first card was missing at first.
      select b.order_id,
             bool_and(not (l.consumed > 0 and b.issued_at > f.first_issued)) as hit
        from borrow_cards b
        join borrow_lines l on l.tenant_id = b.tenant_id and l.card_id = b.id
        join (select order_id, min(issued_at) as first_issued from borrow_cards
               where tenant_id = ${tenantId} and order_id in (select id from o) group by order_id) f
          on f.order_id = b.order_id
       where b.tenant_id = ${tenantId} and b.order_id in (select id from o)
       group by b.order_id
    ),
    w_open as (
      -- Orders still open (open status, not completed) accepted or appointed in the days: the open-order
      -- indexes find them (they stay few however many orders are done).
      select w.* from work_orders w
       where ${live} and w.completed_at is null and w.status in (${openStatuses})
         and (${inDays('w.accepted_at')} or ${inDays('w.appointment_start')})
    )
    ${sql.join(
      branches.map((b) => b.sql),
      sql`
    union all
    `,
    )}`;
}

const clocksJoin = sql.raw('sla_clocks c join work_orders w on w.tenant_id = c.tenant_id and w.id = c.order_id');
