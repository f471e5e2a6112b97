import { type MeetingLinkView, meetingLinkView } from '@/lib/meeting-link';

/**
 * What enrolled participants hear about a lesson: which saves are a change worth a mail, and
 * which lessons are due their reminder. Pure: the clock and the lead time are passed in.
 */
export type LessonSchedule = { startsAt: Date; endsAt: Date; meetingUrl: string | null };

export type LessonChange =
  | { kind: 'added'; after: LessonSchedule }
  | { kind: 'changed'; before: LessonSchedule; after: LessonSchedule; timeChanged: boolean; linkChanged: boolean };

/**
 * A new lesson, or a new start, length or meeting link; null when none of these differ (a
 * title or materials edit, or a save with nothing changed, tells nobody anything).
 */
export function lessonChange(before: LessonSchedule | undefined, after: LessonSchedule): LessonChange | null {
  if (!before) return { kind: 'added', after };
  const timeChanged =
    before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
  const linkChanged = (before.meetingUrl || null) !== (after.meetingUrl || null);
  return timeChanged || linkChanged ? { kind: 'changed', before, after, timeChanged, linkChanged } : null;
}

/**
 * Participants hear only of a lesson still ahead of them: one added in the past, or edited
 * after it began (and still set in the past), is the counselor's record keeping.
 */
export function isWorthTelling(change: LessonChange, now: Date): boolean {
  const ahead = (s: LessonSchedule) => s.startsAt.getTime() > now.getTime();
  return change.kind === 'added' ? ahead(change.after) : ahead(change.after) || ahead(change.before);
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * The lessons due their reminder at `now` start after `after` (exclusive) and no later than
 * `until` (inclusive). With a 24-hour lead at 2026-12-01 10:00Z: a lesson at
 * 12-02 10:00Z is due, one at 10:01Z is not yet, and one starting at 12-01 10:00Z has begun.
 */
export function lessonReminderWindow(now: Date, leadHours: number): { after: Date; until: Date } {
  if (!Number.isFinite(leadHours) || leadHours <= 0)
    throw new RangeError(`the reminder lead must be positive, got ${leadHours}`);
  return { after: now, until: new Date(now.getTime() + leadHours * HOUR_MS) };
}

/**
 * A lesson's number in its cohort ("第N回"), counted in start order as the .ics titles are;
 * 0 for a lesson not in the list.
 */
export function lessonNumber(lessons: readonly { id: string }[], lessonId: string): number {
  return lessons.findIndex((l) => l.id === lessonId) + 1;
}

/**
 * What a participant's course page says about joining a lesson at `now`: the same rule as an
 * individual session's (lib/meeting-link.ts) with the practice's one lead time, so the link
 * appears `leadHours` before the lesson starts and not weeks ahead; before that, when it will.
 */
export function lessonLinkView(lesson: LessonSchedule, leadHours: number, now: Date): MeetingLinkView {
  return meetingLinkView(lesson, leadHours, now);
}
