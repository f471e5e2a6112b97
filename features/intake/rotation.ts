import 'server-only';
import { intakeResponses } from '@/db/schema';
import type { ServiceContext } from '@/lib/service';
import type { Keyring } from './crypto';
import { reencryptRows, type ReencryptResult } from './reencrypt';
import { readAnswers, sealAnswers } from './stored-answers';

/**
 * Re-encrypts every questionnaire response not under the keyring's current key (`npm run
 * intake:rotate-key`). A draft saved meanwhile is never overwritten with older answers; a
 * response the keyring cannot read is left as it is and reported.
 */
export async function reencryptIntakes(
  { db, keyring }: ServiceContext & { keyring: Keyring },
  batchSize = 100,
): Promise<ReencryptResult> {
  return reencryptRows(
    { db, keyring },
    {
      table: intakeResponses,
      columns: { id: intakeResponses.id, keyId: intakeResponses.keyId, ciphertext: intakeResponses.answersEncrypted },
      reseal: (row) => {
        const read = readAnswers(keyring, row);
        return read.readable ? { values: sealAnswers(keyring, row.id, read.answers) } : { unreadableKeyId: read.keyId };
      },
    },
    batchSize,
  );
}
