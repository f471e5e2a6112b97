import { openDatabaseAt } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { databaseTarget } from '@/lib/env';

const handle = await openDatabaseAt(databaseTarget());
try {
  const result = await seedDatabase(handle.db);
  console.log(
    `seeded ${handle.kind} database at ${handle.location}: ${result.articles} new article(s); counselor ${result.counselorEmail} ${result.counselor}${result.demoCounselor ? ' (demo credentials, see README)' : ''}`,
  );
} finally {
  await handle.close();
}
