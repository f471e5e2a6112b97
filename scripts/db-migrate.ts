import { openDatabaseAt } from '@/db/client';
import { databaseTarget } from '@/lib/env';

const handle = await openDatabaseAt(databaseTarget());
try {
  await handle.migrate();
  console.log(`migrated ${handle.kind} database at ${handle.location}`);
} finally {
  await handle.close();
}
