import { HOUR_MS } from '@/lib/time';

/** What the client's pages say about joining an online session at `now`. */
export type MeetingLinkView =
  | { kind: 'link'; url: string }
  /** Too early: the link appears at `visibleFrom`. */
  | { kind: 'later'; visibleFrom: Date; leadHours: number }
  /** In the window, but the counselor has not set a link yet. */
  | { kind: 'pending'; leadHours: number }
  /** The session is over: no link any more. */
  | { kind: 'ended' };

/**
 * The meeting link is shown to the client only from `leadHours` before the session starts
 * (a practice setting, 24 h by default) until it ends; before that, when it will appear.
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
