import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { availabilityOverrides, availabilityRules } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { replaceWeeklyRules, saveSessionType, updateBookingSettings } from './admin-service';
import { getAvailability, getBookingSettings } from './queries';
import { seedBooking } from './seed';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
});
afterAll(() => handle?.close());
const ctx = () => ({ db: handle.db, now: new Date() });

describe('admin edits', () => {
  it('replacing the weekly hours is all or nothing', async () => {
    const before = await handle.db.$count(availabilityRules);
    // The second row breaks a check constraint (end before start slips past no schema here).
    await expect(
      replaceWeeklyRules(ctx(), [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 2, start: '12:00', end: '09:00' },
      ]),
    ).rejects.toThrow();
    expect(await handle.db.$count(availabilityRules)).toBe(before);
    await replaceWeeklyRules(ctx(), [{ weekday: 3, start: '13:00', end: '20:00' }]);
    expect((await getAvailability(handle.db)).rules).toEqual([{ weekday: 3, startMinute: 780, endMinute: 1200 }]);
  });

  it('the database refuses an extra override without hours', async () => {
    await expect(
      handle.db.insert(availabilityOverrides).values({ date: '2026-12-29', kind: 'extra' }),
    ).rejects.toThrow();
  });

  it('a slug in use is a friendly error', async () => {
    const input = {
      slug: 'online-60',
      name: '重複',
      mode: 'online' as const,
      durationMinutes: 60,
      priceYen: 1000,
      description: '',
      active: true,
      sortOrder: 9,
      defaultMeetingUrl: '',
    };
    await expect(saveSessionType(ctx(), input)).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'このURLの末尾はすでに使われています。別の言葉にしてください。',
    });
  });

  it('settings are stored in minutes', async () => {
    await updateBookingSettings(ctx(), {
      bufferMinutes: 10,
      minNoticeHours: 12,
      horizonDays: 30,
      stepMinutes: 15,
      meetingLinkLeadHours: 6,
    });
    expect(await getBookingSettings(handle.db)).toMatchObject({
      bufferMinutes: 10,
      minNoticeMinutes: 720,
      horizonDays: 30,
      stepMinutes: 15,
      meetingLinkLeadHours: 6,
    });
  });
});
