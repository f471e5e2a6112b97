import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Stripe-style ids: a prefix and random base62 (`cs_test_a1B2…`, `pi_3Q…`, `evt_…`). */
export function newId(prefix: string, length = 24): string {
  let suffix = '';
  while (suffix.length < length) {
    for (const byte of randomBytes(length)) {
      // 248 is the largest multiple of 62 below 256: rejecting the rest keeps the alphabet uniform.
      if (byte < 248 && suffix.length < length) suffix += alphabet[byte % 62];
    }
  }
  return `${prefix}${suffix}`;
}
