import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, calendarBusyIntervals, calendarImports, sessionTypes, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { holdSlot } from '@/features/booking/hold';
import { forgetBookingConfig, getOpenSlots, getSessionTypeBySlug } from '@/features/booking/queries';
import { seedBooking } from '@/features/booking/seed';
import { withNewKey } from '@/features/intake/crypto';
import { AppError } from '@/lib/errors';
import { reencryptCalendarImports } from './rotation';
import { listCalendarImports } from './queries';
import {
  addCalendarImport,
  counselorFeedFor,
  regenerateFeedToken,
  revokeFeedToken,
  setFeedTitleStyle,
  syncAllCalendarImports,
  syncCalendarImport,
  type CalendarSyncContext,
} from './service';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const minute = 60_000;
// Four days after Christmas: every fixture's January events lie within the 60-day horizon.
const now = new Date('2026-12-28T00:00:00Z');
const keyring = withNewKey(undefined, 'k1');

let handle: DatabaseHandle;
let server: http.Server;
let base: string;
/** What each path answers; tests change it to make a feed fail. */
let routes: Record<string, { status: number; body?: string; etag?: string; delayMs?: number }>;
const requests: { path: string; ifNoneMatch?: string }[] = [];

const ctx = (overrides: Partial<CalendarSyncContext['fetch']> = {}): CalendarSyncContext => ({
  db: handle.db,
  now,
  fetch: { allowPrivate: true, timeoutMs: 500, ...overrides },
  keyring,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
  server = http.createServer((req, res) => {
    const route = routes[req.url ?? ''];
    requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
    const answer = () => {
      if (!route) return res.writeHead(404).end();
      if (route.etag && req.headers['if-none-match'] === route.etag) return res.writeHead(304).end();
      res.writeHead(route.status, {
        'Content-Type': 'text/calendar; charset=utf-8',
        ...(route.etag ? { ETag: route.etag } : {}),
      });
      res.end(route.body ?? '');
    };
    if (route?.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
});

beforeEach(async () => {
  requests.length = 0;
  routes = {
    '/recurring.ics': { status: 200, body: fixture('recurring.ics'), etag: '"v1"' },
    '/all-day.ics': { status: 200, body: fixture('all-day.ics') },
    '/zones.ics': { status: 200, body: fixture('zones.ics') },
    '/malformed.ics': { status: 200, body: fixture('malformed.ics') },
  };
  await handle.db.delete(calendarImports).where(eq(calendarImports.label, calendarImports.label));
  await handle.db.delete(bookings).where(eq(bookings.status, bookings.status));
  forgetBookingConfig(handle.db);
});

async function openSlots() {
  const type = (await getSessionTypeBySlug(handle.db, 'online-60'))!;
  return getOpenSlots(handle.db, type, now);
}

const key = (s: { start: Date }) => s.start.toISOString();

describe('importing busy time', () => {
  it.each(['recurring.ics', 'all-day.ics', 'zones.ics'])(
    '%s closes exactly the open slots its busy time (with the buffer) overlaps',
    async (name) => {
      const before = await openSlots();
      const { outcome } = await addCalendarImport(ctx(), { url: `${base}/${name}`, label: name });
      expect(outcome.ok).toBe(true);
      const busy = await handle.db.select().from(calendarBusyIntervals);
      expect(busy.length).toBeGreaterThan(0);
      const after = new Set((await openSlots()).map(key));
      const buffer = 15 * minute;
      const overlaps = (s: { start: Date; end: Date }) =>
        busy.some(
          (b) => s.start.getTime() < b.endsAt.getTime() + buffer && s.end.getTime() > b.startsAt.getTime() - buffer,
        );
      const closed = before.filter((s) => !after.has(key(s))).map(key);
      expect(closed.length).toBeGreaterThan(0);
      expect(closed).toEqual(before.filter(overlaps).map(key));
    },
  );

  it('closes the recurring event’s Mondays but not its EXDATE, and the whole of an all-day event’s day', async () => {
    await addCalendarImport(ctx(), { url: `${base}/recurring.ics`, label: '' });
    await addCalendarImport(ctx(), { url: `${base}/all-day.ics`, label: '' });
    const open = (await openSlots()).map(key);
    expect(open).not.toContain('2027-01-04T01:00:00.000Z'); // Mon 4 Jan 10:00 JST
    expect(open).toContain('2027-01-11T01:00:00.000Z'); // the EXDATE: still open
    expect(open.some((s) => s.startsWith('2027-01-07'))).toBe(false); // 7 Jan, all day
    expect(open.some((s) => s.startsWith('2027-01-08'))).toBe(true);
  });

  it('refuses a new hold on a time closed by an import, and leaves bookings and holds already made alone', async () => {
    const [client] = await handle.db
      .insert(users)
      .values({ email: `cs-${Date.now()}@example.jp`, familyName: '山田', givenName: '花子', timeZone: 'Asia/Tokyo' })
      .returning();
    const type = (await handle.db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60')))[0]!;
    // Confirmed on Mon 4 Jan 10:00 JST, before she adds a calendar with an appointment then.
    const startsAt = new Date('2027-01-04T01:00:00Z');
    const [confirmed] = await handle.db
      .insert(bookings)
      .values({
        clientId: client!.id,
        sessionTypeId: type.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 60 * minute),
        blockedUntil: new Date(startsAt.getTime() + 75 * minute),
        status: 'confirmed',
        priceYen: 11_000,
      })
      .returning();
    await addCalendarImport(ctx(), { url: `${base}/recurring.ics`, label: '' });
    const [still] = await handle.db.select().from(bookings).where(eq(bookings.id, confirmed!.id));
    expect(still!.status).toBe('confirmed');
    expect(still!.startsAt).toEqual(startsAt);

    // 18 January 15:00 JST is her moved appointment: a client cannot hold it.
    await expect(
      holdSlot(
        { db: handle.db, now },
        {
          clientId: client!.id,
          sessionTypeSlug: 'online-60',
          startsAt: new Date('2027-01-18T06:00:00Z'),
          theme: null,
        },
      ),
    ).rejects.toSatisfy((err) => err instanceof AppError && err.code === 'slot_taken');
  });
});

describe('a feed that fails', () => {
  it.each([
    ['an HTTP error', { status: 500, body: 'oops' }, 'HTTP 500'],
    ['a file that is not a calendar', { status: 200, body: '<!doctype html><p>ログイン</p>' }, 'iCal形式'],
    ['a malformed calendar', { status: 200, body: fixture('malformed.ics') }, 'iCal形式'],
    ['a slow server', { status: 200, body: fixture('recurring.ics'), delayMs: 2_000 }, '時間内'],
    ['a calendar that is gone', { status: 404 }, '見つかりません'],
  ])('keeps the last good busy time after %s and says why', async (_what, route, message) => {
    // First a good fetch, then the failing one on the same URL.
    routes['/feed.ics'] = { status: 200, body: fixture('recurring.ics') };
    const { id, outcome: first } = await addCalendarImport(ctx(), { url: `${base}/feed.ics`, label: '' });
    expect(first.ok).toBe(true);
    const good = await handle.db.select().from(calendarBusyIntervals);
    const [afterGood] = await handle.db.select().from(calendarImports).where(eq(calendarImports.id, id));

    routes['/feed.ics'] = route;
    const later = { ...ctx(), now: new Date(now.getTime() + 15 * minute) };
    const outcome = await syncCalendarImport(later, id);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error).toContain(message);

    expect(await handle.db.select().from(calendarBusyIntervals)).toEqual(good);
    const [view] = await listCalendarImports(handle.db, now);
    expect(view!.lastError).toContain(message);
    expect(view!.lastSuccessAt).toEqual(afterGood!.lastSuccessAt);
    expect(view!.lastAttemptAt).toEqual(later.now);
  });

  it('asks again with the ETag and keeps its busy time on 304 Not Modified', async () => {
    const { id } = await addCalendarImport(ctx(), { url: `${base}/recurring.ics`, label: '' });
    requests.length = 0;
    const outcomes = await syncAllCalendarImports(ctx());
    expect(outcomes).toEqual([{ ok: true, intervals: 'unchanged' }]);
    expect(requests).toEqual([{ path: '/recurring.ics', ifNoneMatch: '"v1"' }]);
    expect(await handle.db.select().from(calendarBusyIntervals)).toHaveLength(3);
    expect(id).toBeTruthy();
  });

  it('does not fetch from a private address unless allowed, nor anything but http(s)', async () => {
    const outcome = (await addCalendarImport(ctx({ allowPrivate: false }), { url: `${base}/recurring.ics`, label: '' }))
      .outcome;
    expect(outcome).toEqual({ ok: false, error: expect.stringContaining('インターネットから見えない') });
    const byName = (
      await addCalendarImport(ctx({ allowPrivate: false }), {
        url: `http://localhost:${new URL(base).port}/recurring.ics`,
        label: '',
      })
    ).outcome;
    expect(byName).toEqual({ ok: false, error: expect.stringContaining('インターネットから見えない') });
    expect(requests.filter((r) => r.path === '/recurring.ics')).toHaveLength(0);
    await expect(addCalendarImport(ctx(), { url: 'file:///etc/passwd', label: '' })).rejects.toThrow(AppError);
  });
});

describe('the secret address at rest', () => {
  it('is ciphertext in the database, shown masked, and still imports', async () => {
    const secret = `${base}/recurring.ics?private-8f3a9c1d2e7b`;
    routes['/recurring.ics?private-8f3a9c1d2e7b'] = routes['/recurring.ics']!;
    const { id, outcome } = await addCalendarImport(ctx(), { url: secret, label: '' });
    expect(outcome).toEqual({ ok: true, intervals: 3 });

    const [row] = await handle.db.select().from(calendarImports).where(eq(calendarImports.id, id));
    expect(row!.url).toBeNull();
    expect(row!.keyId).toBe('k1');
    expect(row!.urlEncrypted).toMatch(/^v1\./);
    // Nowhere in the row, in any column.
    expect(JSON.stringify(row)).not.toContain('private-8f3a9c1d2e7b');
    const [view] = await listCalendarImports(handle.db, now);
    expect(view!.where).toBe(`127.0.0.1:${new URL(base).port}/…/recurring.ics`);
    expect(JSON.stringify(view)).not.toContain('private-8f3a9c1d2e7b');

    // The job reads it back and fetches it again (the ETag answered: nothing changed).
    requests.length = 0;
    expect(await syncAllCalendarImports(ctx())).toEqual([{ ok: true, intervals: 'unchanged' }]);
    expect(requests.map((r) => r.path)).toEqual(['/recurring.ics?private-8f3a9c1d2e7b']);
  });

  it('seals an address saved before encryption on its next sync, and the key rotation re-encrypts it', async () => {
    const [legacy] = await handle.db
      .insert(calendarImports)
      .values({ url: `${base}/all-day.ics`, label: '以前の登録' })
      .returning();
    expect((await listCalendarImports(handle.db, now))[0]!.where).toContain('/…/all-day.ics');
    expect(await syncCalendarImport(ctx(), legacy!.id)).toMatchObject({ ok: true });
    const [sealed] = await handle.db.select().from(calendarImports).where(eq(calendarImports.id, legacy!.id));
    expect(sealed).toMatchObject({ url: null, keyId: 'k1', urlHint: expect.stringContaining('/…/all-day.ics') });

    const rotated = withNewKey(keyring, 'k2');
    expect(await reencryptCalendarImports({ db: handle.db, now, keyring: rotated })).toEqual({
      reencrypted: 1,
      unreadable: [],
    });
    const [after] = await handle.db.select().from(calendarImports).where(eq(calendarImports.id, legacy!.id));
    expect(after!.keyId).toBe('k2');
    expect(after!.urlEncrypted).not.toBe(sealed!.urlEncrypted);
    requests.length = 0;
    expect(await syncCalendarImport({ ...ctx(), keyring: rotated }, legacy!.id)).toMatchObject({ ok: true });
    expect(requests.map((r) => r.path)).toEqual(['/all-day.ics']);

    // Without the key it was sealed under, the sync fails with words she can act on, and keeps its busy time.
    const busy = await handle.db.select().from(calendarBusyIntervals);
    const outcome = await syncCalendarImport({ ...ctx(), keyring: withNewKey(undefined, 'k3') }, legacy!.id);
    expect(outcome).toEqual({ ok: false, error: expect.stringContaining('復号できませんでした') });
    expect(await handle.db.select().from(calendarBusyIntervals)).toEqual(busy);
  });

  it('the key rotation seals an address still in plaintext (never synced since), once', async () => {
    const [legacy] = await handle.db
      .insert(calendarImports)
      .values({ url: `${base}/recurring.ics?never-synced-5c2e`, label: '未同期の登録' })
      .returning();
    const first = await reencryptCalendarImports({ db: handle.db, now, keyring });
    expect(first.unreadable).toEqual([]);
    expect(first.reencrypted).toBeGreaterThanOrEqual(1);
    const [sealed] = await handle.db.select().from(calendarImports).where(eq(calendarImports.id, legacy!.id));
    expect(sealed).toMatchObject({ url: null, keyId: keyring.currentId, urlHint: expect.stringContaining('/…/') });
    expect(JSON.stringify(sealed)).not.toContain('never-synced-5c2e');
    // Everything is under the current key now: a second run has nothing to do.
    expect(await reencryptCalendarImports({ db: handle.db, now, keyring })).toEqual({ reencrypted: 0, unreadable: [] });
  });
});

describe('the counselor’s feed', () => {
  async function counselorAndSession() {
    const [counselor] = await handle.db
      .insert(users)
      .values({ email: `c-${Date.now()}@example.jp`, role: 'counselor', familyName: '浅野', timeZone: 'Asia/Tokyo' })
      .returning();
    const [client] = await handle.db
      .insert(users)
      .values({ email: `k-${Date.now()}@example.jp`, familyName: '田中', givenName: '美咲', timeZone: 'Asia/Tokyo' })
      .returning();
    const type = (await handle.db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60')))[0]!;
    const startsAt = new Date('2027-01-05T01:00:00Z');
    const [booking] = await handle.db
      .insert(bookings)
      .values({
        clientId: client!.id,
        sessionTypeId: type.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 60 * minute),
        blockedUntil: new Date(startsAt.getTime() + 75 * minute),
        status: 'confirmed',
        priceYen: 11_000,
        theme: 'unrequited',
        updatedAt: now,
      })
      .returning();
    return { counselor: counselor!, booking: booking! };
  }

  const feedCtx = () => ({ db: handle.db, now, baseUrl: 'https://example.jp' });
  const eventsOf = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => ({
      uid: String(v.getFirstPropertyValue('uid')),
      summary: String(v.getFirstPropertyValue('summary')),
      description: String(v.getFirstPropertyValue('description')),
      status: String(v.getFirstPropertyValue('status')),
      sequence: Number(v.getFirstPropertyValue('sequence')),
      start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    }));

  it('answers only its current token, with discreet, valid events that change SEQUENCE when a booking changes', async () => {
    const { counselor, booking } = await counselorAndSession();
    expect(await counselorFeedFor(feedCtx(), 'x'.repeat(43))).toBeUndefined();

    const token = await regenerateFeedToken({ db: handle.db, now }, counselor.id);
    const ics = (await counselorFeedFor(feedCtx(), token))!;
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const [event] = eventsOf(ics).filter((e) => e.uid === `session-${booking.id}@kokoro-seiri-admin`);
    expect(event).toMatchObject({
      summary: '個人セッション',
      status: 'CONFIRMED',
      start: '2027-01-05T01:00:00.000Z',
    });
    expect(event!.description).toContain(`https://example.jp/admin/bookings/${booking.id}`);
    expect(ics).not.toContain('田中');
    expect(ics).not.toContain('美咲');
    expect(ics).not.toContain('unrequited');

    await setFeedTitleStyle({ db: handle.db, now }, counselor.id, 'family_name');
    await handle.db
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: now, updatedAt: new Date(now.getTime() + minute) })
      .where(eq(bookings.id, booking.id));
    const [changed] = eventsOf((await counselorFeedFor(feedCtx(), token))!).filter((e) => e.uid === event!.uid);
    expect(changed).toMatchObject({ summary: 'セッション 田中様', status: 'CANCELLED' });
    expect(changed!.sequence).toBeGreaterThan(event!.sequence);
    expect((await counselorFeedFor(feedCtx(), token))!).not.toContain('美咲');

    // A new URL ends the old one; revoking ends the feed.
    const next = await regenerateFeedToken({ db: handle.db, now }, counselor.id);
    expect(await counselorFeedFor(feedCtx(), token)).toBeUndefined();
    expect(await counselorFeedFor(feedCtx(), next)).toBeDefined();
    await revokeFeedToken({ db: handle.db, now }, counselor.id);
    expect(await counselorFeedFor(feedCtx(), next)).toBeUndefined();
  });
});
