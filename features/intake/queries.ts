import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { auditLog, intakeResponses, sessionNotes, users } from '@/db/schema';
import { getBooking } from '@/features/booking/queries';
import { messages } from '@/lib/messages';
import type { Keyring } from './crypto';
import { intakeWindow } from './domain/window';
import { describeResponse } from './stored-answers';

type Row = typeof intakeResponses.$inferSelect;

const client = alias(users, 'client');

export async function findIntakeRow(db: Db, bookingId: string): Promise<Row | undefined> {
  const [row] = await db.select().from(intakeResponses).where(eq(intakeResponses.bookingId, bookingId)).limit(1);
  return row;
}

/**
 * The client's own questionnaire for one of their bookings, decrypted, with the edit window.
 * Undefined when the booking is not theirs: the page answers 404 as for one that does not exist.
 */
export async function getClientIntake(
  db: Db,
  keyring: Keyring,
  input: { bookingId: string; clientId: string; now: Date },
) {
  const booking = await getBooking(db, input.bookingId);
  if (!booking || booking.clientId !== input.clientId) return undefined;
  const row = await findIntakeRow(db, booking.id);
  return {
    booking,
    window: intakeWindow({ startsAt: booking.startsAt, now: input.now, bookingStatus: booking.status }),
    response: row ? describeResponse(keyring, row) : null,
  };
}

/** The counselor's words for a questionnaire's state; 要確認: a positive safety answer. */
export const intakeStatusLabel = {
  submitted: '回答済み',
  draft: '回答途中',
  none: '未回答',
  flagged: '要確認',
} as const;
export type IntakeReviewState = keyof typeof intakeStatusLabel;

/** Status only (nothing decrypted), for lists: the portal home and the counselor's pages. */
export async function intakeStatusByBooking(db: Db, bookingIds: string[]): Promise<Map<string, 'draft' | 'submitted'>> {
  if (bookingIds.length === 0) return new Map();
  const rows = await db
    .select({ bookingId: intakeResponses.bookingId, status: intakeResponses.status })
    .from(intakeResponses)
    .where(inArray(intakeResponses.bookingId, bookingIds));
  return new Map(rows.map((r) => [r.bookingId, r.status]));
}

/**
 * The counselor's state of each booking's questionnaire, flag included (stored in the clear:
 * nothing is decrypted, so no read is audited). A booking without a row is 未回答.
 */
export async function intakeReviewStateByBooking(
  db: Db,
  bookingIds: string[],
): Promise<Map<string, IntakeReviewState>> {
  if (bookingIds.length === 0) return new Map();
  const rows = await db
    .select({
      bookingId: intakeResponses.bookingId,
      status: intakeResponses.status,
      flaggedAt: intakeResponses.flaggedAt,
    })
    .from(intakeResponses)
    .where(inArray(intakeResponses.bookingId, bookingIds));
  return new Map(rows.map((r) => [r.bookingId, r.flaggedAt ? 'flagged' : r.status]));
}

/**
 * Questionnaires with a positive safety answer that the counselor has not opened since it was
 * given: no `intake.read` audit entry at or after `flagged_at`.
 */
export async function listUnreadFlaggedIntakes(db: Db) {
  return db
    .select({
      bookingId: intakeResponses.bookingId,
      flaggedAt: intakeResponses.flaggedAt,
      status: intakeResponses.status,
      clientFamilyName: client.familyName,
      clientGivenName: client.givenName,
    })
    .from(intakeResponses)
    .leftJoin(client, eq(client.id, intakeResponses.clientId))
    .where(
      and(
        isNotNull(intakeResponses.flaggedAt),
        sql`not exists (select 1 from audit_log a where a.action = 'intake.read' and a.subject_id = ${intakeResponses.id} and a.at >= ${intakeResponses.flaggedAt})`,
      ),
    )
    .orderBy(asc(intakeResponses.flaggedAt));
}

/** The client's own answers in plain form, for the account data export; one that cannot be read is listed with a note. */
export async function exportClientIntakes(db: Db, keyring: Keyring, clientId: string) {
  const rows = await db.select().from(intakeResponses).where(eq(intakeResponses.clientId, clientId));
  return rows.map((row) => {
    const view = describeResponse(keyring, row);
    return {
      bookingId: row.bookingId,
      status: row.status,
      theme: view.themeLabel,
      consentedAt: row.consentedAt,
      submittedAt: row.submittedAt,
      ...(view.readable
        ? {
            answers: view.sections.flatMap((s) =>
              s.lines.filter((l) => l.text !== null).map((l) => ({ question: l.label, answer: l.text })),
            ),
          }
        : { note: messages.intake.unreadable.exportNote }),
    };
  });
}

const actor = alias(users, 'actor');

export async function listAuditEntries(db: Db, options: { clientId?: string; limit?: number } = {}) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      actorName: actor.name,
      actorEmail: actor.email,
      clientId: auditLog.clientId,
      clientFamilyName: client.familyName,
      clientGivenName: client.givenName,
      bookingId: sql<string | null>`coalesce(${intakeResponses.bookingId}, ${sessionNotes.bookingId})`,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(client, eq(client.id, auditLog.clientId))
    .leftJoin(
      intakeResponses,
      and(eq(auditLog.subjectType, 'intake_response'), eq(intakeResponses.id, auditLog.subjectId)),
    )
    .leftJoin(sessionNotes, and(eq(auditLog.subjectType, 'session_note'), eq(sessionNotes.id, auditLog.subjectId)))
    .where(options.clientId ? eq(auditLog.clientId, options.clientId) : undefined)
    .orderBy(desc(auditLog.at))
    .limit(options.limit ?? 200);
}

export const auditActionLabel: Record<string, string> = {
  'intake.read': '事前アンケートを閲覧',
  'note.read': 'セッションメモを閲覧',
  'note.write': 'セッションメモを保存',
};
