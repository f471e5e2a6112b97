import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type Role, userSessions, users } from '@/db/schema';
import { isUuid } from '@/lib/ids';

/** A signed-in browser is signed out after this long without a request. */
export const idleTimeoutMs = 30 * 60 * 1000;
/** lastSeenAt is written at most this often, so that reading pages stays cheap. */
const touchIntervalMs = 60 * 1000;

export async function createUserSession(db: Db, userId: string, now: Date): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId, createdAt: now, lastSeenAt: now })
    .returning({ id: userSessions.id });
  return row!.id;
}

export type ActiveSession = { sessionId: string; userId: string; role: Role; email: string; name: string };

/**
 * The session's user, or nothing if the session was revoked, has been idle too long, or its
 * user is gone. Activity moves lastSeenAt forward.
 */
export async function touchUserSession(db: Db, sessionId: string, now: Date): Promise<ActiveSession | undefined> {
  if (!isUuid(sessionId)) return undefined;
  const [row] = await db
    .select({
      sessionId: userSessions.id,
      userId: users.id,
      role: users.role,
      email: users.email,
      familyName: users.familyName,
      givenName: users.givenName,
      lastSeenAt: userSessions.lastSeenAt,
      revokedAt: userSessions.revokedAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, sessionId))
    .limit(1);
  if (!row || row.revokedAt) return undefined;
  const idle = now.getTime() - row.lastSeenAt.getTime();
  if (idle > idleTimeoutMs) {
    await revokeUserSession(db, sessionId, now);
    return undefined;
  }
  if (idle > touchIntervalMs) {
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, sessionId));
  }
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    role: row.role,
    email: row.email,
    name: `${row.familyName} ${row.givenName}`.trim(),
  };
}

export async function revokeUserSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Signs a user out everywhere, or everywhere but the given session. */
export async function revokeAllUserSessions(
  db: Db,
  userId: string,
  now: Date,
  exceptSessionId?: string,
): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        exceptSessionId ? ne(userSessions.id, exceptSessionId) : sql`true`,
      ),
    );
}
