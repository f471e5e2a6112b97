import { redirect } from 'next/navigation';
import { csvExportResponse } from '@/features/revenue/export';
import { getCurrentUser, loginUrl } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';

/** The sessions of a period with what was paid, given back and kept, for the counselor only. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl('/admin/payments'));
  // Clients get the same 404 as a path that does not exist.
  if (user.role !== 'counselor') return new Response('Not Found', { status: 404 });
  return csvExportResponse('bookings', new URL(request.url));
}
