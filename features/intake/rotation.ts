import 'server-only';
import { and, asc, eq, gt, ne } from 'drizzle-orm';
import { intakeResponses } from '@/db/schema';
import type { ServiceContext } from '@/lib/service';
import type { Keyring } from './crypto';
import { readAnswers, sealAnswers } from './stored-answers';

// Apart from service.ts so that `npm run intake:rotate-key` loads under plain Node without the
// server-only query modules the rest of the service reaches.
/**
 * Re-encrypts every response not under the keyring's current key. Each row is rewritten only
 * if it is still as read, so a draft saved meanwhile is never overwritten with older answers.
 * A row the keyring cannot read is left as it is and reported: its key is needed back.
 */
export async function reencryptIntakes(
  { db, keyring }: ServiceContext & { keyring: Keyring },
  batchSize = 100,
): Promise<{ reencrypted: number; unreadable: { id: string; keyId: string }[] }> {
  let reencrypted = 0;
  const unreadable: { id: string; keyId: string }[] = [];
  // Paged by id, since a row left unread keeps its old key and would come round again.
  for (let after: string | undefined; ;) {
    const rows = await db
      .select()
      .from(intakeResponses)
      .where(and(ne(intakeResponses.keyId, keyring.currentId), after ? gt(intakeResponses.id, after) : undefined))
      .orderBy(asc(intakeResponses.id))
      .limit(batchSize);
    if (rows.length === 0) return { reencrypted, unreadable };
    for (const row of rows) {
      const read = readAnswers(keyring, row);
      if (!read.readable) {
        unreadable.push({ id: row.id, keyId: read.keyId });
        continue;
      }
      const updated = await db
        .update(intakeResponses)
        .set(sealAnswers(keyring, row.id, read.answers))
        .where(and(eq(intakeResponses.id, row.id), eq(intakeResponses.answersEncrypted, row.answersEncrypted)))
        .returning({ id: intakeResponses.id });
      reencrypted += updated.length;
    }
    after = rows.at(-1)!.id;
  }
}
