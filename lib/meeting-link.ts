import { HOUR_MS } from '@/lib/time';

/** What the client's pages say about joining an online session or a course lesson at `now`. */
export type MeetingLinkView =
  | { kind: 'link'; url: string }
  /** Too early: the link appears at `visibleFrom`. */
  | { kind: 'later'; visibleFrom: Date; leadHours: number }
  /** In the window, but the counselor has not set a link yet. */
  | { kind: 'pending'; leadHours: number }
  /** The session is over: no link any more. */
  | { kind: 'ended' };

/**
 * The meeting link is shown to the client only from `leadHours` before the session or lesson
 * starts (a practice setting, 24 h by default) until it ends; before that, when it will appear.
 * One rule for both, so a link forwarded or seen early on a shared phone is never weeks old.
 */
export function meetingLinkView(
  session: { startsAt: Date; endsAt: Date; meetingUrl: string | null },
  leadHours: number,
  now: Date,
): MeetingLinkView {
  const visibleFrom = new Date(session.startsAt.getTime() - leadHours * HOUR_MS);
  if (now.getTime() < visibleFrom.getTime()) return { kind: 'later', visibleFrom, leadHours };
  if (now.getTime() >= session.endsAt.getTime()) return { kind: 'ended' };
  if (!session.meetingUrl) return { kind: 'pending', leadHours };
  return { kind: 'link', url: session.meetingUrl };
}
