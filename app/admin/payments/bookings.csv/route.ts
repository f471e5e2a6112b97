import { redirect } from 'next/navigation';
import { csvExportResponse } from '@/features/revenue/export';
import { getCurrentUser, loginUrl } from '@/features/accounts/auth/guards';

export const dynamic = 'force-dynamic';

/** The sessions of a period with what was paid, given back and kept, for the counselor only. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const user = await getCurrentUser();
  // Signed in, she comes back to this download, period included.
  if (!user) redirect(loginUrl(`${url.pathname}${url.search}`));
  // Clients get the same 404 as a path that does not exist.
  if (user.role !== 'counselor') return new Response('Not Found', { status: 404 });
  return csvExportResponse('bookings', url);
}
