import 'server-only';
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, intakeResponses } from '@/db/schema';
import { getBooking } from '@/features/booking/queries';
import { setBookingTheme } from '@/features/booking/service';
import { findTheme, type ThemeId } from '@/features/library/themes';
import { deliverQueued } from '@/features/mail/notice';
import { noticeIntakeFlagged } from '@/features/notifications/triggers';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '@/lib/service';
import type { Keyring } from './crypto';
import { composeIntake } from './domain/definitions';
import { isSafetyFlagged } from './domain/reflection';
import type { Answers } from './domain/types';
import { canEditIntake, intakeWindow } from './domain/window';
import { findIntakeRow } from './queries';
import { describeResponse, type IntakeView, readAnswers, sealAnswers } from './stored-answers';

/** The client's own booking, still open for this questionnaire; another client's looks like none. */
/** An intake service also holds the keys that seal and open the answers. */
export type IntakeContext = ServiceContext & { keyring: Keyring };

async function editableBookingOrThrow(db: Db, input: { bookingId: string; clientId: string; now: Date }) {
  const booking = await getBooking(db, input.bookingId);
  if (!booking || booking.clientId !== input.clientId) throw new AppError('not_found');
  const row = await findIntakeRow(db, booking.id);
  const window = intakeWindow({ startsAt: booking.startsAt, now: input.now, bookingStatus: booking.status });
  if (!canEditIntake(window, row?.status ?? 'none')) throw new AppError('intake_locked');
  return { booking, row };
}

/**
 * Stored answers the keys cannot open stay as they are, so that they come back when their key
 * is restored: nothing the client sends replaces them (their page says why instead of the form).
 */
function storedAnswersOrThrow(keyring: Keyring, row: typeof intakeResponses.$inferSelect): Answers {
  const read = readAnswers(keyring, row);
  if (!read.readable) throw new AppError('intake_unreadable');
  return read.answers;
}

/**
 * APPI: the client's explicit consent, before any answer is stored. The row it creates holds
 * no answers yet; the theme chosen at booking is preselected.
 */
export async function consentToIntake(
  { db, keyring, now }: IntakeContext,
  request: { bookingId: string; clientId: string },
) {
  const input = { ...request, now };
  const { booking, row } = await editableBookingOrThrow(db, input);
  if (row) return row.id;
  const theme = (findTheme(booking.theme)?.id ?? null) as ThemeId | null;
  const { versions } = composeIntake(theme);
  const id = crypto.randomUUID();
  await db
    .insert(intakeResponses)
    .values({
      id,
      bookingId: booking.id,
      clientId: input.clientId,
      theme,
      generalVersion: versions.general,
      themeVersion: versions.themeVersion,
      consentedAt: input.now,
      updatedAt: input.now,
      ...sealAnswers(keyring, id, {}),
    })
    .onConflictDoNothing({ target: intakeResponses.bookingId });
  return (await findIntakeRow(db, booking.id))!.id;
}

/** When the answers turned flagged: kept while they stay flagged, cleared when they no longer are. */
function flaggedAtFor(row: { flaggedAt: Date | null }, input: { answers: Answers; now: Date }): Date | null {
  return isSafetyFlagged(input.answers) ? (row.flaggedAt ?? input.now) : null;
}

type Save = { bookingId: string; clientId: string; theme: ThemeId | null; answers: Answers };

/** `basedOn`: when the draft the page shows was saved; a page behind a newer save must not overwrite it. */
type DraftSave = Save & { basedOn?: Date };

function versionedColumns(theme: ThemeId | null) {
  const { versions } = composeIntake(theme);
  return { theme, generalVersion: versions.general, themeVersion: versions.themeVersion };
}

/**
 * Saves a draft as the client types. Sent answers are changed only by sending them again, and
 * a page left open on another device (its draft older than the stored one) is refused as
 * `stale` rather than overwriting what the client wrote since.
 */
