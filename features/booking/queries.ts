import 'server-only';
import { and, asc, desc, eq, getTableColumns, gt, inArray, lt, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { availabilityOverrides, availabilityRules, bookingSettings, bookings, sessionTypes } from '@/db/schema';
import { siteConfig } from '@/lib/site-config';
import { holdIsLiveSql, isHoldLive, isPlaceKept, placeIsKeptSql } from '@/lib/holds';
import { refundSummaryOf } from '@/features/payments/queries';
import { computeSlots, type DateOverride, type Slot, type SlotSettings, type WeeklyRule } from './domain/slots';
import { isUuid } from '@/lib/ids';
import { getAccountProfile } from '@/features/accounts/queries';
import { listImportedBusy } from '@/features/calendar-sync/queries';

/**
 * What public pages and the slot computation read of a session type: everything but her default
 * meeting link, which reaches a client only through her own booking, and only near its time.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
const { defaultMeetingUrl: _meetingLink, ...publicSessionTypeColumns } = getTableColumns(sessionTypes);

export async function listSessionTypes(db: Db) {
  return db
    .select(publicSessionTypeColumns)
    .from(sessionTypes)
    .where(eq(sessionTypes.active, true))
    .orderBy(asc(sessionTypes.sortOrder));
}

/** Every session type with its default meeting link, for the editor. */
export async function listSessionTypesForEditing(db: Db) {
  return db.select().from(sessionTypes).orderBy(asc(sessionTypes.sortOrder));
}

/** A session type's default meeting link, as a subquery: copied into a booking when it is made or confirmed. */
export const defaultMeetingUrlOf = (sessionTypeId: SQLWrapper | string) =>
  sql<
    string | null
  >`(select ${sessionTypes.defaultMeetingUrl} from ${sessionTypes} where ${sessionTypes.id} = ${sessionTypeId})`;

export async function getSessionTypeBySlug(db: Db, slug: string) {
  const [row] = await db
    .select(publicSessionTypeColumns)
    .from(sessionTypes)
    .where(and(eq(sessionTypes.slug, slug), eq(sessionTypes.active, true)))
    .limit(1);
  return row;
}

export async function getBookingSettings(db: Db) {
  const [row] = await db.select().from(bookingSettings).where(eq(bookingSettings.id, 1)).limit(1);
  return (
    row ?? {
      id: 1,
      bufferMinutes: 15,
      minNoticeMinutes: 24 * 60,
      horizonDays: 60,
      stepMinutes: 30,
      holdMinutes: 30,
      meetingLinkLeadHours: 24,
      updatedAt: new Date(0),
    }
  );
}

export async function getAvailability(
  db: Db,
): Promise<{ rules: WeeklyRule[]; overrides: DateOverride[]; overrideIds: string[] }> {
  const rules = await db
    .select()
    .from(availabilityRules)
    .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startMinute));
  const overrides = await db.select().from(availabilityOverrides).orderBy(asc(availabilityOverrides.date));
  return {
    rules: rules.map((r) => ({
      weekday: r.weekday as WeeklyRule['weekday'],
      startMinute: r.startMinute,
      endMinute: r.endMinute,
    })),
    overrides: overrides.map((o) =>
      o.kind === 'closed'
        ? { date: o.date, kind: 'closed' as const }
        : { date: o.date, kind: 'extra' as const, startMinute: o.startMinute ?? 0, endMinute: o.endMinute ?? 0 },
    ),
    overrideIds: overrides.map((o) => o.id),
  };
}

/**
 * Time the counselor is taken: confirmed bookings and holds that have not expired, and her own
 * appointments imported from her calendars (calendar-sync; instants only). An expired hold never
 * blocks a slot, even before the job marks it expired.
 */
export async function listBusyRanges(db: Db, window: { from: Date; to: Date }, now: Date) {
  const booked = await listBookedRanges(db, window, now);
  return [...booked, ...(await listImportedBusy(db, window))];
}

async function listBookedRanges(db: Db, window: { from: Date; to: Date }, now: Date) {
  return db
    .select({ start: bookings.startsAt, end: bookings.endsAt })
    .from(bookings)
    .where(
      and(
        lt(bookings.startsAt, window.to),
        gt(bookings.endsAt, window.from),
        or(eq(bookings.status, 'confirmed'), placeIsKeptSql(bookings, now)),
      ),
    );
}

