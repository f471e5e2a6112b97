import 'server-only';
import { and, eq, gt, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings, intakeReminders, intakeResponses, users } from '@/db/schema';
import { sendMail } from '@/features/mail/service';
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

/** Sends the due reminders, each once; one that could not be sent is released and tried again on the next run. */
export async function sendDueIntakeReminders(db: Db, now: Date): Promise<number> {
  const claimed = await claimDueIntakeReminders(db, now);
  for (const { bookingId } of claimed) {
    try {
      const [row] = await db
        .select({ startsAt: bookings.startsAt, email: users.email, timeZone: users.timeZone })
        .from(bookings)
        .innerJoin(users, eq(users.id, bookings.clientId))
        .where(eq(bookings.id, bookingId));
      if (!row) continue;
      await sendMail(db, {
        to: row.email,
        ...intakeMails.reminder({
          when: whenFor(row.startsAt, row.timeZone),
          url: absoluteUrl(`/portal/intake/${bookingId}`),
        }),
      });
    } catch (err) {
      console.error('[jobs] intake reminder not sent, will retry', bookingId, err);
      await db.delete(intakeReminders).where(eq(intakeReminders.bookingId, bookingId));
    }
  }
  return claimed.length;
}
