import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, mailOutbox, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { isEmailVerified } from '@/features/accounts/queries';
import { AppError } from '@/lib/errors';
import { holdWithPolicy, registerAndHold } from './book';
import { holdSlot } from './hold';
import { getBookingPageView, getConfirmView, getOpenSlots, getSessionTypeBySlug } from './queries';
import { seedBooking } from './seed';

const db = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
vi.mock('@/db', () => ({ getDb: async () => db.handle.db }));

const minute = 60 * 1000;
let counter = 0;

beforeAll(async () => {
  db.handle = await createTestDatabase();
  await seedBooking(db.handle.db);
});
afterAll(async () => {
  await db.handle?.close();
});

async function newClient() {
  counter += 1;
  const [user] = await db.handle.db
    .insert(users)
    .values({
      email: `book${counter}@example.jp`,
      familyName: '佐藤',
      givenName: `${counter}`,
      emailVerified: new Date(),
    })
    .returning();
  return user!;
}

/** Open slots far apart from each other, so that holding one never takes another. */
async function spacedSlots(count: number, now = new Date()) {
  const type = (await getSessionTypeBySlug(db.handle.db, 'online-60'))!;
  const slots = await getOpenSlots(db.handle.db, type, now);
  const picked = [] as typeof slots;
  for (const slot of slots) {
    // Spread over the horizon, away from what other tests in this file take.
    if (picked.every((p) => Math.abs(p.start.getTime() - slot.start.getTime()) > 2 * 24 * 60 * minute))
      picked.push(slot);
  }
  const offset = (counter * 3) % Math.max(1, picked.length - count);
  return picked.slice(offset, offset + count);
}

const newVisitor = (email: string) => ({
  familyName: '山田',
  givenName: '花子',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'ハナコ',
  phone: null,
  timeZone: 'Asia/Tokyo',
  email,
  password: 'correct horse battery',
});

describe('a new client holds the time and signs up in one step (issue #12 item 2)', () => {
  it('creates an unverified account, mails its verification link, signs her in and holds the slot with the policy agreed; nobody else can take it', async () => {
    const [slot] = await spacedSlots(1);
    const now = new Date();
    const signIn = vi.fn(async () => {});
    const email = 'newcomer@example.jp';
    const result = await registerAndHold(
      { db: db.handle.db, now, baseUrl: 'http://test' },
      { ...newVisitor(email), sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: null },
      signIn,
    );
    expect(signIn).toHaveBeenCalledWith(true);
    expect(result.registered).toBe(true);
    const [booking] = await db.handle.db.select().from(bookings).where(eq(bookings.id, result.booking.id));
    expect(booking).toMatchObject({ clientId: result.clientId, status: 'held' });
    expect(booking!.policyAgreedAt).toEqual(now);
    expect(booking!.holdExpiresAt).toEqual(new Date(now.getTime() + 30 * minute));

    // Verification still happens: the mail is in the outbox, and the address is not yet verified.
    const mails = await db.handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
    expect(mails.map((m) => m.subject)).toEqual(['【こころの整理室】メールアドレスの確認']);
    expect(mails[0]!.text).toContain('/verify-email?token=');
    expect(await isEmailVerified(db.handle.db, result.clientId)).toBe(false);

    // Before any mail is opened, a second client cannot take the time.
    const other = await newClient();
    await expect(
      holdSlot(
        { db: db.handle.db, now },
        { clientId: other.id, sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: null },
      ),
    ).rejects.toMatchObject({ code: 'slot_taken' });
  });

  it('with an address that has an account, creates nothing, tries the password as a sign-in, and holds nothing when it is refused', async () => {
    const existing = await newClient();
    const [slot] = await spacedSlots(1);
    const now = new Date();
    const refused = vi.fn(async () => {
      throw new AppError('email_registered');
    });
    await expect(
      registerAndHold(
        { db: db.handle.db, now, baseUrl: 'http://test' },
        { ...newVisitor(existing.email), sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: null },
        refused,
      ),
    ).rejects.toMatchObject({ code: 'email_registered' });
    expect(refused).toHaveBeenCalledWith(false);
    expect(await db.handle.db.$count(users, eq(users.email, existing.email))).toBe(1);
    expect(await db.handle.db.$count(bookings, eq(bookings.clientId, existing.id))).toBe(0);

    // Her own password signs her in: the time is held for her account.
    const held = await registerAndHold(
      { db: db.handle.db, now, baseUrl: 'http://test' },
      { ...newVisitor(existing.email), sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: null },
      async () => {},
    );
    expect(held).toMatchObject({ clientId: existing.id, registered: false });
  });
});

