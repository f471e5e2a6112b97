import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  bookings,
  courseCohorts,
  courseEnrollments,
  courses,
  outsideRefunds,
  payments,
  refunds,
  sessionTypes,
  users,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { seedBooking } from '@/features/booking/seed';
import type { CurrentUser } from '@/features/accounts/auth/guards';
import { bookingsCsv, paymentsCsv } from './csv';
import { summarize } from './domain/ledger';
import { monthPeriod, periodOf } from './domain/period';
import { listBookingsForExport, listLedger } from './queries';

const db = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
const caller = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/db', () => ({ getDb: async () => db.handle.db }));
// The caller, as the guards see them (the real ones read Auth.js's session cookie).
vi.mock('@/features/accounts/auth/guards', () => ({
  getCurrentUser: async () => caller.user,
  loginUrl: (returnTo: string) => `/login?callbackUrl=${encodeURIComponent(returnTo)}`,
}));

const { GET: getPaymentsCsv } = await import('@/app/admin/payments/payments.csv/route');
const { GET: getBookingsCsv } = await import('@/app/admin/payments/bookings.csv/route');

const at = (iso: string) => new Date(iso);
let client: { id: string };
let counselor: CurrentUser;
let clientUser: CurrentUser;
const typeId: Record<string, string> = {};
let cohortId: string;
let n = 0;

async function booking(type: string, startsAt: string, over: Partial<typeof bookings.$inferInsert> = {}) {
  const start = at(startsAt);
  const end = new Date(start.getTime() + 60 * 60_000);
  const [row] = await db.handle.db
    .insert(bookings)
    .values({
      clientId: client.id,
      sessionTypeId: typeId[type]!,
      startsAt: start,
      endsAt: end,
      blockedUntil: end,
      status: 'completed',
      priceYen: type === 'online-90' ? 16_500 : 11_000,
      ...over,
    })
    .returning();
  return row!;
}

async function payment(
  purpose: 'booking' | 'course',
  referenceId: string,
  amountYen: number,
  paidAt: string | null,
  over: Partial<typeof payments.$inferInsert> = {},
) {
  n += 1;
  const [row] = await db.handle.db
    .insert(payments)
    .values({
      clientId: client.id,
      purpose,
      referenceId,
      amountYen,
      status: paidAt ? 'paid' : 'pending',
      paidAt: paidAt ? at(paidAt) : null,
      stripeCheckoutSessionId: `cs_test_${n}`,
      stripePaymentIntentId: paidAt ? `pi_test_${n}` : null,
      method: paidAt ? 'card' : null,
      ...over,
    })
    .returning();
  return row!;
}

async function refund(paymentId: string, amountYen: number, createdAt: string, stripeRefundId: string | null) {
  n += 1;
  await db.handle.db.insert(refunds).values({
    paymentId,
    amountYen,
    reason: 'test',
    idempotencyKey: `refund-${n}`,
    stripeRefundId,
    createdAt: at(createdAt),
  });
}

/** The CSV's rows as objects keyed by its (Japanese) header; cells are quoted, numbers bare. */
function parse(csv: string) {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).split('\r\n');
  expect(lines.pop()).toBe(''); // the last line is ended too
  const cells = (line: string) =>
    [...line.matchAll(/"((?:[^"]|"")*)"|(-?\d+)/g)].map((m) =>
      m[2] !== undefined ? Number(m[2]) : m[1]!.replace(/""/g, '"'),
    );
  const header = cells(lines[0]!) as string[];
  return {
    header,
    rows: lines
      .slice(1)
      .map((l) => Object.fromEntries(cells(l).map((v, i) => [header[i]!, v])) as Record<string, string | number>),
  };
}

const sum = (rows: Record<string, string | number>[], column: string) =>
  rows.reduce((total, r) => total + (r[column] as number), 0);

