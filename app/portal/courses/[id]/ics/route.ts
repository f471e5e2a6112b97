import { read } from '@/lib/data';
import { cohortIcs } from '@/features/courses/calendar';
import { getEnrolledCohort } from '@/features/courses/queries';
import { getCurrentUser } from '@/features/accounts/auth/guards';
import { absoluteUrl } from '@/lib/site-url';

export const dynamic = 'force-dynamic';

/** Every lesson of the caller's cohort in one .ics; 404 for anyone not enrolled in it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  // Signed-out visitors are sent to sign in by proxy.ts before they get here.
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  const found = await read(getEnrolledCohort, { cohortId: id, clientId: user.id });
  if (!found) return Response.json({ error: 'not_found' }, { status: 404 });
  const ics = cohortIcs(found.lessons, absoluteUrl(`/portal/courses/${id}`), found.cohort.calendarSequence);
  return new Response(ics, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="course.ics"',
      'cache-control': 'private, no-store',
    },
  });
}
