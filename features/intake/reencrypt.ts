import 'server-only';
import { and, asc, eq, getTableColumns, gt, isNull, ne, or } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import type { Keyring } from './crypto';

/** A row the keyring cannot read, and the key it needs. */
export type UnreadableRow = { id: string; keyId: string };
export type ReencryptResult = { reencrypted: number; unreadable: UnreadableRow[] };

/** What a table encrypted with the keyring tells the rotation. */
export type ReencryptSpec<T extends PgTable> = {
  table: T;
  /**
   * The row's id (the paging order), the key id stored beside its ciphertext (null: a row saved
   * before encryption, sealed by this run), and the ciphertext a rewrite compares, so a row
   * saved meanwhile is never overwritten.
   */
  columns: { id: PgColumn; keyId: PgColumn; ciphertext: PgColumn };
  /** Opens the row with the keyring and seals it again under the current key: the columns to write, or the key it needs. */
  reseal: (row: T['$inferSelect']) => { values: PgUpdateSetSource<T> } | { unreadableKeyId: string };
};

/**
 * Re-encrypts every row of a table not under the keyring's current key, or not encrypted yet
 * (run by `npm run intake:rotate-key`, one table after another). Each row is rewritten only if its ciphertext is
 * still as read, so a row saved meanwhile (already under the new key) is left as it is. A row
 * the keyring cannot read is left and reported: its key is needed back. Paged by id, since a
 * row left unread keeps its old key and would come round again.
 */
export async function reencryptRows<T extends PgTable>(
  { db, keyring }: { db: Db; keyring: Keyring },
  spec: ReencryptSpec<T>,
  batchSize = 100,
): Promise<ReencryptResult> {
  const { id, keyId, ciphertext } = spec.columns;
  const table = spec.table as PgTable;
  let reencrypted = 0;
  const unreadable: UnreadableRow[] = [];
  for (let after: string | undefined; ;) {
    const rows = (await db
      .select({ row: getTableColumns(table), rowId: id, sealed: ciphertext })
      .from(table)
      .where(and(or(isNull(keyId), ne(keyId, keyring.currentId)), after ? gt(id, after) : undefined))
      .orderBy(asc(id))
      .limit(batchSize)) as { row: T['$inferSelect']; rowId: string; sealed: unknown }[];
    if (rows.length === 0) return { reencrypted, unreadable };
    for (const { row, rowId, sealed } of rows) {
      const resealed = spec.reseal(row);
      if ('unreadableKeyId' in resealed) {
        unreadable.push({ id: rowId, keyId: resealed.unreadableKeyId });
        continue;
      }
      const updated = await db
        .update(table)
        .set(resealed.values as PgUpdateSetSource<PgTable>)
        .where(and(eq(id, rowId), sealed === null ? isNull(ciphertext) : eq(ciphertext, sealed)))
        .returning({ id });
      reencrypted += updated.length;
    }
    after = rows.at(-1)!.rowId;
  }
}
