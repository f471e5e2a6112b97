import 'server-only';
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

/**
 * The secrets session cookies are checked against: AUTH_SECRET signs, AUTH_SECRET_PREVIOUS
 * (during a rotation) is still accepted, so that nobody is signed out while instances move to
 * the new secret (README, Rotating AUTH_SECRET).
 */
export function getAuthSecrets(): string[] {
  const previous = getEnv().AUTH_SECRET_PREVIOUS;
  return previous ? [getAuthSecret(), previous] : [getAuthSecret()];
}
