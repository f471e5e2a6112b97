import { getDb } from '@/db';
import { exportAccountData } from '@/features/accounts/queries';
import { getIntakeKeyring } from '@/features/intake/keys';
import { exportClientIntakes } from '@/features/intake/queries';
import { getCurrentUser } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  const db = await getDb();
  const account = await exportAccountData(db, user.id);
  if (!account) return Response.json({ error: 'not_found' }, { status: 404 });
  // The client's own questionnaire answers, decrypted, in plain words (APPI 開示).
  const data = { ...account, intakes: await exportClientIntakes(db, getIntakeKeyring(), user.id) };
  const date = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="my-data-${date}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