beforeAll(async () => {
  db.handle = await createTestDatabase();
  await seedBooking(db.handle.db);
  for (const t of await db.handle.db.select().from(sessionTypes)) typeId[t.slug] = t.id;
  const [c, k] = await db.handle.db
    .insert(users)
    .values([
      { email: 'money-client@example.jp', familyName: '山田', givenName: '花子', timeZone: 'Asia/Tokyo' },
      {
        email: 'money-counselor@example.jp',
        familyName: '佐藤',
        givenName: '恵',
        role: 'counselor',
        timeZone: 'Asia/Tokyo',
      },
    ])
    .returning();
  client = c!;
  counselor = { id: k!.id, email: k!.email, name: '佐藤 恵', role: 'counselor', sessionId: 's1' };
  clientUser = { id: c!.id, email: c!.email, name: '山田 花子', role: 'client', sessionId: 's2' };
  const [course] = await db.handle.db
    .insert(courses)
    .values({ slug: 'money-course', title: '心理学入門講座' })
    .returning();
  const [cohort] = await db.handle.db
    .insert(courseCohorts)
    .values({
      courseId: course!.id,
      name: '第1期',
      capacity: 10,
      priceYen: 30_000,
      registrationDeadline: at('2026-02-01T00:00:00Z'),
    })
    .returning();
  cohortId = cohort!.id;

  // A: paid at 2026-01-31 23:30 JST (14:30 UTC): January.
  const a = await booking('online-60', '2026-02-05T01:00:00Z', { status: 'confirmed' });
  await payment('booking', a.id, 11_000, '2026-01-31T14:30:00Z', { method: 'paypay' });
  // B: paid at 2026-02-01 00:00 JST: February, not January.
  const b = await booking('online-60', '2026-02-06T01:00:00Z', { status: 'confirmed' });
  await payment('booking', b.id, 11_000, '2026-01-31T15:00:00Z');
  // C: 90 minutes paid in January, cancelled by the client on 20 January with half refunded.
  const c90 = await booking('online-90', '2026-01-21T01:00:00Z', {
    status: 'cancelled',
    cancelledAt: at('2026-01-20T03:00:00Z'),
    cancelledBy: 'client',
  });
  const pc = await payment('booking', c90.id, 16_500, '2026-01-05T03:00:00Z', {
    status: 'partially_refunded',
    refundedYen: 8_250,
  });
  await refund(pc.id, 8_250, '2026-01-20T03:00:01Z', 're_test_half');
  // D: paid in December, cancelled in January the day before: nothing refunded, the whole price kept.
  const d = await booking('online-60', '2026-01-11T01:00:00Z', {
    status: 'cancelled',
    cancelledAt: at('2026-01-10T05:00:00Z'),
    cancelledBy: 'client',
  });
  await payment('booking', d.id, 11_000, '2025-12-20T03:00:00Z');
  // E: a course seat paid in January, 10,000 yen of it refunded in the Stripe dashboard.
  const [seat] = await db.handle.db
    .insert(courseEnrollments)
    .values({
      cohortId,
      clientId: client.id,
      status: 'enrolled',
      priceYen: 30_000,
      refundedOutsideAt: at('2026-01-15T02:00:00Z'),
    })
    .returning();
  const pe = await payment('course', seat!.id, 30_000, '2026-01-03T03:00:00Z', {
    status: 'partially_refunded',
    refundedYen: 10_000,
    refundedOutsideYen: 10_000,
    refundedOutsideAt: at('2026-01-15T02:00:00Z'),
  });
  await db.handle.db
    .insert(outsideRefunds)
    .values({ paymentId: pe.id, amountYen: 10_000, totalYen: 10_000, at: at('2026-01-15T02:00:00Z') });
  // F: cancelled by the counselor and refunded in full, in two refunds, the second not yet accepted by Stripe.
  const f = await booking('online-60', '2026-01-12T01:00:00Z', {
    status: 'cancelled',
    cancelledAt: at('2026-01-09T03:00:00Z'),
    cancelledBy: 'counselor',
  });
  const pf = await payment('booking', f.id, 11_000, '2026-01-08T03:00:00Z', {
    status: 'partially_refunded',
    refundedYen: 5_000,
  });
  await refund(pf.id, 5_000, '2026-01-09T03:00:01Z', 're_test_first');
  await refund(pf.id, 6_000, '2026-01-09T03:00:02Z', null);
  // G: a checkout never paid: no money.
  const g = await booking('online-60', '2026-01-13T01:00:00Z', { status: 'expired' });
  await payment('booking', g.id, 11_000, null, { status: 'expired', createdAt: at('2026-01-07T03:00:00Z') });
});

