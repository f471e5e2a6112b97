import 'server-only';
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { userSessions, users } from '@/db/schema';

/** 「姓 名」 of a client read with a join, or null when the account is gone (deleted). */
export const clientNameOf = (p: { familyName: string | null; givenName: string | null }) =>
  p.familyName ? `${p.familyName} ${p.givenName ?? ''}`.trim() : null;

export async function findUserIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row?.id;
}

export async function findRoleByEmail(db: Db, email: string) {
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row?.role;
}

export async function getAccountProfile(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      familyName: users.familyName,
      givenName: users.givenName,
      familyNameKana: users.familyNameKana,
      givenNameKana: users.givenNameKana,
      phone: users.phone,
      timeZone: users.timeZone,
      emailVerified: users.emailVerified,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export type AccountProfile = NonNullable<Awaited<ReturnType<typeof getAccountProfile>>>;

/** The counselor's client list, searchable by name, kana or email. */
export async function listClients(db: Db, options: { query?: string; limit?: number } = {}) {
  const q = options.query?.trim().normalize('NFKC');
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select({
      id: users.id,
      email: users.email,
      familyName: users.familyName,
      givenName: users.givenName,
      familyNameKana: users.familyNameKana,
      givenNameKana: users.givenNameKana,
      phone: users.phone,
      createdAt: users.createdAt,
      emailVerified: users.emailVerified,
    })
    .from(users)
    .where(
      and(
        eq(users.role, 'client'),
        pattern
          ? or(
              ilike(users.email, pattern),
              ilike(users.familyName, pattern),
              ilike(users.givenName, pattern),
              ilike(users.familyNameKana, pattern),
              ilike(users.givenNameKana, pattern),
            )
          : undefined,
      ),
    )
    .orderBy(asc(users.familyNameKana), asc(users.givenNameKana))
    .limit(options.limit ?? 200);
}

/** Everything stored about a client, for the data export (APPI 開示). */
export async function exportAccountData(db: Db, userId: string) {
  const profile = await getAccountProfile(db, userId);
  if (!profile) return undefined;
  const sessions = await db
    .select({
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      revokedAt: userSessions.revokedAt,
    })
    .from(userSessions)
    .where(eq(userSessions.userId, userId));
  return { exportedAt: new Date().toISOString(), profile, signIns: sessions };
}

/** Whether the client has opened the verification link (the portal's sensitive pages ask for it). */
export async function isEmailVerified(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(row?.verified);
}
