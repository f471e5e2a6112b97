import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rateLimitCounters } from '@/db/schema';

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

/** Attempts allowed per window, per IP address and per email address. */
export const rateLimitRules = {
  signInPerIp: { name: 'sign-in:ip', limit: 20, windowSeconds: 15 * 60 },
  /** Failed passwords per address (successful sign-ins are not counted). */
  signInPerEmail: { name: 'sign-in:email', limit: 5, windowSeconds: 15 * 60 },
  /** Failed passwords per address from a browser that signed in to it before (device cookie). */
  signInPerDevice: { name: 'sign-in:device', limit: 5, windowSeconds: 15 * 60 },
  signUpPerIp: { name: 'sign-up:ip', limit: 5, windowSeconds: 60 * 60 },
  signUpMailPerEmail: { name: 'sign-up-mail:email', limit: 1, windowSeconds: 60 * 60 },
  mailLinkPerIp: { name: 'mail-link:ip', limit: 10, windowSeconds: 15 * 60 },
  mailLinkPerEmail: { name: 'mail-link:email', limit: 3, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export function windowStartFor(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/**
 * Counts one attempt under each key and says whether all are within their limits. The
 * increment is one upsert, so concurrent attempts on several app instances count exactly.
 */
export async function hitRateLimits(
  db: Db,
  hits: { rule: RateLimitRule; subject: string }[],
  now: Date,
): Promise<boolean> {
  let allowed = true;
  for (const { rule, subject } of hits) {
    const [row] = await db
      .insert(rateLimitCounters)
      .values({ key: `${rule.name}:${subject}`, windowStart: windowStartFor(now, rule.windowSeconds), count: 1 })
      .onConflictDoUpdate({
        target: [rateLimitCounters.key, rateLimitCounters.windowStart],
        set: { count: sql`${rateLimitCounters.count} + 1` },
      })
      .returning({ count: rateLimitCounters.count });
    if (!row || row.count > rule.limit) allowed = false;
  }
  return allowed;
}

/** Takes back one attempt counted by hitRateLimits (a sign-in that succeeded). */
export async function forgiveRateLimit(db: Db, hit: { rule: RateLimitRule; subject: string }, now: Date) {
  await db
    .update(rateLimitCounters)
    .set({ count: sql`greatest(${rateLimitCounters.count} - 1, 0)` })
    .where(
      and(
        eq(rateLimitCounters.key, `${hit.rule.name}:${hit.subject}`),
        eq(rateLimitCounters.windowStart, windowStartFor(now, hit.rule.windowSeconds)),
      ),
    );
}

/** Old windows are useless; called now and then. */
export async function pruneRateLimits(db: Db, now: Date): Promise<void> {
  await db
    .delete(rateLimitCounters)
    .where(lt(rateLimitCounters.windowStart, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}
