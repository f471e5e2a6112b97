import crypto from 'node:crypto';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { readOrCreateSecretFile } from '@/lib/secret-file';

/**
 * AUTH_SECRET, or with embedded defaults a secret generated once into DATA_DIR, so that
 * sessions survive restarts of `npm run dev` and `npm run demo`.
 */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  return readOrCreateSecretFile(path.join(env.DATA_DIR, 'auth-secret'), () =>
    crypto.randomBytes(32).toString('base64url'),
  ).trim();
}
