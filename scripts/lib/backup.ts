import type { Sql, TransactionSql } from 'postgres';

/** Row count of every table in the public, drizzle and pgboss schemas. */
export async function tableCounts(sql: Sql | TransactionSql): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }[]>`
    select format('%I.%I', schemaname, tablename) as name from pg_tables
    where schemaname in ('public', 'drizzle', 'pgboss') order by 1`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${name}`);
    counts[name] = row!.n;
  }
  return counts;
}
