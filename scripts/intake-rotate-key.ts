import fs from 'node:fs';
import { openDatabaseAt } from '@/db/client';
import { formatKeyring, parseKeyring, withNewKey } from '@/features/intake/crypto';
import { intakeKeyFile, readOrCreateKeyFile } from '@/features/intake/keys';
import { reencryptIntakes } from '@/features/intake/rotation';
import { reencryptSessionNotes } from '@/features/session-notes/rotation';
import { reencryptCalendarImports } from '@/features/calendar-sync/rotation';
import { databaseTarget } from '@/lib/env';

/**
 * Rotates the key of the questionnaire answers, the counselor's session notes and the addresses
 * of her imported calendars (one keyring).
 *
 *   npm run intake:rotate-key -- --print-new-key   prints a new key to put first in INTAKE_ENCRYPTION_KEYS
 *   npm run intake:rotate-key                      re-encrypts every answer under the first key
 *
 * With INTAKE_ENCRYPTION_KEYS set (production), follow the README's steps (the new key second,
 * deploy; then first, deploy; run this; drop old keys once no row uses them). With embedded defaults the key file in
 * DATA_DIR gets a new first key and everything is re-encrypted under it in one go.
 */
if (process.argv.includes('--print-new-key')) {
  const entry = formatKeyring(withNewKey(undefined));
  console.log(entry);
  process.exit(0);
}

const target = databaseTarget();
let keyring;
if (process.env.INTAKE_ENCRYPTION_KEYS) {
  keyring = parseKeyring(process.env.INTAKE_ENCRYPTION_KEYS);
} else {
  const file = intakeKeyFile(target.dataDir);
  keyring = withNewKey(readOrCreateKeyFile(file));
  fs.writeFileSync(`${file}.new`, formatKeyring(keyring), { mode: 0o600 });
  fs.renameSync(`${file}.new`, file);
  console.log(
    `added key ${keyring.currentId} to ${file} (older keys kept for backups; remove them when no backup needs them)`,
  );
}

const handle = await openDatabaseAt(target);
try {
  const ctx = { db: handle.db, keyring, now: new Date() };
  const intakes = await reencryptIntakes(ctx);
  console.log(
    `re-encrypted ${intakes.reencrypted} questionnaire response(s) under key ${keyring.currentId} in ${handle.kind} database at ${handle.location}`,
  );
  const notes = await reencryptSessionNotes(ctx);
  console.log(`re-encrypted ${notes.reencrypted} session note(s) under key ${keyring.currentId}`);
  const imports = await reencryptCalendarImports(ctx);
  console.log(`re-encrypted ${imports.reencrypted} calendar import address(es) under key ${keyring.currentId}`);
  for (const [what, unreadable] of [
    ['response(s)', intakes.unreadable],
    ['session note(s)', notes.unreadable],
    ['calendar import address(es)', imports.unreadable],
  ] as const) {
    if (unreadable.length === 0) continue;
    const keyIds = [...new Set(unreadable.map((u) => u.keyId))].join(', ');
    console.error(
      `${unreadable.length} ${what} could not be read and were left as they are (key ${keyIds}): put that key back into the keyring and run this again`,
    );
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