afterAll(async () => {
  await db.handle?.close();
});

describe('the month of money', () => {
  it('counts a payment at 2026-01-31 23:30 JST in January and one at 2026-02-01 00:00 JST in February', async () => {
    const january = await listLedger(db.handle.db, monthPeriod('2026-01'));
    const february = await listLedger(db.handle.db, monthPeriod('2026-02'));
    const paidAt = (lines: typeof january) => lines.filter((l) => l.kind === 'payment').map((l) => l.at.toISOString());
    expect(paidAt(january)).toContain('2026-01-31T14:30:00.000Z');
    expect(paidAt(january)).not.toContain('2026-01-31T15:00:00.000Z');
    expect(paidAt(february)).toEqual(['2026-01-31T15:00:00.000Z']);
  });

  it("sums the month: paid, refunded (ours and the Stripe dashboard's), net, and the fees kept, per session type and cohort", async () => {
    const overview = summarize(await listLedger(db.handle.db, monthPeriod('2026-01')));
    expect(overview.total).toEqual({ paidYen: 68_500, refundedYen: 29_250, netYen: 39_250, feesKeptYen: 19_250 });
    expect(overview.booking).toMatchObject({
      paidYen: 38_500,
      refundedYen: 19_250,
      netYen: 19_250,
      feesKeptYen: 19_250,
    });
    expect(overview.course).toMatchObject({ paidYen: 30_000, refundedYen: 10_000, netYen: 20_000, feesKeptYen: 0 });
    expect(overview.booking.groups.map((g) => [g.label, g.paidYen, g.refundedYen, g.feesKeptYen])).toEqual([
      ['オンラインセッション（60分）', 22_000, 11_000, 11_000],
      ['オンラインセッション（90分）', 16_500, 8_250, 8_250],
    ]);
    expect(overview.course.groups.map((g) => [g.label, g.groupId])).toEqual([['心理学入門講座・第1期', cohortId]]);
  });

  it('lists the refund made in the Stripe dashboard as such, linked to the cohort roster', async () => {
    const outside = (await listLedger(db.handle.db, monthPeriod('2026-01'))).filter((l) => l.kind === 'refund_outside');
    expect(outside).toMatchObject([
      {
        amountYen: 10_000,
        state: 'Stripeの管理画面で返金',
        href: `/admin/courses/cohorts/${cohortId}`,
        clientName: '山田 花子',
      },
    ]);
  });
});

