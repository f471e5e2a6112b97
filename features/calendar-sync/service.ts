import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { calendarBusyIntervals, calendarFeeds, calendarImports, type FeedTitleStyle } from '@/db/schema';
import { type Keyring, UnreadableCiphertextError } from '@/features/intake/crypto';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '@/lib/service';
import { siteConfig } from '@/lib/site-config';
import { DAY_MS, practiceTimeZone } from '@/lib/time';
import { getBookingSettings } from '@/features/booking/queries';
import { busyIntervalsFromIcs, CalendarParseError } from './domain/busy';
import { counselorFeedIcs } from './domain/feed';
import { CalendarFetchError, fetchCalendar, normaliseCalendarUrl, type FetchCalendarOptions } from './fetch-calendar';
import { openImportUrl, sealImportUrl } from './crypto';
import { maskedUrl } from './mask';
import { calendarSyncMessages, fetchFailureMessage } from './messages';
import { countCalendarImports, findFeedByToken, hashFeedToken, listFeedItems } from './queries';
import { calendarImportLimit } from './schemas';

/**
 * How imports are fetched: `allowPrivate` comes from the environment (lib/env), never from a
 * caller; the keyring (features/intake/keys) opens the stored addresses.
 */
export type CalendarSyncContext = ServiceContext & {
  fetch: Pick<FetchCalendarOptions, 'allowPrivate' | 'timeoutMs' | 'maxBytes'>;
  keyring: Keyring;
};

export type SyncOutcome = { ok: true; intervals: number | 'unchanged' } | { ok: false; error: string };

export async function addCalendarImport(ctx: CalendarSyncContext, input: { url: string; label: string }) {
  try {
    normaliseCalendarUrl(input.url);
  } catch {
    throw new AppError('invalid_input', fetchFailureMessage('bad_url'));
  }
  if ((await countCalendarImports(ctx.db)) >= calendarImportLimit)
    throw new AppError('invalid_input', calendarSyncMessages.tooManyImports);
  // The id is chosen here: it is bound into the ciphertext.
  const id = randomUUID();
  const url = input.url.trim();
  const [row] = await ctx.db
    .insert(calendarImports)
    .values({
      id,
      ...sealImportUrl(ctx.keyring, id, url),
      urlHint: maskedUrl(url),
      label: input.label,
      createdAt: ctx.now,
    })
    .returning({ id: calendarImports.id });
  const outcome = await syncCalendarImport(ctx, row!.id);
  return { id: row!.id, outcome };
}

export async function removeCalendarImport(ctx: ServiceContext, id: string): Promise<void> {
  // Its busy intervals go with it (ON DELETE CASCADE): the slots they closed open again.
  const removed = await ctx.db
    .delete(calendarImports)
    .where(eq(calendarImports.id, id))
    .returning({ id: calendarImports.id });
  if (removed.length === 0) throw new AppError('not_found');
}

/**
 * Fetches one import and replaces its busy intervals. A failure (network, HTTP error, a file that
 * is not a calendar) keeps the last good intervals and records why, for the settings page. Only
 * open slots are affected: bookings and holds are not looked at here at all.
 */
