import { exportAccountData, isEmailVerified } from '@/features/accounts/queries';
import { messages } from '@/lib/messages';
import { listClientBookings } from '@/features/booking/queries';
import { exportClientCourses } from '@/features/courses/queries';
import { getIntakeKeyring } from '@/features/intake/keys';
import { exportClientIntakes } from '@/features/intake/queries';
import { listClientPayments } from '@/features/booking/payment-history';
import { exportSessionNoteSummary } from '@/features/session-notes/queries';
import { listClientPackages } from '@/features/packages/queries';
import { getCurrentUser } from '@/features/accounts/auth/guards';
import { read } from '@/lib/data';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  const account = await read(exportAccountData, user.id);
  if (!account) return Response.json({ error: 'not_found' }, { status: 404 });
  // Everything stored, intake answers included, goes only to an address the client has proved.
  if (!(await read(isEmailVerified, user.id)))
    return Response.json({ error: 'email_not_verified', message: messages.errors.emailNotVerified }, { status: 403 });
  const [bookings, payments, courses, intakes, sessionNotes, packages] = await Promise.all([
    read(listClientBookings, user.id),
    read(listClientPayments, user.id),
    read(exportClientCourses, user.id),
    // The client's own questionnaire answers, decrypted, in plain words (APPI 開示).
    read(exportClientIntakes, getIntakeKeyring(), user.id),
    // The counselor's notes: that they exist and when, never their text; how to ask for them.
    read(exportSessionNoteSummary, user.id),
    read(listClientPackages, user.id, new Date()),
  ]);
  const data = {
    ...account,
    bookings: bookings.map((b) => ({
      sessionType: b.sessionTypeName,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      status: b.status,
      theme: b.theme,
      priceYen: b.priceYen,
      cancelledAt: b.cancelledAt,
      createdAt: b.createdAt,
    })),
    payments: payments.map((p) => ({
      purpose: p.purpose,
      amountYen: p.amountYen,
      refundedYen: p.refundedYen,
      status: p.status,
      paidAt: p.paidAt,
      createdAt: p.createdAt,
      sessionType: p.sessionTypeName,
    })),
    courses,
    // Her session packages (回数券): what was bought, what is left and the ledger as history.
    packages: packages.map((p) => ({
      name: p.name,
      sessionCount: p.sessionCount,
      priceYen: p.priceYen,
      boughtAt: p.boughtAt,
      remaining: p.balance.remaining,
      expiresAt: p.balance.expiresAt,
      history: p.history.map((h) => ({ kind: h.kind, delta: h.delta, at: h.at, sessionStartsAt: h.sessionStartsAt })),
    })),
    intakes,
    sessionNotes,
  };
  const date = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="my-data-${date}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