describe('the payments CSV', () => {
  it('sums to the overview, with a row per payment and per refund and the Stripe ids', async () => {
    const lines = await listLedger(db.handle.db, monthPeriod('2026-01'));
    const overview = summarize(lines);
    const { header, rows } = parse(paymentsCsv(lines));
    expect(header.slice(0, 3)).toEqual(['区分', '日時（日本時間）', 'クライアント']);
    expect(sum(rows, '入出金額（税込・円）')).toBe(overview.total.netYen);
    const paid = rows.filter((r) => r['区分'] === '入金');
    expect(sum(paid, '入出金額（税込・円）')).toBe(overview.total.paidYen);
    const refunded = rows.filter((r) => String(r['区分']).startsWith('返金'));
    expect(-sum(refunded, '入出金額（税込・円）')).toBe(overview.total.refundedYen);
    expect(sum(rows, 'キャンセル料（税込・円）')).toBe(overview.total.feesKeptYen);
    // Four payments, the three refunds recorded in January, one made in the dashboard, two fees kept.
    expect(paid).toHaveLength(4);
    expect(
      rows.filter((r) => r['区分'] === '返金').map((r) => [r['入出金額（税込・円）'], r['Stripe 返金ID'], r['状態']]),
    ).toEqual([
      [-5_000, 're_test_first', '返金済み'],
      [-6_000, '', '返金処理中（Stripeの受付待ち）'],
      [-8_250, 're_test_half', '返金済み'],
    ]);
    expect(rows.filter((r) => r['区分'] === '返金（Stripeの管理画面）')).toHaveLength(1);
    expect(rows.filter((r) => r['区分'] === 'キャンセル料')).toHaveLength(2);
    expect(rows.length).toBe(10);
    const late = rows.find((r) => r['日時（日本時間）'] === '2026-01-31 23:30:00')!;
    expect(late).toMatchObject({
      区分: '入金',
      '入出金額（税込・円）': 11_000,
      支払方法: 'PayPay',
      クライアント: '山田 花子',
    });
    expect(String(late['Stripe Checkout Session ID'])).toMatch(/^cs_test_/);
    expect(String(late['Stripe PaymentIntent ID'])).toMatch(/^pi_test_/);
  });

  it('has one row per session in the bookings CSV, with what was paid, refunded and kept', async () => {
    const { rows } = parse(
      bookingsCsv(await listBookingsForExport(db.handle.db, periodOf('2026-01-01', '2026-01-31'))),
    );
    // C, D and F start in January; G's checkout expired and is no booking.
    expect(
      rows.map((r) => [
        r['開始日時（日本時間）'],
        r['状態'],
        r['入金額（税込・円）'],
        r['返金額（税込・円）'],
        r['キャンセル料（税込・円）'],
      ]),
    ).toEqual([
      ['2026-01-11 10:00:00', 'キャンセル済み', 11_000, 0, 11_000],
      ['2026-01-12 10:00:00', 'キャンセル済み', 11_000, 11_000, 0],
      ['2026-01-21 10:00:00', 'キャンセル済み', 16_500, 8_250, 8_250],
    ]);
  });
});

describe('the export routes', () => {
  const pathOf = (route: typeof getPaymentsCsv) =>
    route === getPaymentsCsv ? '/admin/payments/payments.csv' : '/admin/payments/bookings.csv';
  const get = (route: typeof getPaymentsCsv, query: string) =>
    route(new Request(`http://localhost:3000${pathOf(route)}${query}`));

  it('give the counselor the CSV of the period, BOM first, named by the period', async () => {
    caller.user = counselor;
    const response = await get(getPaymentsCsv, '?from=2026-01-01&to=2026-01-31');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="payments_2026-01-01_2026-01-31.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('"区分","日時（日本時間）"');
    const bookingsResponse = await get(getBookingsCsv, '?from=2026-01-01&to=2026-01-31');
    expect(bookingsResponse.headers.get('content-disposition')).toContain('bookings_2026-01-01_2026-01-31.csv');
  });

  it.each([
    ['?from=2026-02-01&to=2026-01-01', '開始日（2026-02-01）が終了日（2026-01-01）より後'],
    ['?from=2026-01-01', '両方'],
    ['?from=2026-13-01&to=2026-12-31', '開始日「2026-13-01」は日付として読めません'],
    ['?from=2024-01-01&to=2026-01-01', '期間が長すぎます'],
  ])('answer 400 with the reason for a bad period (%s)', async (query, reason) => {
    caller.user = counselor;
    const response = await get(getPaymentsCsv, query);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(reason);
  });

  it('refuse a client (404) and send an anonymous caller to sign in', async () => {
    for (const route of [getPaymentsCsv, getBookingsCsv]) {
      caller.user = clientUser;
      const response = await get(route, '?from=2026-01-01&to=2026-01-31');
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('山田');
      caller.user = null;
      await expect(get(route, '?from=2026-01-01&to=2026-01-31')).rejects.toMatchObject({
        digest: expect.stringContaining(
          `/login?callbackUrl=${encodeURIComponent(`${pathOf(route)}?from=2026-01-01&to=2026-01-31`)}`,
        ),
      });
    }
  });
});
