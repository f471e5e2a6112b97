import 'server-only';
import { and, asc, eq, gt, ne } from 'drizzle-orm';
import { sessionNotes } from '@/db/schema';
import type { Keyring } from '@/features/intake/crypto';
import type { ServiceContext } from '@/lib/service';
import { openNote, sealNote } from './crypto';

// Apart from service.ts so that `npm run intake:rotate-key` loads under plain Node.
/**
 * Re-encrypts every note not under the keyring's current key (run by `npm run
 * intake:rotate-key` beside the answers). A note saved meanwhile is left as it is (it already
 * carries the new key); one the keyring cannot read is left and reported.
 */
export async function reencryptSessionNotes(
  { db, keyring }: ServiceContext & { keyring: Keyring },
  batchSize = 100,
): Promise<{ reencrypted: number; unreadable: { id: string; keyId: string }[] }> {
  let reencrypted = 0;
  const unreadable: { id: string; keyId: string }[] = [];
  for (let after: string | undefined; ;) {
    const rows = await db
      .select()
      .from(sessionNotes)
      .where(and(ne(sessionNotes.keyId, keyring.currentId), after ? gt(sessionNotes.id, after) : undefined))
      .orderBy(asc(sessionNotes.id))
      .limit(batchSize);
    if (rows.length === 0) return { reencrypted, unreadable };
    for (const row of rows) {
      const read = openNote(keyring, row);
      if (!read.readable) {
        unreadable.push({ id: row.id, keyId: read.keyId });
        continue;
      }
      const updated = await db
        .update(sessionNotes)
        .set(sealNote(keyring, row.id, read.body))
        .where(and(eq(sessionNotes.id, row.id), eq(sessionNotes.bodyEncrypted, row.bodyEncrypted)))
        .returning({ id: sessionNotes.id });
      reencrypted += updated.length;
    }
    after = rows.at(-1)!.id;
  }
}
