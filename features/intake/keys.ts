import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { formatKeyring, type Keyring, parseKeyring, withNewKey } from './crypto';

/**
 * INTAKE_ENCRYPTION_KEYS (required in production), or with embedded defaults a key generated
 * once into DATA_DIR, like the session secret.
 */
export function getIntakeKeyring(): Keyring {
  const env = getEnv();
  if (env.INTAKE_ENCRYPTION_KEYS) return parseKeyring(env.INTAKE_ENCRYPTION_KEYS);
  return readOrCreateKeyFile(intakeKeyFile(env.DATA_DIR));
}

export function intakeKeyFile(dataDir: string): string {
  return path.join(dataDir, 'intake-keys');
}

export function readOrCreateKeyFile(file: string): Keyring {
  try {
    return parseKeyring(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, formatKeyring(withNewKey(undefined)), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another worker wrote it first: read theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    return parseKeyring(fs.readFileSync(file, 'utf8'));
  }
}
