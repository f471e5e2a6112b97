import { counselorFeedFor } from '@/features/calendar-sync/service';
import { serviceContext } from '@/lib/data';
import { siteUrl } from '@/lib/site-url';

export const dynamic = 'force-dynamic';

/**
 * The counselor's subscription feed. The token in the path is the only key (calendar apps send
 * no cookies): a wrong, old or revoked token gets the same 404 as a path that does not exist.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = await counselorFeedFor({ ...(await serviceContext()), baseUrl: siteUrl() }, token);
  if (!ics) return new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="sessions.ics"',
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}
