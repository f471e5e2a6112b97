import { read } from '@/lib/data';
import { bookingIcs } from '@/features/booking/calendar';
import { getBooking } from '@/features/booking/queries';
import { getCurrentUser } from '@/features/accounts/auth/guards';
import { absoluteUrl } from '@/lib/site-url';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Context) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  const { id } = await params;
  const booking = await read(getBooking, id);
  // Someone else's booking answers exactly like one that does not exist.
  if (!booking || booking.status !== 'confirmed' || (user.role !== 'counselor' && booking.clientId !== user.id)) {
    return Response.json({ error: 'not_found' }, { status: 404 });
  }
  const ics = bookingIcs(booking, absoluteUrl(`/portal/bookings/${booking.id}`));
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="session.ics"',
      'Cache-Control': 'no-store',
    },
  });
}