describe('one live hold per account', () => {
  it('choosing another time replaces her hold, even one whose buffer touches the new time', async () => {
    const client = await newClient();
    const type = (await getSessionTypeBySlug(db.handle.db, 'online-60'))!;
    const now = new Date();
    const slots = await getOpenSlots(db.handle.db, type, now);
    // Two consecutive times of one day: holding the first makes the second busy for anyone else.
    const index = slots.findIndex(
      (s, i) => i > 40 && slots[i + 1] && slots[i + 1]!.start.getTime() - s.start.getTime() <= 90 * minute,
    );
    const [first, second] = [slots[index]!, slots[index + 1]!];
    const ctx = { db: db.handle.db, now };
    const a = await holdWithPolicy(ctx, {
      clientId: client.id,
      sessionTypeSlug: 'online-60',
      startsAt: first.start,
      theme: null,
    });
    const b = await holdWithPolicy(ctx, {
      clientId: client.id,
      sessionTypeSlug: 'online-60',
      startsAt: second.start,
      theme: null,
    });
    const rows = await db.handle.db
      .select({ id: bookings.id, status: bookings.status })
      .from(bookings)
      .where(eq(bookings.clientId, client.id));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [a.id]: 'expired', [b.id]: 'held' });
  });
});

describe('resuming one’s own hold (issue #12 item 6)', () => {
  it('choosing the time she holds returns the same hold, its expiry unchanged, instead of "taken"', async () => {
    const client = await newClient();
    const [slot] = await spacedSlots(1);
    const t0 = new Date();
    const first = await holdWithPolicy(
      { db: db.handle.db, now: t0 },
      { clientId: client.id, sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: null },
    );
    const t1 = new Date(t0.getTime() + 10 * minute);
    const again = await holdWithPolicy(
      { db: db.handle.db, now: t1 },
      { clientId: client.id, sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: 'trust-and-defense' },
    );
    expect(again.id).toBe(first.id);
    // Choosing again does not extend the hold: it still lapses 30 minutes after it was made.
    expect(again.holdExpiresAt).toEqual(first.holdExpiresAt);
    expect(again.theme).toBe('trust-and-defense');
    expect(await db.handle.db.$count(bookings, eq(bookings.clientId, client.id))).toBe(1);

    // The confirm screen and the picker know it as hers; to anyone else it is taken.
    const mine = await getConfirmView({
      sessionTypeSlug: 'online-60',
      startsAt: slot!.start,
      userId: client.id,
      now: t1,
    });
    expect(mine?.availability).toBe('own');
    const page = await getBookingPageView({ sessionTypeSlug: 'online-60', userId: client.id, now: t1 });
    expect(page?.ownHold?.id).toBe(first.id);
    expect(page?.slots.some((s) => s.start.getTime() === slot!.start.getTime())).toBe(false);
    const other = await newClient();
    const theirs = await getConfirmView({
      sessionTypeSlug: 'online-60',
      startsAt: slot!.start,
      userId: other.id,
      now: t1,
    });
    expect(theirs?.availability).toBe('taken');
    const anonymous = await getConfirmView({ sessionTypeSlug: 'online-60', startsAt: slot!.start, now: t1 });
    expect(anonymous?.availability).toBe('taken');
  });

  it('once her hold has lapsed, choosing the time again makes a new hold', async () => {
    const client = await newClient();
    const [slot] = await spacedSlots(1);
    const t0 = new Date();
    const first = await holdSlot(
      { db: db.handle.db, now: t0 },
      { clientId: client.id, sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: null },
    );
    const later = new Date(t0.getTime() + 31 * minute);
    const second = await holdSlot(
      { db: db.handle.db, now: later },
      { clientId: client.id, sessionTypeSlug: 'online-60', startsAt: slot!.start, theme: null },
    );
    expect(second.id).not.toBe(first.id);
    expect(second.holdExpiresAt).toEqual(new Date(later.getTime() + 30 * minute));
  });
});
