import 'server-only';
import type { Db } from '@/db/client';
import type { User } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { deviceNonceFor } from './device';
import { forgiveRateLimit, hitRateLimits, rateLimitRules } from './rate-limit';
import { authenticate } from './service';

/**
 * A password sign-in under the rate limits (issue #14: anyone could lock any account out,
 * and successful sign-ins counted). Every attempt counts per IP. Per account, an attempt is
 * counted before the password is checked (so parallel guesses cannot slip past the limit)
 * and taken back when the password was right: only failures lock. A browser holding a
 * valid device cookie for the account is counted on its own, so failures from elsewhere do
 * not lock it out. A mailed one-time sign-in link is not limited by any of this.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; ip: string; deviceCookie?: string; secret: string; now: Date },
): Promise<User> {
  const nonce = deviceNonceFor(input.secret, input.deviceCookie, input.email);
  const account = nonce
    ? { rule: rateLimitRules.signInPerDevice, subject: `${input.email}:${nonce}` }
    : { rule: rateLimitRules.signInPerEmail, subject: input.email };
  const allowed = await hitRateLimits(
    db,
    [{ rule: rateLimitRules.signInPerIp, subject: input.ip }, account],
    input.now,
  );
  if (!allowed) throw new AppError('rate_limited');
  try {
    const user = await authenticate(db, input.email, input.password);
    await forgiveRateLimit(db, account, input.now);
    return user;
  } catch (err) {
    if (err instanceof AppError && err.code === 'email_not_verified') await forgiveRateLimit(db, account, input.now);
    throw err;
  }
}
