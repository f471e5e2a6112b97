import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, count, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  bookings,
  calendarBusyIntervals,
  calendarFeeds,
  calendarImports,
  courseCohorts,
  courseLessons,
  courses,
  sessionTypes,
  users,
} from '@/db/schema';
import type { FeedLesson, FeedSession } from './domain/feed';
import { maskedUrl } from './mask';

export const hashFeedToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Her own appointments, as instants only: the slot computation subtracts them like bookings. */
export async function listImportedBusy(db: Db, window: { from: Date; to: Date }) {
  return db
    .select({ start: calendarBusyIntervals.startsAt, end: calendarBusyIntervals.endsAt })
    .from(calendarBusyIntervals)
    .where(and(lt(calendarBusyIntervals.startsAt, window.to), gt(calendarBusyIntervals.endsAt, window.from)));
}

/** The imports for the settings page: never the full secret URL, only where it points. */
export async function listCalendarImports(db: Db, now: Date) {
  const rows = await db
    .select({
      id: calendarImports.id,
      label: calendarImports.label,
      urlHint: calendarImports.urlHint,
      /** Only a row saved before encryption has one (sealed on its next sync). */
      legacyUrl: calendarImports.url,
      lastAttemptAt: calendarImports.lastAttemptAt,
      lastSuccessAt: calendarImports.lastSuccessAt,
      lastError: calendarImports.lastError,
      createdAt: calendarImports.createdAt,
    })
    .from(calendarImports)
    .orderBy(asc(calendarImports.createdAt));
  const ahead = await db
    .select({ importId: calendarBusyIntervals.importId, n: count() })
    .from(calendarBusyIntervals)
    .where(gt(calendarBusyIntervals.endsAt, now))
    .groupBy(calendarBusyIntervals.importId);
  const upcoming = new Map(ahead.map((a) => [a.importId, a.n]));
  return rows.map(({ urlHint, legacyUrl, ...row }) => ({
    ...row,
    where: urlHint || maskedUrl(legacyUrl ?? ''),
    upcoming: upcoming.get(row.id) ?? 0,
  }));
}

export type CalendarImportView = Awaited<ReturnType<typeof listCalendarImports>>[number];

export async function countCalendarImports(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(calendarImports);
  return row?.n ?? 0;
}

export async function getFeedSettings(db: Db, userId: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).limit(1);
  return {
    active: Boolean(row?.tokenHash),
    tokenCreatedAt: row?.tokenCreatedAt ?? null,
    titleStyle: row?.titleStyle ?? ('plain' as const),
  };
}

/** The feed a token opens, if any: the token itself is never stored, only its hash. */
export async function findFeedByToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{40,64}$/.test(token)) return undefined;
  const [row] = await db
    .select({ userId: calendarFeeds.userId, titleStyle: calendarFeeds.titleStyle, role: users.role })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashFeedToken(token)))
    .limit(1);
  return row && row.role === 'counselor' ? row : undefined;
}

/** Sessions (not holds) and course lessons between `from` and `to`, for her feed. */
export async function listFeedItems(
  db: Db,
  window: { from: Date; to: Date },
): Promise<{ sessions: FeedSession[]; lessons: FeedLesson[] }> {
  const sessions = await db
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      status: bookings.status,
      updatedAt: bookings.updatedAt,
      familyName: users.familyName,
      sessionTypeName: sessionTypes.name,
      mode: sessionTypes.mode,
      meetingUrl: bookings.meetingUrl,
    })
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .leftJoin(users, eq(users.id, bookings.clientId))
    .where(
      and(
        inArray(bookings.status, ['confirmed', 'completed', 'no_show', 'cancelled']),
        // Only a confirmed session is ever cancelled: it stays in the feed, marked CANCELLED.
        lt(bookings.startsAt, window.to),
        gt(bookings.endsAt, window.from),
      ),
    )
    .orderBy(asc(bookings.startsAt));

  const lessonRows = await db
    .select({
      id: courseLessons.id,
      cohortId: courseLessons.cohortId,
      courseTitle: courses.title,
      cohortName: courseCohorts.name,
      startsAt: courseLessons.startsAt,
      endsAt: courseLessons.endsAt,
      cohortStatus: courseCohorts.status,
      sequence: courseCohorts.calendarSequence,
      meetingUrl: courseLessons.meetingUrl,
      number:
        sql<number>`row_number() over (partition by ${courseLessons.cohortId} order by ${courseLessons.startsAt}, ${courseLessons.id})`.mapWith(
          Number,
        ),
    })
    .from(courseLessons)
    .innerJoin(courseCohorts, eq(courseCohorts.id, courseLessons.cohortId))
    .innerJoin(courses, eq(courses.id, courseCohorts.courseId));
  // Numbered over the whole cohort first (第N回), then cut to the window.
  const lessons = lessonRows
    .filter((l) => l.startsAt < window.to && l.endsAt > window.from)
    .map(({ cohortStatus, ...l }) => ({ ...l, cancelled: cohortStatus === 'cancelled' }));

  return {
    sessions: sessions.map((s) => ({
      ...s,
      status: s.status as FeedSession['status'],
      familyName: s.familyName || null,
    })),
    lessons,
  };
}
