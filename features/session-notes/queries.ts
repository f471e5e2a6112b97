import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, sessionNotes } from '@/db/schema';
import { siteConfig } from '@/lib/site-config';

/**
 * That notes exist, without their text (nothing is decrypted, so nothing is audited): for the
 * counselor's client page (which sessions have a note) and the client's data export.
 */
export async function listSessionNoteSummaries(db: Db, clientId: string) {
  return db
    .select({
      id: sessionNotes.id,
      bookingId: sessionNotes.bookingId,
      sessionStartsAt: bookings.startsAt,
      createdAt: sessionNotes.createdAt,
      updatedAt: sessionNotes.updatedAt,
    })
    .from(sessionNotes)
    .leftJoin(bookings, eq(bookings.id, sessionNotes.bookingId))
    .where(eq(sessionNotes.clientId, clientId))
    .orderBy(asc(sessionNotes.createdAt));
}

/** How a client asks for their notes (APPI 開示請求): in the export and on the privacy page. */
export const noteDisclosureHowTo = () =>
  `カウンセラーのセッションメモの内容は、ご本人のご請求により開示します（個人情報保護法第33条に基づく開示請求）。${siteConfig.seller.email} までメールでご請求ください。ご本人確認のうえ、遅滞なく電子データ（ご希望により書面）でお渡しします。詳しくはプライバシーポリシー（/legal/privacy）をご覧ください。`;

/** The export's part about notes: how many, for which sessions and when written; never the text. */
export async function exportSessionNoteSummary(db: Db, clientId: string) {
  const rows = await listSessionNoteSummaries(db, clientId);
  return {
    count: rows.length,
    notes: rows.map((r) => ({
      about: r.bookingId ? 'session' : 'client',
      sessionStartsAt: r.sessionStartsAt,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    howToRequest: noteDisclosureHowTo(),
  };
}
