import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { bookings, mailOutbox, sessionTypes, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { seedBooking } from '@/features/booking/seed';
import { createQueue } from './queue';
import { sendDueReminders } from './workers';

let handle: DatabaseHandle;
const now = new Date('2026-12-01T00:00:00Z');
const hour = 60 * 60 * 1000;
let counter = 0;

async function booking(input: { startsIn: number; status?: 'confirmed' | 'cancelled'; timeZone?: string }) {
  counter += 1;
  const [client] = await handle.db
    .insert(users)
    .values({
      email: `remind${counter}@example.jp`,
      familyName: '佐藤',
      givenName: '花',
      timeZone: input.timeZone ?? 'Asia/Tokyo',
    })
    .returning();
  const [type] = await handle.db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60'));
  const startsAt = new Date(now.getTime() + input.startsIn);
  await handle.db.insert(bookings).values({
    clientId: client!.id,
    sessionTypeId: type!.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + hour),
    blockedUntil: new Date(startsAt.getTime() + hour),
    status: input.status ?? 'confirmed',
    priceYen: 11000,
    theme: 'abandonment-anxiety',
  });
  return client!;
}

const mailsTo = (email: string) => handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
});
afterAll(() => handle?.close());

describe('reminders', () => {
  it('go out once, 24 h ahead, never for a cancelled booking, in the client’s zone, without the theme', async () => {
    const due = await booking({ startsIn: 23 * hour, timeZone: 'America/Los_Angeles' });
    const notYet = await booking({ startsIn: 25 * hour + 3 * hour });
    const cancelled = await booking({ startsIn: 20 * hour, status: 'cancelled' });

    expect(await sendDueReminders(handle.db, now)).toBe(1);
    expect(await sendDueReminders(handle.db, new Date(now.getTime() + 60_000))).toBe(0);
    await Promise.all([sendDueReminders(handle.db, now), sendDueReminders(handle.db, now)]);

    const [mail, ...more] = await mailsTo(due.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('【こころの整理室】明日のご予約のお知らせ');
    // 2026-12-01T23:00Z is 15:00 on 12/1 in Los Angeles and 08:00 on 12/2 in Tokyo.
    expect(mail!.text).toContain('米国太平洋時間 2026年12月1日(火) 15:00／日本時間 2026年12月2日(水) 08:00');
    expect(mail!.text).not.toMatch(/見捨てられ|縋る/);
    expect(await mailsTo(notYet.email)).toHaveLength(0);
    expect(await mailsTo(cancelled.email)).toHaveLength(0);

    expect(await sendDueReminders(handle.db, new Date(now.getTime() + 5 * hour))).toBe(1);
    expect(await mailsTo(notYet.email)).toHaveLength(1);
  });
});

describe('the job queue', () => {
  it('runs pg-boss jobs on this database (PGlite over its socket, or PostgreSQL)', async () => {
    const queue = await createQueue(handle);
    try {
      await queue.boss.createQueue('test.echo');
      const seen: unknown[] = [];
      await queue.boss.work('test.echo', { pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const job of jobs) seen.push(job.data);
      });
      await queue.boss.send('test.echo', { hello: '世界' });
      await expect.poll(() => seen, { timeout: 15_000 }).toEqual([{ hello: '世界' }]);
    } finally {
      await queue.stop();
    }
  });
});
