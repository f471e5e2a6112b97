import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type AccountTokenPurpose, accountTokens } from '@/db/schema';

export const tokenLifetimes: Record<AccountTokenPurpose, number> = {
  'verify-email': 24 * 60 * 60 * 1000,
  'reset-password': 60 * 60 * 1000,
  'change-email': 24 * 60 * 60 * 1000,
};

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Creates a token and returns it; only its hash is stored. */
export async function issueAccountToken(
  db: Db,
  input: { userId: string; purpose: AccountTokenPurpose; now: Date; email?: string },
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.insert(accountTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    email: input.email,
    expiresAt: new Date(input.now.getTime() + tokenLifetimes[input.purpose]),
  });
  return token;
}

/**
 * Uses a token once: a single UPDATE marks it used only if it is unused and unexpired, so
 * two concurrent uses cannot both succeed.
 */
export async function consumeAccountToken(db: Db, input: { token: string; purpose: AccountTokenPurpose; now: Date }) {
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(input.token)),
        eq(accountTokens.purpose, input.purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, input.now),
      ),
    )
    .returning({ userId: accountTokens.userId, email: accountTokens.email });
  return row;
}
