import 'server-only';
import { sessionNotes } from '@/db/schema';
import type { Keyring } from '@/features/intake/crypto';
import { reencryptRows, type ReencryptResult } from '@/features/intake/reencrypt';
import type { ServiceContext } from '@/lib/service';
import { openNote, sealNote } from './crypto';

/**
 * Re-encrypts every note not under the keyring's current key (run by `npm run
 * intake:rotate-key` beside the answers). A note saved meanwhile is left as it is (it already
 * carries the new key); one the keyring cannot read is left and reported.
 */
export async function reencryptSessionNotes(
  { db, keyring }: ServiceContext & { keyring: Keyring },
  batchSize = 100,
): Promise<ReencryptResult> {
  return reencryptRows(
    { db, keyring },
    {
      table: sessionNotes,
      columns: { id: sessionNotes.id, keyId: sessionNotes.keyId, ciphertext: sessionNotes.bodyEncrypted },
      reseal: (row) => {
        const read = openNote(keyring, row);
        return read.readable ? { values: sealNote(keyring, row.id, read.body) } : { unreadableKeyId: read.keyId };
      },
    },
    batchSize,
  );
}