export type BookingConfig = {
  settings: Awaited<ReturnType<typeof getBookingSettings>>;
  availability: Awaited<ReturnType<typeof getAvailability>>;
  sessionTypes: Awaited<ReturnType<typeof listSessionTypes>>;
};

/**
 * Settings, hours and session types change only when the counselor edits them, yet every
 * slot listing and every hold needs them: they are kept for a few seconds per database
 * (and dropped at once on this instance when edited). A stale copy can at worst offer a slot
 * just closed; it can never double-book, which the database forbids.
 */
const configTtlMs = 5_000;
const configCache = new WeakMap<object, { at: number; value: Promise<BookingConfig> }>();

export function getBookingConfig(db: Db): Promise<BookingConfig> {
  const cached = configCache.get(db);
  if (cached && Date.now() - cached.at < configTtlMs) return cached.value;
  const value = Promise.all([getBookingSettings(db), getAvailability(db), listSessionTypes(db)]).then(
    ([settings, availability, sessionTypes]) => ({
      settings,
      availability,
      sessionTypes,
    }),
  );
  configCache.set(db, { at: Date.now(), value });
  value.catch(() => configCache.delete(db));
  return value;
}

export function forgetBookingConfig(db: Db): void {
  configCache.delete(db);
}

/**
 * Open slots for a session type. With `ignoreBusy`, the slots the rules offer at all; with
 * `around`, busy time is read only for the day on either side of that instant (enough to
 * judge a slot there, far less to read when thousands of bookings fill the window).
 */
export async function getOpenSlots(
  db: Db,
  sessionType: { durationMinutes: number },
  now: Date,
  options: { ignoreBusy?: boolean; around?: Date } = {},
): Promise<Slot[]> {
  const { settings, availability } = await getBookingConfig(db);
  const day = 24 * 60 * 60 * 1000;
  const horizonEnd = new Date(now.getTime() + settings.horizonDays * day + day);
  // Buffers reach past the window's edges, so look a little wider for busy time.
  const margin = settings.bufferMinutes * 60 * 1000 + day;
  const window = options.around
    ? { from: new Date(options.around.getTime() - margin), to: new Date(options.around.getTime() + margin) }
    : { from: new Date(now.getTime() - margin), to: new Date(horizonEnd.getTime() + margin) };
  const busy = options.ignoreBusy ? [] : await listBusyRanges(db, window, now);
  return computeSlots({
    now,
    rules: availability.rules,
    overrides: availability.overrides,
    busy,
    settings: slotSettingsFor(sessionType, settings),
  });
}

export function slotSettingsFor(
  sessionType: { durationMinutes: number },
  settings: { bufferMinutes: number; minNoticeMinutes: number; horizonDays: number; stepMinutes: number },
): SlotSettings {
  return {
    durationMinutes: sessionType.durationMinutes,
    bufferMinutes: settings.bufferMinutes,
    minNoticeMinutes: settings.minNoticeMinutes,
    horizonDays: settings.horizonDays,
    stepMinutes: settings.stepMinutes,
    practiceTimeZone: siteConfig.timeZone,
  };
}

const bookingColumns = {
  id: bookings.id,
  clientId: bookings.clientId,
  status: bookings.status,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  holdExpiresAt: bookings.holdExpiresAt,
  theme: bookings.theme,
  priceYen: bookings.priceYen,
  discountYen: bookings.discountYen,
  couponId: bookings.couponId,
  paidWith: bookings.paidWith,
  policy: bookings.policy,
  meetingUrl: bookings.meetingUrl,
  cancelledAt: bookings.cancelledAt,
  cancelledBy: bookings.cancelledBy,
  createdAt: bookings.createdAt,
  sessionTypeId: sessionTypes.id,
  sessionTypeName: sessionTypes.name,
  sessionTypeSlug: sessionTypes.slug,
  mode: sessionTypes.mode,
  durationMinutes: sessionTypes.durationMinutes,
};

export async function getBooking(db: Db, bookingId: string) {
  if (!isUuid(bookingId)) return undefined;
  const [row] = await db
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(eq(bookings.id, bookingId))
    .limit(1);
  return row;
}

export type BookingView = NonNullable<Awaited<ReturnType<typeof getBooking>>>;