export async function syncCalendarImport(ctx: CalendarSyncContext, id: string): Promise<SyncOutcome> {
  const { db, now } = ctx;
  const [row] = await db.select().from(calendarImports).where(eq(calendarImports.id, id)).limit(1);
  if (!row) throw new AppError('not_found');
  const failed = async (error: string): Promise<SyncOutcome> => {
    await db.update(calendarImports).set({ lastAttemptAt: now, lastError: error }).where(eq(calendarImports.id, id));
    return { ok: false, error };
  };

  let url;
  try {
    url = openImportUrl(ctx.keyring, row);
  } catch (err) {
    if (err instanceof UnreadableCiphertextError) return failed(calendarSyncMessages.urlUnreadable);
    throw err;
  }
  if (row.url) {
    // Saved before encryption: sealed now, the plaintext dropped.
    await db
      .update(calendarImports)
      .set({ ...sealImportUrl(ctx.keyring, row.id, url), urlHint: row.urlHint || maskedUrl(url) })
      .where(eq(calendarImports.id, id));
  }

  let fetched;
  try {
    fetched = await fetchCalendar(url, { ...ctx.fetch, etag: row.etag, lastModified: row.lastModified });
  } catch (err) {
    if (err instanceof CalendarFetchError) return failed(fetchFailureMessage(err.reason, err.status));
    throw err;
  }
  if (fetched.kind === 'not_modified') {
    await db
      .update(calendarImports)
      .set({ lastAttemptAt: now, lastSuccessAt: now, lastError: null })
      .where(eq(calendarImports.id, id));
    return { ok: true, intervals: 'unchanged' };
  }

  const settings = await getBookingSettings(db);
  let busy;
  try {
    busy = busyIntervalsFromIcs(fetched.text, {
      from: new Date(now.getTime() - DAY_MS),
      to: new Date(now.getTime() + (settings.horizonDays + 2) * DAY_MS),
      floatingTimeZone: practiceTimeZone,
    });
  } catch (err) {
    if (err instanceof CalendarParseError) return failed(calendarSyncMessages.notCalendar);
    throw err;
  }

  await db.transaction(async (tx) => {
    await tx.delete(calendarBusyIntervals).where(eq(calendarBusyIntervals.importId, id));
    for (let i = 0; i < busy.intervals.length; i += 500) {
      await tx
        .insert(calendarBusyIntervals)
        .values(busy.intervals.slice(i, i + 500).map((b) => ({ importId: id, startsAt: b.start, endsAt: b.end })));
    }
    await tx
      .update(calendarImports)
      .set({
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        lastAttemptAt: now,
        lastSuccessAt: now,
        lastError: busy.truncated ? calendarSyncMessages.truncated : null,
      })
      .where(eq(calendarImports.id, id));
  });
  return { ok: true, intervals: busy.intervals.length };
}

/** The job: every import, one after another (a slow one holds up only the ones after it, 10 s at most). */
export async function syncAllCalendarImports(ctx: CalendarSyncContext): Promise<SyncOutcome[]> {
  const rows = await ctx.db.select({ id: calendarImports.id }).from(calendarImports);
  const outcomes: SyncOutcome[] = [];
  for (const row of rows) outcomes.push(await syncCalendarImport(ctx, row.id));
  return outcomes;
}

/**
 * A new feed token for the counselor: 32 random bytes, base64url. Only its hash is stored, so
 * the URL is shown to her once; making a new one ends the old URL at once.
 */
export async function regenerateFeedToken(ctx: ServiceContext, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const values = { tokenHash: hashFeedToken(token), tokenCreatedAt: ctx.now, updatedAt: ctx.now };
  await ctx.db
    .insert(calendarFeeds)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: values });
  return token;
}

export async function revokeFeedToken(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.db
    .update(calendarFeeds)
    .set({ tokenHash: null, tokenCreatedAt: null, updatedAt: ctx.now })
    .where(eq(calendarFeeds.userId, userId));
}

export async function setFeedTitleStyle(ctx: ServiceContext, userId: string, titleStyle: FeedTitleStyle) {
  await ctx.db
    .insert(calendarFeeds)
    .values({ userId, titleStyle, updatedAt: ctx.now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { titleStyle, updatedAt: ctx.now } });
}

/** The feed's text for a token, or undefined (the route answers 404 for a wrong or revoked token). */
export async function counselorFeedFor(
  ctx: ServiceContext & { baseUrl: string },
  token: string,
): Promise<string | undefined> {
  const feed = await findFeedByToken(ctx.db, token);
  if (!feed) return undefined;
  const items = await listFeedItems(ctx.db, {
    from: new Date(ctx.now.getTime() - 60 * DAY_MS),
    to: new Date(ctx.now.getTime() + 400 * DAY_MS),
  });
  return counselorFeedIcs({
    ...items,
    titleStyle: feed.titleStyle,
    baseUrl: ctx.baseUrl,
    calendarName: `${siteConfig.name}（予約）`,
  });
}
