'use server';

import { revalidatePath } from 'next/cache';
import { cancelCohortWithRefunds, cancelEnrollmentWithRefund } from './checkout';
import { sendNotice } from '@/features/mail/notice';
import { defineAction } from '@/features/accounts/auth/define-action';
import { messages } from '@/lib/messages';
import { absoluteUrl } from '@/lib/site-url';
import { saveCohort, saveCourse, saveLesson } from './admin-service';
import { mailLessonChange } from './lesson-mails';
import { courseMails } from './mails';
import { listEnrolledClients } from './queries';
import { deliverOfferMails } from './seats';
import {
  announcementSchema,
  cohortIdSchema,
  cohortSchema,
  courseSchema,
  enrollmentIdSchema,
  lessonSchema,
} from './schemas';

const saved = (message: string) => ({ ok: true as const, data: undefined, message });

function revalidateCourses() {
  revalidatePath('/courses');
  revalidatePath('/(public)/courses/[slug]', 'page');
  revalidatePath('/admin/courses', 'layout');
}

export const saveCourseAction = defineAction('counselor', courseSchema, async (input, ctx) => {
  await saveCourse(ctx, input);
  revalidateCourses();
  return saved('講座を保存しました。');
});

export const saveCohortAction = defineAction('counselor', cohortSchema, async (input, ctx) => {
  const { offers } = await saveCohort(ctx, input);
  await deliverOfferMails(ctx.db, offers);
  revalidateCourses();
  return saved(input.id ? '開講回を保存しました。' : '開講回を追加しました。');
});

export const saveLessonAction = defineAction('counselor', lessonSchema, async (input, ctx) => {
  const { told, untold } = await mailLessonChange(ctx, await saveLesson(ctx, input));
  revalidateCourses();
  const done = input.id ? '講義を保存しました。' : '講義を追加しました。';
  return saved(`${done}${told > 0 ? `受講者${told}名にお知らせしました。` : ''}${messages.courses.notTold(untold)}`);
});

/** One message to every enrolled participant of a cohort (each gets their own copy). */
export const emailCohortAction = defineAction('counselor', announcementSchema, async (input, ctx) => {
  const participants = await listEnrolledClients(ctx.db, input.cohortId);
  const url = absoluteUrl(`/portal/courses/${input.cohortId}`);
  let told = 0;
  for (const p of participants) {
    const mail = courseMails.announcement({ subject: input.subject, body: input.body, url });
    if (await sendNotice(ctx.db, { to: p.email, ...mail }, `announcement to cohort ${input.cohortId}`)) told += 1;
  }
  return saved(`${told}名の受講者にメールを送りました。${messages.courses.notTold(participants.length - told)}`);
});

export const cancelCohortAction = defineAction('counselor', cohortIdSchema, async (input, ctx) => {
  const { refunded, vouchers, told, untold } = await cancelCohortWithRefunds(ctx, { cohortId: input.cohortId });
  revalidateCourses();
  return saved(
    `開講を中止しました。${refunded}件のお支払いを全額返金し、${told}名にお知らせしました。${vouchers > 0 ? `コンビニ支払い待ちだった${vouchers}名には、払込票で支払わないようお伝えしています。` : ''}${messages.courses.notTold(untold)}`,
  );
});

/**
 * The counselor cancels one participant's seat, at any time, with a full refund; the seat goes
 * to the waitlist and the participant is told (as when a client cancels). A second click finds
 * the seat cancelled and refunds nothing more.
 */
export const cancelSeatAction = defineAction('counselor', enrollmentIdSchema, async (input, ctx) => {
  const refund = await cancelEnrollmentWithRefund(ctx, { enrollmentId: input.enrollmentId, by: 'counselor' });
  revalidateCourses();
  return saved(messages.courses.seatCancel.done(refund.refundYen, refund.told));
});
