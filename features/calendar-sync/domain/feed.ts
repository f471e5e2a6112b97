/**
 * The counselor's subscription feed (RFC 5545, through `ics`, the library the booking and course
 * .ics already use). Discretion: her calendar app may sync to a cloud and show on a phone's lock
 * screen, so an event says only what she chose (「個人セッション」, a booking reference, or
 * 「セッション 田中様」) and links to the admin page; never the theme or any answer.
 *
 * UIDs are stable per booking and lesson; SEQUENCE rises with every change (a booking's is the
 * seconds from 2026-01-01 to its last update, a lesson's its cohort's calendar sequence), so a
 * moved or cancelled session is updated in place, not added twice.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { FeedTitleStyle } from '@/db/schema';

export type FeedSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: 'confirmed' | 'completed' | 'no_show' | 'cancelled';
  updatedAt: Date;
  familyName: string | null;
  sessionTypeName: string;
  mode: 'online' | 'phone' | 'in_person';
  meetingUrl: string | null;
};

export type FeedLesson = {
  id: string;
  cohortId: string;
  courseTitle: string;
  cohortName: string;
  /** 1-based, in the cohort's order */
  number: number;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  sequence: number;
  meetingUrl: string | null;
};

const sequenceEpoch = Date.UTC(2026, 0, 1);

/** A short, stable reference for a booking: the first six hex digits of its id. */
export const bookingReference = (id: string) => id.replace(/-/g, '').slice(0, 6);

export function sessionTitle(session: Pick<FeedSession, 'id' | 'familyName'>, style: FeedTitleStyle): string {
  if (style === 'reference') return `個人セッション #${bookingReference(session.id)}`;
  if (style === 'family_name' && session.familyName) return `セッション ${session.familyName}様`;
  return '個人セッション';
}

const utc = { startInputType: 'utc', startOutputType: 'utc', endInputType: 'utc', endOutputType: 'utc' } as const;

export function counselorFeedIcs(input: {
  sessions: readonly FeedSession[];
  lessons: readonly FeedLesson[];
  titleStyle: FeedTitleStyle;
  baseUrl: string;
  calendarName: string;
}): string {
  const { baseUrl } = input;
  const events: EventAttributes[] = [
    ...input.sessions.map((s): EventAttributes => {
      const adminUrl = `${baseUrl}/admin/bookings/${s.id}`;
      return {
        ...utc,
        uid: `session-${s.id}@kokoro-seiri-admin`,
        sequence: Math.max(0, Math.floor((s.updatedAt.getTime() - sequenceEpoch) / 1000)),
        start: s.startsAt.getTime(),
        end: s.endsAt.getTime(),
        title: sessionTitle(s, input.titleStyle),
        description: [`${s.sessionTypeName}`, `予約 #${bookingReference(s.id)}`, `管理画面：${adminUrl}`].join('\n'),
        location: whereOf(s),
        url: adminUrl,
        status: s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        busyStatus: s.status === 'cancelled' ? 'FREE' : 'BUSY',
      };
    }),
    ...input.lessons.map((l): EventAttributes => {
      const adminUrl = `${baseUrl}/admin/courses/cohorts/${l.cohortId}`;
      return {
        ...utc,
        uid: `lesson-${l.id}@kokoro-seiri-admin`,
        sequence: l.sequence,
        start: l.startsAt.getTime(),
        end: l.endsAt.getTime(),
        title: `講座 第${l.number}回（${l.cohortName}）`,
        description: [`${l.courseTitle}（${l.cohortName}）`, `管理画面：${adminUrl}`].join('\n'),
        location: l.meetingUrl ?? 'オンライン',
        url: adminUrl,
        status: l.cancelled ? 'CANCELLED' : 'CONFIRMED',
        busyStatus: l.cancelled ? 'FREE' : 'BUSY',
      };
    }),
  ];
  const headers = { productId: 'kokoro-seiri/counselor-feed', method: 'PUBLISH', calName: input.calendarName };
  const { error, value } = createEvents(events, headers);
  if (error || !value) throw error ?? new Error('could not build the calendar feed');
  return value;
}

function whereOf(s: FeedSession): string {
  if (s.mode === 'online') return s.meetingUrl ?? 'オンライン';
  if (s.mode === 'phone') return 'お電話';
  return '対面';
}