export async function listClientBookings(db: Db, clientId: string) {
  return db
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(
      and(
        eq(bookings.clientId, clientId),
        inArray(bookings.status, ['held', 'awaiting_payment', 'confirmed', 'completed', 'no_show', 'cancelled']),
      ),
    )
    .orderBy(desc(bookings.startsAt));
}

/**
 * A client's bookings as the portal's home lists them: live holds (to finish paying), upcoming
 * sessions (soonest first), and the history, newest first: past sessions, cancelled ones and
 * no-shows stay listed instead of disappearing. Lapsed holds were never bookings to the client.
 */
export async function listClientBookingHistory(db: Db, clientId: string, now: Date) {
  const rows = await listClientBookings(db, clientId);
  const held = rows.filter((b) => b.status === 'held' && isHoldLive(b, now));
  // Konbini payments still to make, until their deadline: the slot is kept, not yet booked.
  const awaiting = rows.filter((b) => b.status === 'awaiting_payment' && isPlaceKept(b, now)).reverse();
  const isUpcoming = (b: (typeof rows)[number]) => b.status === 'confirmed' && b.endsAt > now;
  const upcoming = rows.filter(isUpcoming).reverse();
  const history = rows.filter((b) => b.status !== 'held' && b.status !== 'awaiting_payment' && !isUpcoming(b));
  return { held, awaiting, upcoming, history };
}

/** What was paid for a booking and what is refunded: the booking page after a cancellation. */
export function getBookingRefund(db: Db, bookingId: string) {
  return refundSummaryOf(db, 'booking', bookingId);
}

/**
 * The client's live hold, if any (a client holds one slot at a time): the picker marks it
 * 「お手続き中のご予約」 and the confirm screen says when choosing another time replaces it.
 */
export async function getLiveHoldOf(db: Db, clientId: string, now: Date) {
  const [row] = await db
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      holdExpiresAt: bookings.holdExpiresAt,
      sessionTypeSlug: sessionTypes.slug,
      sessionTypeName: sessionTypes.name,
    })
    .from(bookings)
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .where(and(eq(bookings.clientId, clientId), holdIsLiveSql(bookings, now)))
    .orderBy(desc(bookings.createdAt))
    .limit(1);
  return row;
}

export type LiveHold = NonNullable<Awaited<ReturnType<typeof getLiveHoldOf>>>;

/**
 * What the confirm screen shows for a chosen time, read for the page (through `read`): the session type, the viewer's profile and live hold when signed in, and whether
 * the time can still be had (`own`: it is her hold, which choosing again resumes).
 */
export async function getConfirmView(
  db: Db,
  input: { sessionTypeSlug: string; startsAt: Date; userId?: string; now: Date },
) {
  const type = await getSessionTypeBySlug(db, input.sessionTypeSlug);
  if (!type) return undefined;
  const [profile, liveHold] = input.userId
    ? await Promise.all([getAccountProfile(db, input.userId), getLiveHoldOf(db, input.userId, input.now)])
    : [undefined, undefined];
  const at = input.startsAt.getTime();
  const own = liveHold && liveHold.sessionTypeSlug === type.slug && liveHold.startsAt.getTime() === at;
  let availability: 'open' | 'own' | 'taken' | 'unavailable' = 'own';
  if (!own) {
    const offered = await getOpenSlots(db, type, input.now, { ignoreBusy: true, around: input.startsAt });
    const open = await getOpenSlots(db, type, input.now, { around: input.startsAt });
    const isAt = (slot: Slot) => slot.start.getTime() === at;
    // Her own hold elsewhere counts as busy here, yet this one would replace it: with such a
    // hold, an offered time is left for the hold itself to judge.
    availability =
      open.some(isAt) || (liveHold && offered.some(isAt)) ? 'open' : offered.some(isAt) ? 'taken' : 'unavailable';
  }
  return { type, profile, liveHold, availability };
}

/** The booking page: the session type and, for a signed-in client, her live hold to mark in the picker. */
export async function getBookingPageView(db: Db, input: { sessionTypeSlug: string; userId?: string; now: Date }) {
  const type = await getSessionTypeBySlug(db, input.sessionTypeSlug);
  if (!type) return undefined;
  const [slots, liveHold] = await Promise.all([
    getOpenSlots(db, type, input.now),
    input.userId ? getLiveHoldOf(db, input.userId, input.now) : undefined,
  ]);
  const ownHold = liveHold && liveHold.sessionTypeSlug === type.slug ? liveHold : undefined;
  return { type, slots, ownHold };
}
