import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '@/lib/service';
import { courseCohorts, courseLessonReminders } from '@/db/schema';
import { composeMail } from '@/features/mail/compose';
import { deliverQueued } from '@/features/mail/notice';
import { enqueueNotice } from '@/features/mail/outbox';
import { reminderLeadHours } from '@/lib/site-config';
import { absoluteUrl } from '@/lib/site-url';
import { whenFor } from '@/lib/time';
import type { SavedLesson } from './admin-service';
import { cohortIcsAttachments } from './calendar';
import {
  isWorthTelling,
  type LessonChange,
  type LessonSchedule,
  lessonNumber,
  lessonReminderWindow,
} from './domain/lessons';
import { listCohortLessons, listEnrolledClients } from './queries';

const MINUTE_MS = 60 * 1000;

/** 2026年12月5日(土) 19:00から60分, in the participant's zone with JST beside it when they differ. */
export function lessonTimeFor(lesson: { startsAt: Date; endsAt: Date }, timeZone: string): string {
  return `${whenFor(lesson.startsAt, timeZone)}から${Math.round((lesson.endsAt.getTime() - lesson.startsAt.getTime()) / MINUTE_MS)}分`;
}

// Like every course mail: "講座" and the lesson's number, never its title or the course's
// subject (a lesson title can name what a participant is working on). The meeting link stays
// in the portal, behind sign-in, as in the .ics.
const portalAction = (url: string) => ({ label: 'マイページで講座を見る', url });
// A change mail within a day of the lesson stands in for its reminder, so it says how to join.
const joinLine = '参加URLと資料はマイページに表示されます。開始時刻になりましたら、マイページからご参加ください。';

export const lessonMails = {
  reminder: (input: { number: number; when: string; url: string }) =>
    composeMail({
      subject: '【こころの整理室】次回の講座のお知らせ',
      paragraphs: [`ご受講中の講座の第${input.number}回は、${input.when}です。`, joinLine],
      action: portalAction(input.url),
    }),
  added: (input: { number: number; when: string; url: string; soon?: boolean }) =>
    composeMail({
      subject: '【こころの整理室】講座の日程追加のお知らせ',
      paragraphs: [
        `ご受講中の講座に、第${input.number}回の日程が加わりました。`,
        `日時：${input.when}`,
        ...(input.soon ? [joinLine] : []),
        'すべての回の日程を更新したファイル（.ics）を添付しています。開くと、カレンダーの予定が最新の内容に置き換わります。',
      ],
      action: portalAction(input.url),
    }),
  changed: (input: {
    number: number;
    before: string;
    after: string;
    timeChanged: boolean;
    linkChanged: boolean;
    url: string;
    soon?: boolean;
  }) =>
    composeMail({
      subject: input.timeChanged
        ? '【こころの整理室】講座の日程変更のお知らせ'
        : '【こころの整理室】講座の参加URL変更のお知らせ',
      paragraphs: [
        input.timeChanged
          ? `ご受講中の講座の第${input.number}回の日時が変更になりました。`
          : `ご受講中の講座の第${input.number}回の参加URLが変更になりました。`,
        input.timeChanged
          ? `変更前：${input.before}\n変更後：${input.after}`
          : `日時：${input.after}（変更はありません）`,
        ...(input.soon ? [joinLine] : input.linkChanged ? ['新しい参加URLはマイページに表示されます。'] : []),
        'すべての回の日程を更新したファイル（.ics）を添付しています。開くと、カレンダーの予定が最新の内容に置き換わります。',
        'ご迷惑をおかけして申し訳ありません。',
      ],
      action: portalAction(input.url),
    }),
};

function changeMail(change: LessonChange, number: number, timeZone: string, url: string, soon: boolean) {
  const time = (s: LessonSchedule) => lessonTimeFor(s, timeZone);
  if (change.kind === 'added') return lessonMails.added({ number, when: time(change.after), url, soon });
  return lessonMails.changed({
    number,
    before: time(change.before),
    after: time(change.after),
    timeChanged: change.timeChanged,
    linkChanged: change.linkChanged,
    url,
    soon,
  });
}

/**
 * In the lesson's saving transaction (`db` is that transaction): one mail to each enrolled
 * participant of an open cohort about a lesson still ahead, with the cohort's updated .ics,
 * written to the outbox with the change; `mailLessonChange` delivers them after the commit,
 * and the delivery job any it could not.
 *
 * What a participant receives when a lesson moves (issue 14): the last mail before a lesson
 * states its current time, and nobody gets two mails about one lesson in the day before it. A
 * change mail sent within the reminder lead (24 h) of the lesson's new time counts as its
 * reminder: it says the new time and where to join, and the reminder at that time is recorded
 * as sent in the same transaction. So a lesson moved to within 24 h gets the change mail only,
 * and one moved back to a time already reminded gets the change mail, not a second reminder.
 * A lesson moved further out than the lead gets its reminder at the new time, as usual.
 */
export async function queueLessonChange(
  { db: tx, now }: ServiceContext,
  saved: { lessonId: string; cohortId: string; change: LessonChange | null },
): Promise<string[]> {
  const { change, cohortId } = saved;
  if (!change || !isWorthTelling(change, now)) return [];
  const [cohort] = await tx
    .select({ calendarSequence: courseCohorts.calendarSequence })
    .from(courseCohorts)
    .where(and(eq(courseCohorts.id, cohortId), eq(courseCohorts.status, 'open')));
  const participants = cohort ? await listEnrolledClients(tx, cohortId) : [];
  if (!cohort || participants.length === 0) return [];
  const lessons = await listCohortLessons(tx, cohortId);
  const url = absoluteUrl(`/portal/courses/${cohortId}`);
  const attachments = cohortIcsAttachments(lessons, url, cohort.calendarSequence);
  const number = lessonNumber(lessons, saved.lessonId);
  const { after, until } = lessonReminderWindow(now, reminderLeadHours.lesson);
  const startsAt = change.after.startsAt;
  const remindsToo = startsAt > after && startsAt <= until;
  const queued: string[] = [];
  for (const p of participants) {
    const mail = changeMail(change, number, p.timeZone, url, remindsToo);
    if (remindsToo)
      await tx
        .insert(courseLessonReminders)
        .values({ lessonId: saved.lessonId, enrollmentId: p.enrollmentId, startsAt, sentAt: now })
        .onConflictDoNothing();
    const id = await enqueueNotice(
      tx,
      { to: p.email, ...mail, attachments },
      `lesson ${saved.lessonId} changed, seat ${p.enrollmentId}`,
      { key: `lesson-change:${saved.lessonId}:${p.enrollmentId}:${cohort.calendarSequence}`, now },
    );
    if (id) queued.push(id);
  }
  return queued;
}

/**
 * After a lesson's save has committed: tries its participants' mails at once; one that fails
 * is retried by the delivery job. How many were told now, and how many are still to be.
 */
export async function mailLessonChange(
  { db }: ServiceContext,
  saved: SavedLesson,
): Promise<{ told: number; untold: number }> {
  let told = 0;
  for (const id of saved.queued) if (await deliverQueued(db, [id])) told += 1;
  return { told, untold: saved.queued.length - told };
}
