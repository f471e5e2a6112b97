import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, sessionTypes, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { saveSessionType } from './admin-service';
import { holdSlot } from './hold';
import { forgetBookingConfig, getOpenSlots, getSessionTypeBySlug, listSessionTypes } from './queries';
import { seedBooking } from './seed';
import { confirmPaidBooking } from './service';

let handle: DatabaseHandle;
const room = 'https://zoom.us/j/1234567890?pwd=personal';

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
});
afterAll(() => handle?.close());

const ctx = () => ({ db: handle.db, now: new Date() });

async function setDefaultLink(slug: string, url: string) {
  const [type] = await handle.db.select().from(sessionTypes).where(eq(sessionTypes.slug, slug));
  await saveSessionType(ctx(), { ...type!, defaultMeetingUrl: url });
  forgetBookingConfig(handle.db);
}

async function clientHolding(slug: string, index: number) {
  const [client] = await handle.db
    .insert(users)
    .values({ email: `meet-${slug}-${index}@example.jp`, familyName: '田中', emailVerified: new Date() })
    .returning();
  const type = (await getSessionTypeBySlug(handle.db, slug))!;
  const slot = (await getOpenSlots(handle.db, type, new Date())).at(-1 - index * 4)!;
  return holdSlot(ctx(), { clientId: client!.id, sessionTypeSlug: slug, startsAt: slot.start, theme: null });
}

describe('a session type’s default meeting link', () => {
  it('is copied into a new booking, which keeps it when the default changes later', async () => {
    await setDefaultLink('online-60', room);
    const held = await clientHolding('online-60', 0);
    expect(held.meetingUrl).toBe(room);
    expect(await confirmPaidBooking(ctx(), held.id)).toBe('confirmed');

    await setDefaultLink('online-60', 'https://meet.example.jp/new-room');
    const [row] = await handle.db.select().from(bookings).where(eq(bookings.id, held.id));
    expect(row).toMatchObject({ status: 'confirmed', meetingUrl: room });
  });

  it('set after the hold was made, is copied when the booking is confirmed', async () => {
    await setDefaultLink('online-60', '');
    const held = await clientHolding('online-60', 1);
    expect(held.meetingUrl).toBeNull();
    await setDefaultLink('online-60', room);
    expect(await confirmPaidBooking(ctx(), held.id)).toBe('confirmed');
    const [row] = await handle.db.select().from(bookings).where(eq(bookings.id, held.id));
    expect(row!.meetingUrl).toBe(room);
  });

  it('leaves a booking without a link when the type has none, and never reaches public queries', async () => {
    await setDefaultLink('online-60', '');
    const held = await clientHolding('online-60', 2);
    expect(await confirmPaidBooking(ctx(), held.id)).toBe('confirmed');
    const [row] = await handle.db.select().from(bookings).where(eq(bookings.id, held.id));
    expect(row!.meetingUrl).toBeNull();

    await setDefaultLink('online-60', room);
    expect(JSON.stringify(await listSessionTypes(handle.db))).not.toContain('zoom.us');
    expect(JSON.stringify(await getSessionTypeBySlug(handle.db, 'online-60'))).not.toContain('zoom.us');
  });
});
