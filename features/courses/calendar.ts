import { createEvents } from 'ics';
import { siteConfig } from '@/lib/site-config';

export type CalendarLesson = { id: string; startsAt: Date; endsAt: Date };

/**
 * Every lesson of a cohort in one .ics. Discretion: each event says only "a lesson" and the
 * practice's name; the meeting link stays in the portal, behind sign-in.
 */
export function cohortIcs(lessons: CalendarLesson[], portalUrl: string): string {
  const { error, value } = createEvents(
    lessons.map((lesson, i) => ({
      uid: `${lesson.id}@kokoro-seiri`,
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
