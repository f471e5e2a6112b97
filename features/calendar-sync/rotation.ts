import 'server-only';
import { and, asc, eq, isNotNull, ne, or } from 'drizzle-orm';
import { calendarImports } from '@/db/schema';
import { type Keyring, UnreadableCiphertextError } from '@/features/intake/crypto';
import type { ServiceContext } from '@/lib/service';
import { openImportUrl, sealImportUrl } from './crypto';
import { maskedUrl } from './mask';

// Apart from service.ts so that `npm run intake:rotate-key` loads under plain Node.
/**
 * Re-encrypts every calendar import address not under the keyring's current key, and seals the
 * ones still in plaintext (saved before encryption). One the keyring cannot read is left and
 * reported.
 */
export async function reencryptCalendarImports({ db, keyring }: ServiceContext & { keyring: Keyring }): Promise<{
  reencrypted: number;
  unreadable: { id: string; keyId: string }[];
}> {
  let reencrypted = 0;
  const unreadable: { id: string; keyId: string }[] = [];
  const rows = await db
    .select()
    .from(calendarImports)
    .where(or(isNotNull(calendarImports.url), ne(calendarImports.keyId, keyring.currentId)))
    .orderBy(asc(calendarImports.id));
  for (const row of rows) {
    let url: string;
    try {
      url = openImportUrl(keyring, row);
    } catch (err) {
      if (!(err instanceof UnreadableCiphertextError)) throw err;
      unreadable.push({ id: row.id, keyId: err.keyId });
      continue;
    }
    const updated = await db
      .update(calendarImports)
      .set({ ...sealImportUrl(keyring, row.id, url), urlHint: row.urlHint || maskedUrl(url) })
      // Untouched meanwhile (a sync may have sealed it already).
      .where(
        and(
          eq(calendarImports.id, row.id),
          row.urlEncrypted ? eq(calendarImports.urlEncrypted, row.urlEncrypted) : isNotNull(calendarImports.url),
        ),
      )
      .returning({ id: calendarImports.id });
    reencrypted += updated.length;
  }
  return { reencrypted, unreadable };
}
