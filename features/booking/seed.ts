import 'server-only';
import type { Db } from '@/db/client';
import { availabilityRules, bookingSettings, sessionTypes } from '@/db/schema';

const seedSessionTypes = [
  {
    slug: 'online-60',
    name: 'オンラインセッション（60分）',
    mode: 'online',
    durationMinutes: 60,
    priceYen: 11_000,
    sortOrder: 1,
    description: 'ビデオ通話で行う60分のセッションです。ご自宅など、落ち着いて話せる場所からご参加ください。',
  },
  {
    slug: 'online-90',
    name: 'オンラインセッション（90分）',
    mode: 'online',
    durationMinutes: 90,
    priceYen: 16_500,
    sortOrder: 2,
    description: 'じっくり整理したい方向けの90分のビデオ通話セッションです。',
  },
  {
    slug: 'phone-60',
    name: '電話セッション（60分）',
    mode: 'phone',
    durationMinutes: 60,
    priceYen: 11_000,
    sortOrder: 3,
    description: 'お電話で行う60分のセッションです。顔を見せずに話したい方にも。',
  },
  {
    slug: 'in-person-60',
    name: '対面セッション（60分）',
    mode: 'in_person',
    durationMinutes: 60,
    priceYen: 13_200,
    sortOrder: 4,
    description: '名古屋のカウンセリングルームで行う60分のセッションです。',
  },
] as const;

/** Mon–Fri 10:00–18:00 and Sat 10:00–15:00, Japan time. */
const seedRules = [1, 2, 3, 4, 5]
  .map((weekday) => ({ weekday, startMinute: 600, endMinute: 1080 }))
  .concat([{ weekday: 6, startMinute: 600, endMinute: 900 }]);

export async function seedBooking(db: Db): Promise<void> {
  await db
    .insert(sessionTypes)
    .values([...seedSessionTypes])
    .onConflictDoNothing({ target: sessionTypes.slug });
  await db.insert(bookingSettings).values({ id: 1 }).onConflictDoNothing();
  if ((await db.$count(availabilityRules)) === 0) await db.insert(availabilityRules).values(seedRules);
}
