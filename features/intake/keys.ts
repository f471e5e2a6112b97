import 'server-only';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { readOrCreateSecretFile } from '@/lib/secret-file';
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
  return parseKeyring(readOrCreateSecretFile(file, () => formatKeyring(withNewKey(undefined))));
}
