import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, sessionNotes, users } from '@/db/schema';
import { getBooking } from '@/features/booking/queries';
import type { Keyring } from '@/features/intake/crypto';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { ServiceContext } from '@/lib/service';
import { type NoteOutcome, openNote, sealNote } from './crypto';

/** A notes service holds the same keys as the questionnaire answers. */
export type NotesContext = ServiceContext & { keyring: Keyring };

type Subject = { clientId: string; bookingId: string | null };

const subjectIs = ({ clientId, bookingId }: Subject) =>
  and(
    eq(sessionNotes.clientId, clientId),
    bookingId ? eq(sessionNotes.bookingId, bookingId) : isNull(sessionNotes.bookingId),
  );

export type NoteView = { id: string; version: number; createdAt: Date; updatedAt: Date } & NoteOutcome;

/**
 * The counselor opens a note: the audit entry is written before it is decrypted, every time.
 * No note yet is null (nothing was read, nothing is logged).
 */
export async function readSessionNoteAsCounselor(
  { db, keyring, now }: NotesContext,
  request: Subject & { counselorId: string },
): Promise<NoteView | null> {
  const [row] = await db.select().from(sessionNotes).where(subjectIs(request)).limit(1);
  if (!row) return null;
  await db.insert(auditLog).values({
    at: now,
    actorId: request.counselorId,
    action: 'note.read',
    subjectType: 'session_note',
    subjectId: row.id,
    clientId: row.clientId,
  });
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...openNote(keyring, row),
  };
}

/** A booking's note belongs to that booking's client; anything else looks like no booking. */
async function assertSubjectOrThrow(db: Db, subject: Subject) {
  if (subject.bookingId) {
    const booking = await getBooking(db, subject.bookingId);
    if (!booking || booking.clientId !== subject.clientId) throw new AppError('not_found');
    return;
  }
  const [client] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, subject.clientId), eq(users.role, 'client')))
    .limit(1);
  if (!client) throw new AppError('not_found');
}

/**
 * Saves a note under the current key, if it is still the version the counselor's page showed
 * (0: none yet): a save from a second device or an old tab never overwrites a newer note. A
 * stored note the keys cannot open is never overwritten either: it comes back with its key.
 */
export async function saveSessionNote(
  { db, keyring, now }: NotesContext,
  request: Subject & { counselorId: string; body: string; version: number },
): Promise<{ version: number; updatedAt: Date }> {
  return db.transaction(async (tx) => {
    await assertSubjectOrThrow(tx, request);
    let saved: { id: string; version: number; updatedAt: Date } | undefined;
    if (request.version === 0) {
      const id = crypto.randomUUID();
      try {
        [saved] = await tx
          .insert(sessionNotes)
          .values({
            id,
            clientId: request.clientId,
            bookingId: request.bookingId,
            ...sealNote(keyring, id, request.body),
            version: 1,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: sessionNotes.id, version: sessionNotes.version, updatedAt: sessionNotes.updatedAt });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('note_changed');
        throw err;
      }
    } else {
      const [row] = await tx.select().from(sessionNotes).where(subjectIs(request)).limit(1);
      if (!row || row.version !== request.version) throw new AppError('note_changed');
      if (!keyring.keys.has(row.keyId)) throw new AppError('note_unreadable');
      [saved] = await tx
        .update(sessionNotes)
        .set({ ...sealNote(keyring, row.id, request.body), version: row.version + 1, updatedAt: now })
        .where(and(eq(sessionNotes.id, row.id), eq(sessionNotes.version, request.version)))
        .returning({ id: sessionNotes.id, version: sessionNotes.version, updatedAt: sessionNotes.updatedAt });
    }
    if (!saved) throw new AppError('note_changed');
    await tx.insert(auditLog).values({
      at: now,
      actorId: request.counselorId,
      action: 'note.write',
      subjectType: 'session_note',
      subjectId: saved.id,
      clientId: request.clientId,
    });
    return { version: saved.version, updatedAt: saved.updatedAt };
  });
}

export { reencryptSessionNotes } from './rotation';
