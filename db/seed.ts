import 'server-only';
import type { Db } from './client';
import { ensureAccount } from '@/features/accounts/service';
import { seedBooking } from '@/features/booking/seed';
import { seedCourses } from '@/features/courses/seed';
import { readContentArticles } from '@/features/library/content';
import { importContentArticles } from '@/features/library/service';
import { counselorSeedSettings } from '@/lib/env';
import { siteConfig } from '@/lib/site-config';

/** Idempotent: running it twice changes nothing the second time. */
export async function seedDatabase(
  db: Db,
): Promise<{ articles: number; counselor: 'created' | 'exists'; counselorEmail: string; demoCounselor: boolean }> {
  const imported = await importContentArticles(db, await readContentArticles());
  await seedBooking(db);
  await seedCourses(db);
  const counselor = counselorSeedSettings();
  const [familyName = '', givenName = ''] = siteConfig.counselor.name.split(' ');
  const result = await ensureAccount(
    { db, now: new Date() },
    { ...counselor, role: 'counselor', familyName, givenName },
  );
  return { articles: imported, counselor: result, counselorEmail: counselor.email, demoCounselor: counselor.isDemo };
}