export async function saveIntakeDraft(
  { db, keyring, now }: IntakeContext,
  request: DraftSave,
): Promise<{ outcome: 'saved' | 'already_submitted' | 'stale'; savedAt?: Date }> {
  const input = { ...request, now };
  const { row } = await editableBookingOrThrow(db, input);
  if (!row) throw new AppError('consent_required');
  storedAnswersOrThrow(keyring, row);
  if (row.status === 'submitted') return { outcome: 'already_submitted' };
  if (input.basedOn && row.updatedAt.getTime() !== input.basedOn.getTime()) return { outcome: 'stale' };
  const saved = await db
    .update(intakeResponses)
    .set({
      ...versionedColumns(input.theme),
      ...sealAnswers(keyring, row.id, input.answers),
      flaggedAt: flaggedAtFor(row, input),
      updatedAt: input.now,
    })
    // Only the row as read: a draft or a send that got in between wins, and a draft arriving
    // after the answers were sent must not turn them back into a draft.
    .where(
      and(
        eq(intakeResponses.id, row.id),
        eq(intakeResponses.status, 'draft'),
        eq(intakeResponses.answersEncrypted, row.answersEncrypted),
      ),
    )
    .returning({ updatedAt: intakeResponses.updatedAt });
  if (saved.length === 0) return { outcome: 'stale' };
  return { outcome: 'saved', savedAt: saved[0]!.updatedAt };
}

/**
 * Sends the answers (validated by the caller with the full schema) and carries the theme to
 * the booking. A positive safety answer, newly sent, is also mailed to the counselor as a
 * note to look (never the answer itself).
 */
export async function submitIntake({ db, keyring, now }: IntakeContext, request: Save): Promise<void> {
  const input = { ...request, now };
  const { booking, row } = await editableBookingOrThrow(db, input);
  if (!row) throw new AppError('consent_required');
  const stored = storedAnswersOrThrow(keyring, row);
  const flaggedBefore = row.status === 'submitted' && isSafetyFlagged(stored);
  const queued = await db.transaction(async (tx) => {
    await tx
      .update(intakeResponses)
      .set({
        ...versionedColumns(input.theme),
        ...sealAnswers(keyring, row.id, input.answers),
        status: 'submitted',
        submittedAt: input.now,
        flaggedAt: flaggedAtFor(row, input),
        updatedAt: input.now,
      })
      .where(eq(intakeResponses.id, row.id));
    await setBookingTheme(
      { db: tx, now: input.now },
      { bookingId: input.bookingId, clientId: input.clientId, theme: input.theme },
    );
    // The note to look commits with the answers; its delivery after the commit never fails the client's send.
    return isSafetyFlagged(input.answers) && !flaggedBefore
      ? noticeIntakeFlagged({ db: tx, now: input.now }, { bookingId: booking.id, startsAt: booking.startsAt })
      : [];
  });
  await deliverQueued(db, queued);
}

/**
 * The counselor opens a client's questionnaire: an audit entry (who, what, when) is written
 * before the answers are decrypted, every time.
 */
export async function readIntakeAsCounselor(
  { db, keyring, now }: IntakeContext,
  request: { bookingId: string; counselorId: string },
): Promise<IntakeView | undefined> {
  const input = { ...request, now };
  const row = await findIntakeRow(db, input.bookingId);
  if (!row) return undefined;
  await db.insert(auditLog).values({
    at: input.now,
    actorId: input.counselorId,
    action: 'intake.read',
    subjectType: 'intake_response',
    subjectId: row.id,
    clientId: row.clientId,
  });
  return describeResponse(keyring, row);
}

/**
 * The counselor opens a client's page: every questionnaire of theirs, read in one query, with
 * one audit entry per questionnaire written (in one insert) before anything is decrypted.
 */
export async function readClientIntakesAsCounselor(
  { db, keyring, now }: IntakeContext,
  request: { clientId: string; counselorId: string },
): Promise<IntakeView[]> {
  const input = { ...request, now };
  const rows = await db.select().from(intakeResponses).where(eq(intakeResponses.clientId, input.clientId));
  if (rows.length === 0) return [];
  await db.insert(auditLog).values(
    rows.map((row) => ({
      at: input.now,
      actorId: input.counselorId,
      action: 'intake.read',
      subjectType: 'intake_response',
      subjectId: row.id,
      clientId: row.clientId,
    })),
  );
  return rows.map((row) => describeResponse(keyring, row));
}

export { reencryptIntakes } from './rotation';
