import 'server-only';
import { createEvents } from 'ics';
import type { OutboxAttachment } from '@/db/schema';
import { siteConfig } from '@/lib/site-config';

export type CalendarLesson = { id: string; startsAt: Date; endsAt: Date };

/**
 * Every lesson of a cohort in one .ics. Discretion: each event says only "a lesson" and the
 * practice's name; the meeting link stays in the portal, behind sign-in. `sequence` is the
 * cohort's calendar sequence: with the same UIDs, a higher one makes calendar apps update the
 * events they have rather than add copies.
 */
export function cohortIcs(lessons: CalendarLesson[], portalUrl: string, sequence: number): string {
  const { error, value } = createEvents(
    lessons.map((lesson, i) => ({
      uid: `${lesson.id}@kokoro-seiri`,
      sequence,
      productId: 'kokoro-seiri/course',
      start: lesson.startsAt.getTime(),
      startInputType: 'utc' as const,
      startOutputType: 'utc' as const,
      end: lesson.endsAt.getTime(),
      endInputType: 'utc' as const,
      endOutputType: 'utc' as const,
      title: `講座 第${i + 1}回（${siteConfig.name}）`,
      description: `参加方法と資料：${portalUrl}`,
      location: 'オンライン（参加URLはマイページに表示されます）',
      url: portalUrl,
      status: 'CONFIRMED' as const,
    })),
  );
  if (error || !value) throw error ?? new Error('could not build the calendar file');
  return value;
}

/** The cohort's .ics as a mail attachment (none while it has no lessons). */
export function cohortIcsAttachments(
  lessons: CalendarLesson[],
  portalUrl: string,
  sequence: number,
): OutboxAttachment[] {
  if (lessons.length === 0) return [];
  const ics = cohortIcs(lessons, portalUrl, sequence);
  return [
    {
      filename: 'course.ics',
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      contentBase64: Buffer.from(ics).toString('base64'),
    },
  ];
}
