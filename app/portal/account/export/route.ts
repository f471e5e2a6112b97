import { getDb } from '@/db';
import { exportAccountData } from '@/features/accounts/queries';
import { getCurrentUser } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  const data = await exportAccountData(await getDb(), user.id);
  if (!data) return Response.json({ error: 'not_found' }, { status: 404 });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="my-data-${date}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
