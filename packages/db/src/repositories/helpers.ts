/**
 * ILIKE pattern for "contains q". The user's text is matched literally: %, _ and the escape
 * character itself are escaped (PostgreSQL's default LIKE escape is the backslash).
 */
export function containsPattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Page sizes are bounded here so no caller can ask the database for an unbounded list. */
export function clampLimit(limit: number | undefined, fallback = 50, max = 100): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids arrive from URLs. Something that is not a uuid cannot name a row, and handing it to PostgreSQL
 * would raise a syntax error (a 500) instead of a plain "not found".
 */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
