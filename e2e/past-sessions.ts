/**
 * Sessions that have already taken place, written into the e2e data folder before the server
 * opens it: no page can book a time in the past, and the counselor marks past sessions.
 * Yesterday (Japan time) at 10:00 and 13:00, confirmed, one per viewport of e2e/admin-dashboard.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { type Db, openPglite } from '@/db/client';
import { bookings, notices, type SessionType, sessionTypes, users } from '@/db/schema';
import { hashPassword } from '@/features/accounts/password';
import { seedBooking } from '@/features/booking/seed';
import { addDays, japanDate, japanInstant } from '@/lib/time';
import { writePackageClients } from './package-clients';

export const pastSessionClients = [
  { familyName: '過去', givenName: '一郎', minute: 10 * 60 },
  { familyName: '過去', givenName: '二郎', minute: 13 * 60 },
] as const;

/**
 * Clients whose online session starts within hours (inside the 24 h the meeting link shows from):
 * no page can book that close. One per viewport of e2e/meeting-links.
 */
export const nearSessionClients = [
  { email: 'near-session-0@example.jp', hoursAhead: 2, meetingUrl: 'https://zoom.us/j/9990000001' },
  { email: 'near-session-1@example.jp', hoursAhead: 4, meetingUrl: 'https://zoom.us/j/9990000002' },
] as const;
export const nearSessionPassword = 'near session password 2026';

export const failingNoticeRecipients = ['failing-notice-0@example.jp', 'failing-notice-1@example.jp'] as const;

export async function writePastSessions(dataDir: string, now = new Date()): Promise<void> {
  const handle = await openPglite(path.join(dataDir, 'pglite'));
  try {
    await handle.migrate();
    await seedBooking(handle.db);
    const [type] = await handle.db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60'));
    const yesterday = addDays(japanDate(now), -1);
    for (const [i, c] of pastSessionClients.entries()) {
      const [client] = await handle.db
        .insert(users)
        .values({
          email: `past-session-${i}@example.jp`,
          familyName: c.familyName,
          givenName: c.givenName,
          role: 'client',
          emailVerified: now,
        })
        .returning();
      await insertConfirmedSession(handle.db, {
        clientId: client!.id,
        type: type!,
        startsAt: japanInstant(yesterday, c.minute),
        meetingUrl: 'https://meet.example.jp/counselor',
      });
    }
    const passwordHash = await hashPassword(nearSessionPassword);
    for (const c of nearSessionClients) {
      const [client] = await handle.db
        .insert(users)
        .values({
          email: c.email,
          familyName: '直前',
          givenName: '花子',
          role: 'client',
          emailVerified: now,
          passwordHash,
        })
        .returning();
      await insertConfirmedSession(handle.db, {
        clientId: client!.id,
        type: type!,
        startsAt: new Date(Math.ceil(now.getTime() / 1_800_000) * 1_800_000 + c.hoursAhead * 3_600_000),
        meetingUrl: c.meetingUrl,
      });
    }
    // Notices the mail server kept refusing, one per viewport of e2e/admin-notices.
    for (const i of [0, 1])
      await handle.db.insert(notices).values({
        key: `e2e-failing-${i}`,
        about: 'e2e failing notice',
        to: failingNoticeRecipients[i]!,
        subject: '【こころの整理室】ご予約が確定しました',
        text: 'ご予約を承りました。',
        html: '<p>ご予約を承りました。</p>',
        status: 'failed',
        attempts: 12,
        lastError: 'connect ECONNREFUSED 127.0.0.1:587',
        lastAttemptAt: now,
        nextAttemptAt: now,
      });
    await writePackageClients(handle.db, now);
  } finally {
    await handle.close();
  }
}

/** A confirmed (paid) session written straight into the database, for data no page can make. */
export async function insertConfirmedSession(
  db: Db,
  input: { clientId: string; type: SessionType; startsAt: Date; meetingUrl?: string },
): Promise<string> {
  const endsAt = new Date(input.startsAt.getTime() + input.type.durationMinutes * 60_000);
  const [booking] = await db
    .insert(bookings)
    .values({
      clientId: input.clientId,
      sessionTypeId: input.type.id,
      startsAt: input.startsAt,
      endsAt,
      blockedUntil: endsAt,
      status: 'confirmed',
      priceYen: input.type.priceYen,
      meetingUrl: input.meetingUrl ?? null,
    })
    .returning({ id: bookings.id });
  return booking!.id;
}
