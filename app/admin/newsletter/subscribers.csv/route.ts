import { redirect } from 'next/navigation';
import { read } from '@/lib/data';
import { listSubscribersForExport } from '@/features/newsletter/queries';
import { getCurrentUser, loginUrl } from '@/features/accounts/auth/guards';
import { subscribersCsv } from '@/features/newsletter/csv';

export const dynamic = 'force-dynamic';

/** The subscriber list with each address's consent record, for the counselor only. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl('/admin/newsletter/subscribers.csv'));
  // Clients get the same 404 as a path that does not exist.
  if (user.role !== 'counselor') return new Response('Not Found', { status: 404 });
  const csv = subscribersCsv(await read(listSubscribersForExport));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="newsletter-subscribers-${date}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
