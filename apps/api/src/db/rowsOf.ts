/**
 * The rows of a raw `db.execute(sql…)` result, typed as the statement's columns. Both drivers
 * (node-postgres and PGlite) return them as `rows`; drizzle types the result as unknown, so the one
 * cast lives here. `T` describes the SELECT or RETURNING list: column names as written in SQL.
 */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) throw new Error('a raw query result without rows');
  return rows as T[];
}
