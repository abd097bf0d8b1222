import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';

export type KpiDailyGroup = 'day' | 'station' | 'area' | 'vendor' | 'engineer' | 'none';

/** One summed figure: the indicator, the breakdown it belongs to (`set`) and its group's value. */
export interface KpiDailySum {
  kpiKey: string;
  /** The breakdown this row is a group of (one query can answer several breakdowns at once). */
  set: KpiDailyGroup;
  group: string | null;
  numerator: number;
  denominator: number;
}

/** db.execute answers `{ rows }` on both drivers. */
export function rowsOf(result: unknown): unknown[] {
  return (result as { rows: unknown[] }).rows;
}

/** The breakdowns asked for, each once; none asked means the whole scope. */
export const distinctGroups = (groups: readonly KpiDailyGroup[]): KpiDailyGroup[] => {
  const wanted = [...new Set(groups.filter((g) => g !== 'none'))];
  return wanted.length > 0 ? wanted : ['none'];
};

/**
 * The select list `e0 as g0, e1 as g1, …` of each breakdown's group value, for a row source whose
 * sums are then taken per breakdown by `sumByGroups`. `none` is the constant null (the whole scope).
 */
export const groupColumns = (groups: readonly KpiDailyGroup[], valueOf: (g: KpiDailyGroup) => SQL | null): SQL =>
  sql.join(
    groups.map((g, i) => sql`${valueOf(g) ?? sql`null::text`} as ${sql.raw(`g${i}`)}`),
    sql`, `,
  );

/**
 * Sums `num` and `den` of the rows `source` selects (columns kpi_key, g0…gN-1, num, den) per
 * indicator and per group of each breakdown, in one pass: GROUPING SETS over the already computed
 * group columns (grouping on plain columns, because two bind parameters of the same time zone are
 * different expressions to PostgreSQL). GROUPING() tells which breakdown a row belongs to, since a
 * group's own value may be null (orders without a station).
 */
export async function sumByGroups(db: Db, source: SQL, groups: readonly KpiDailyGroup[]): Promise<KpiDailySum[]> {
  const k = groups.length;
  const cols = groups.map((_, i) => `g${i}`);
  const sets = sql.raw(cols.map((c) => `(kpi_key, ${c})`).join(', '));
  const res = await db.execute(sql`
    select kpi_key, ${sql.raw(cols.join(', '))}, ${k > 1 ? sql.raw(`grouping(${cols.join(', ')})`) : sql`0`} as gset,
           sum(num)::float8 as num, sum(den)::int8 as den
      from (${source}) s
     group by grouping sets (${sets})`);
  return (rowsOf(res) as Record<string, unknown>[]).map((r) => {
    // grouping(g0…gk-1) sets bit (k-1-i) for every column not grouped in the row's set.
    const mask = Number(r.gset);
    const i = k > 1 ? cols.findIndex((_, j) => (mask & (1 << (k - 1 - j))) === 0) : 0;
    const value = r[cols[i]!];
    return {
      kpiKey: String(r.kpi_key),
      set: groups[i]!,
      group: value === null || value === undefined ? null : String(value),
      numerator: Number(r.num),
      denominator: Number(r.den),
    };
  });
}
