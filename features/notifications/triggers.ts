import 'server-only';
import { and, eq } from 'drizzle-orm';
import {
  bookings,
  courseCohorts,
  courseEnrollments,
  courseWaitlist,
  packagePurchases,
  sessionTypes,
} from '@/db/schema';
import type { ServiceContext } from '@/lib/service';
import { absoluteUrl } from '@/lib/site-url';
import { formatDateTimeJa, practiceTimeZone } from '@/lib/time';
import { noticeKey } from './domain/kinds';
import { notifyCounselor } from './notify';

/*
 * What the use cases call, in the transaction of their change (`ctx.db` is that transaction),
 * to tell the counselor. Each reads what its mail needs and names its event's key; notify.ts
 * decides whether and queues once. Each returns the notices to deliver after the commit.
 */

const jst = (at: Date) => formatDateTimeJa(at, practiceTimeZone);
const bookingUrl = (id: string) => absoluteUrl(`/admin/bookings/${id}`);
const cohortUrl = (id: string) => absoluteUrl(`/admin/courses/cohorts/${id}`);

async function sessionOf(ctx: ServiceContext, bookingId: string) {
  const [row] = await ctx.db
    .select({ startsAt: bookings.startsAt, priceYen: bookings.priceYen, sessionName: sessionTypes.name })
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(eq(bookings.id, bookingId))
    .limit(1);
  return row;
}

async function seatOf(ctx: ServiceContext, enrollmentId: string) {
  const [row] = await ctx.db
    .select({ cohortId: courseCohorts.id, cohortName: courseCohorts.name, priceYen: courseEnrollments.priceYen })
    .from(courseEnrollments)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseEnrollments.cohortId))
    .where(eq(courseEnrollments.id, enrollmentId))
    .limit(1);
  return row;
}

/** A session was paid for and confirmed. */
export async function noticeBookingPaid(
  ctx: ServiceContext,
  bookingId: string,
  credit?: { name: string; remaining: number },
): Promise<string[]> {
  const s = await sessionOf(ctx, bookingId);
  if (!s) return [];
  return notifyCounselor(ctx, noticeKey('booking_paid', bookingId), {
    kind: 'booking_paid',
    when: jst(s.startsAt),
    sessionName: s.sessionName,
    priceYen: s.priceYen,
    url: bookingUrl(bookingId),
    ...(credit ? { credit } : {}),
  });
}

/** The client cancelled (her own cancellations she knows about). */
export async function noticeBookingCancelled(
  ctx: ServiceContext,
  input: {
    bookingId: string;
    by: 'client' | 'counselor';
    feeYen: number;
    refundYen: number;
    credit?: 'returned' | 'used';
  },
) {
  if (input.by !== 'client') return [];
  const s = await sessionOf(ctx, input.bookingId);
  if (!s) return [];
  return notifyCounselor(ctx, noticeKey('booking_cancelled', input.bookingId), {
    kind: 'booking_cancelled',
    when: jst(s.startsAt),
    sessionName: s.sessionName,
    feeYen: input.feeYen,
    refundYen: input.refundYen,
    url: bookingUrl(input.bookingId),
    ...(input.credit ? { credit: input.credit } : {}),
  });
}

/** The client moved a session; each move is its own event. */
export async function noticeBookingRescheduled(
  ctx: ServiceContext,
  input: { bookingId: string; from: Date; to: Date; sessionName: string },
) {
  return notifyCounselor(
    ctx,
    noticeKey(
      'booking_rescheduled',
      input.bookingId,
      input.from.toISOString(),
      input.to.toISOString(),
      `${ctx.now.getTime()}`,
    ),
    {
      kind: 'booking_rescheduled',
      from: jst(input.from),
      to: jst(input.to),
      sessionName: input.sessionName,
      url: bookingUrl(input.bookingId),
    },
  );
}

/** A seat was paid for: an enrolment, or a waitlist offer taken up. */
export async function noticeSeatEnrolled(ctx: ServiceContext, enrollmentId: string): Promise<string[]> {
  const seat = await seatOf(ctx, enrollmentId);
  if (!seat) return [];
  const [fromWaitlist] = await ctx.db
    .select({ id: courseWaitlist.id })
    .from(courseWaitlist)
    .where(and(eq(courseWaitlist.enrollmentId, enrollmentId), eq(courseWaitlist.status, 'accepted')))
    .limit(1);
  const kind = fromWaitlist ? 'waitlist_accepted' : 'course_enrolled';
  return notifyCounselor(ctx, noticeKey(kind, enrollmentId), {
    kind,
    cohortName: seat.cohortName,
    priceYen: seat.priceYen,
    url: cohortUrl(seat.cohortId),
  });
}

/** A client bought a session package (回数券) and its payment arrived. */
export async function noticePackagePurchased(ctx: ServiceContext, purchaseId: string): Promise<string[]> {
  const [p] = await ctx.db.select().from(packagePurchases).where(eq(packagePurchases.id, purchaseId)).limit(1);
  if (!p) return [];
  return notifyCounselor(ctx, noticeKey('package_purchased', purchaseId), {
    kind: 'package_purchased',
    packageName: p.name,
    sessionCount: p.sessionCount,
    priceYen: p.priceYen,
    url: absoluteUrl(p.clientId ? `/admin/clients/${p.clientId}` : '/admin/clients'),
  });
}

/** A participant gave up their seat (her own cancellations she knows about). */
export async function noticeSeatCancelled(
  ctx: ServiceContext,
  input: { enrollmentId: string; by: 'client' | 'counselor'; refundYen: number },
) {
  if (input.by !== 'client') return [];
  const seat = await seatOf(ctx, input.enrollmentId);
  if (!seat) return [];
  return notifyCounselor(ctx, noticeKey('course_seat_cancelled', input.enrollmentId), {
    kind: 'course_seat_cancelled',
    cohortName: seat.cohortName,
    refundYen: input.refundYen,
    url: cohortUrl(seat.cohortId),
  });
}

/** A sent questionnaire has a positive safety answer. */
export async function noticeIntakeFlagged(ctx: ServiceContext, input: { bookingId: string; startsAt: Date }) {
  return notifyCounselor(ctx, noticeKey('intake_flagged', input.bookingId, `${ctx.now.getTime()}`), {
    kind: 'intake_flagged',
    when: jst(input.startsAt),
    url: bookingUrl(input.bookingId),
  });
}

/** A payment arrived after its slot or seat went to someone else, and was refunded in full. */
export async function noticePaymentForLostSlot(
  ctx: ServiceContext,
  input: { paymentId: string; amountYen: number } & (
    { purpose: 'booking'; bookingId: string; startsAt: Date } | { purpose: 'course'; enrollmentId: string }
  ),
) {
  const seat = input.purpose === 'course' ? await seatOf(ctx, input.enrollmentId) : undefined;
  return notifyCounselor(ctx, noticeKey('payment_for_lost_slot', input.paymentId), {
    kind: 'payment_for_lost_slot',
    what:
      input.purpose === 'booking' ? `${jst(input.startsAt)}（日本時間）の枠` : `講座（${seat?.cohortName ?? ''}）の席`,
    amountYen: input.amountYen,
    url:
      input.purpose === 'booking'
        ? bookingUrl(input.bookingId)
        : seat
          ? cohortUrl(seat.cohortId)
          : absoluteUrl('/admin/courses'),
  });
}
