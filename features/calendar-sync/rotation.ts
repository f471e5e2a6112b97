import 'server-only';
import { calendarImports } from '@/db/schema';
import { type Keyring, UnreadableCiphertextError } from '@/features/intake/crypto';
import { reencryptRows, type ReencryptResult } from '@/features/intake/reencrypt';
import type { ServiceContext } from '@/lib/service';
import { openImportUrl, sealImportUrl } from './crypto';
import { maskedUrl } from './mask';

/**
 * Re-encrypts every calendar import address not under the keyring's current key, and seals the
 * ones still in plaintext (saved before encryption; a sync that sealed one meanwhile wins). One
 * the keyring cannot read is left and reported.
 */
export async function reencryptCalendarImports({
  db,
  keyring,
}: ServiceContext & { keyring: Keyring }): Promise<ReencryptResult> {
  return reencryptRows(
    { db, keyring },
    {
      table: calendarImports,
      columns: { id: calendarImports.id, keyId: calendarImports.keyId, ciphertext: calendarImports.urlEncrypted },
      reseal: (row) => {
        let url: string;
        try {
          url = openImportUrl(keyring, row);
        } catch (err) {
          if (err instanceof UnreadableCiphertextError) return { unreadableKeyId: err.keyId };
          throw err;
        }
        return { values: { ...sealImportUrl(keyring, row.id, url), urlHint: row.urlHint || maskedUrl(url) } };
      },
    },
  );
}
