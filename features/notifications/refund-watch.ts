import 'server-only';
import type { Db } from '@/db/client';
import { getEnrollment } from '@/features/courses/queries';
import { listFailingRefunds } from '@/features/payments/queries';
import { absoluteUrl } from '@/lib/site-url';
import { formatDateTimeJa, MINUTE_MS, practiceTimeZone } from '@/lib/time';
import { deliverQueued } from '@/features/mail/notice';
import { noticeKey } from './domain/kinds';
import { notifyCounselor } from './notify';

/** As on /admin: a refund Stripe has not accepted 15 minutes after it was recorded keeps failing. */
const refundPatienceMs = 15 * MINUTE_MS;

/**
 * Tells her once about each refund that keeps failing (the retry job goes on trying): the
 * event's key and its notice commit together, so a run that dies after the commit leaves the
 * notice to the delivery job. How many notices were queued.
 */
export async function noticeFailingRefunds(db: Db, now: Date): Promise<number> {
  const failing = await listFailingRefunds(db, new Date(now.getTime() - refundPatienceMs));
  let told = 0;
  for (const r of failing) {
    const cohortId = r.purpose === 'course' ? (await getEnrollment(db, r.referenceId))?.cohort.id : undefined;
    const url =
      r.purpose === 'booking'
        ? `/admin/bookings/${r.referenceId}`
        : r.purpose === 'package'
          ? '/admin/payments'
          : cohortId
            ? `/admin/courses/cohorts/${cohortId}`
            : '/admin/courses';
    const queued = await db.transaction((tx) =>
      notifyCounselor({ db: tx, now }, noticeKey('refund_failing', r.refundId), {
        kind: 'refund_failing',
        amountYen: r.amountYen,
        since: formatDateTimeJa(r.createdAt, practiceTimeZone),
        url: absoluteUrl(url),
      }),
    );
    await deliverQueued(db, queued);
    if (queued.length > 0) told += 1;
  }
  return told;
}
