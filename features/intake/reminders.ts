import 'server-only';
import { and, eq, gt, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, intakeReminders, intakeResponses, users } from '@/db/schema';
import { deliverNotice, enqueueNotice } from '@/features/mail/outbox';
import { whenFor } from '@/lib/time';
import { intakeMails } from './mails';
import { absoluteUrl } from '@/lib/site-url';

const hour = 60 * 60 * 1000;
export const intakeReminderHours = 48;

/**
 * Claims the confirmed bookings that start within 48 h without sent answers, each once ever:
 * the claim is a row keyed by the booking, inserted with ON CONFLICT DO NOTHING, so two
 * workers never both claim one. Bookings made in the last hour are left alone: their
 * confirmation mail has just asked for the questionnaire.
 */
export async function claimDueIntakeReminders(db: Db, now: Date) {
  const due = db
    .select({ bookingId: bookings.id, sentAt: sql`${now.toISOString()}::timestamptz`.as('sent_at') })
    .from(bookings)
    .where(
      and(
        eq(bookings.status, 'confirmed'),
        gt(bookings.startsAt, now),
        lte(bookings.startsAt, new Date(now.getTime() + intakeReminderHours * hour)),
        lte(bookings.createdAt, new Date(now.getTime() - hour)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(intakeResponses)
            .where(and(eq(intakeResponses.bookingId, bookings.id), eq(intakeResponses.status, 'submitted'))),
        ),
      ),
    );
  return db
    .insert(intakeReminders)
    .select(due)
    .onConflictDoNothing()
    .returning({ bookingId: intakeReminders.bookingId });
}

/**
 * Sends the due reminders, each once. The claims and their notices are one transaction: a
 * worker that dies after it leaves the notices in the outbox for the delivery job, keyed by
 * booking so nothing claims them twice.
 */
export async function sendDueIntakeReminders(db: Db, now: Date): Promise<number> {
  const { claimed, queued } = await db.transaction(async (tx) => {
    const rows = await claimDueIntakeReminders(tx, now);
    const ids: string[] = [];
    for (const { bookingId } of rows) {
      const [row] = await tx
        .select({ startsAt: bookings.startsAt, email: users.email, timeZone: users.timeZone })
        .from(bookings)
        .innerJoin(users, eq(users.id, bookings.clientId))
        .where(eq(bookings.id, bookingId));
      if (!row) continue;
      const mail = intakeMails.reminder({
        when: whenFor(row.startsAt, row.timeZone),
        url: absoluteUrl(`/portal/intake/${bookingId}`),
      });
      const id = await enqueueNotice(tx, { to: row.email, ...mail }, `intake reminder, booking ${bookingId}`, {
        key: `reminder:intake:${bookingId}`,
        now,
      });
      if (id) ids.push(id);
    }
    return { claimed: rows.length, queued: ids };
  });
  for (const id of queued) await deliverNotice(db, id, { now });
  return claimed;
}
