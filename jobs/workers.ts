import 'server-only';
import type PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { bookingMails } from '@/features/booking/mails';
import { claimDueReminders, releaseExpiredHolds } from '@/features/booking/service';
import { sendDueIntakeReminders } from '@/features/intake/reminders';
import { sendDueLessonReminders } from '@/features/courses/lesson-reminders';
import { releaseExpiredSeatHolds } from '@/features/courses/service';
import { catchUpDuePublications, releasePublicationClaim } from '@/features/library/admin-service';
import { announcePublicRefresh, listenForPublicRefresh } from '@/features/library/refresh-broadcast';
import { requestPublicRefresh } from '@/features/library/refresh-request';
import { runNewsletterSending } from '@/features/newsletter/service';
import { deliverDueNotices, deliverNotice, enqueueNotice, purgeSentNotices } from '@/features/mail/outbox';
import { syncAllCalendarImports } from '@/features/calendar-sync/service';
import { calendarImportAllowsPrivate } from '@/lib/env';
import { getIntakeKeyring } from '@/features/intake/keys';
import { sendDailyAgendaIfDue } from '@/features/notifications/daily-agenda';
import { noticeFailingRefunds } from '@/features/notifications/refund-watch';
import { submitPendingRefunds } from '@/features/payments/refunds';
import { sendVoucherReminders } from '@/features/payments/konbini';
import { reconcilePendingCheckouts } from '@/features/payments/service';
// Reconciling a checkout reaches the thing sold through its registered fulfilment.
import '@/features/fulfilments';
import { absoluteUrl, siteUrl } from '@/lib/site-url';
import { practiceTimeZone, whenFor } from '@/lib/time';

/**
 * Sends the day-before reminders that are due, each once. The claim and the reminder's notice
 * are one transaction: a worker that dies after it leaves the notice in the outbox, sent by
 * the next delivery run; its key (booking and start) keeps a second claim from adding another.
 */
export async function sendDueReminders(db: Db, now: Date): Promise<number> {
  const { claimed, queued } = await db.transaction(async (tx) => {
    const due = await claimDueReminders({ db: tx, now });
    const ids: string[] = [];
    for (const booking of due) {
      const [client] = booking.clientId ? await tx.select().from(users).where(eq(users.id, booking.clientId)) : [];
      if (!client) continue;
      const mail = bookingMails.reminder({
        when: whenFor(booking.startsAt, client.timeZone),
        url: absoluteUrl(`/portal/bookings/${booking.id}`),
      });
      const id = await enqueueNotice(tx, { to: client.email, ...mail }, `reminder, booking ${booking.id}`, {
        key: `reminder:booking:${booking.id}:${booking.startsAt.toISOString()}`,
        now,
      });
      if (id) ids.push(id);
    }
    return { claimed: due.length, queued: ids };
  });
  for (const id of queued) await deliverNotice(db, id, { now });
  return claimed;
}

/**
 * Scheduled articles whose time has come: the public pages drop their cached copies once.
 * `refresh` reaches this server's own route handler: Next only revalidates inside a request.
 */
export async function publishDueArticles(
  db: Db,
  now: Date,
  refresh: (slugs: string[]) => Promise<void>,
): Promise<string[]> {
  const slugs = await catchUpDuePublications({ db, now });
  try {
    await refresh(slugs);
  } catch (err) {
    console.error('[jobs] public pages not refreshed, will retry', slugs, err);
    await releasePublicationClaim({ db, now }, slugs);
  }
  return slugs;
}

const ownOrigin = () => `http://127.0.0.1:${process.env.PORT ?? 3000}`;

const jobs = {
  'mail.deliver-notices': { cron: '* * * * *', run: (db: Db) => deliverDueNotices(db) },
  'mail.purge-sent-notices': { cron: '17 3 * * *', run: (db: Db) => purgeSentNotices(db) },
  'booking.release-expired-holds': { cron: '* * * * *', run: (db: Db) => releaseExpiredHolds({ db, now: new Date() }) },
  'booking.send-reminders': { cron: '*/5 * * * *', run: (db: Db) => sendDueReminders(db, new Date()) },
  'intake.send-reminders': { cron: '*/10 * * * *', run: (db: Db) => sendDueIntakeReminders(db, new Date()) },
  'courses.release-expired-holds': {
    cron: '* * * * *',
    run: (db: Db) => releaseExpiredSeatHolds({ db, now: new Date() }),
  },
  'courses.send-lesson-reminders': { cron: '*/5 * * * *', run: (db: Db) => sendDueLessonReminders(db, new Date()) },
  'payments.submit-refunds': { cron: '*/2 * * * *', run: (db: Db) => submitPendingRefunds({ db, now: new Date() }) },
  'payments.konbini-reminders': {
    cron: '*/10 * * * *',
    run: (db: Db) => sendVoucherReminders({ db, now: new Date() }),
  },
  'payments.reconcile-pending-checkouts': {
    cron: '*/5 * * * *',
    run: (db: Db) => reconcilePendingCheckouts({ db, now: new Date() }),
  },
  'notifications.daily-agenda': { cron: '* * * * *', run: (db: Db) => sendDailyAgendaIfDue(db, new Date()) },
  'notifications.failing-refunds': { cron: '*/5 * * * *', run: (db: Db) => noticeFailingRefunds(db, new Date()) },
  'newsletter.send': { cron: '* * * * *', run: (db: Db) => runNewsletterSending(db, { baseUrl: siteUrl() }) },
  'calendar-sync.import': {
    cron: '*/15 * * * *',
    run: (db: Db) =>
      syncAllCalendarImports({
        db,
        now: new Date(),
        fetch: { allowPrivate: calendarImportAllowsPrivate() },
        keyring: getIntakeKeyring(),
      }),
  },
  'library.publish-due': {
    cron: '* * * * *',
    run: (db: Db) =>
      publishDueArticles(db, new Date(), async (slugs) => {
        await requestPublicRefresh(ownOrigin(), slugs);
        await announcePublicRefresh(db, slugs);
      }),
  },
} as const;

/**
 * Schedules the recurring jobs (pg-boss runs each schedule once across all instances) and works
 * them. What a run answers (the holds it released, the reminders it sent) is kept as the job's
 * output in `pgboss.job`, for the operator and the cluster test.
 */
export async function startWorkers(boss: PgBoss, db: Db): Promise<void> {
  for (const [name, job] of Object.entries(jobs)) {
    await boss.createQueue(name);
    await boss.schedule(name, job.cron, {}, { tz: practiceTimeZone });
    await boss.work(name, async () => job.run(db));
  }
}

/** On PostgreSQL: this instance refreshes its public pages when any instance announces a publication. */
export function listenForAnnouncements(databaseUrl: string): Promise<() => Promise<void>> {
  return listenForPublicRefresh(databaseUrl, ownOrigin());
}
