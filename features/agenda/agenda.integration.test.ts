import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  notices,
  bookings,
  calendarBusyIntervals,
  calendarImports,
  courseCohorts,
  courseEnrollments,
  courseLessons,
  courses,
  payments,
  refunds,
  sessionTypes,
  users,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addOverride } from '@/features/booking/admin-service';
import { getAvailability } from '@/features/booking/queries';
import { seedBooking } from '@/features/booking/seed';
import { withNewKey } from '@/features/intake/crypto';
import { consentToIntake, readIntakeAsCounselor, submitIntake } from '@/features/intake/service';
import { getAgenda, getAgendaAlerts } from './queries';

let handle: DatabaseHandle;
const keyring = withNewKey(undefined, 'k1');
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
let counter = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
});
afterAll(() => handle?.close());

async function client(role: 'client' | 'counselor' = 'client') {
  counter += 1;
  const [row] = await handle.db
    .insert(users)
    .values({ email: `agenda${counter}@example.jp`, familyName: `田中${counter}`, givenName: '花', role })
    .returning();
  return row!;
}

async function booking(
  clientId: string,
  startsAt: Date,
  status: 'confirmed' | 'cancelled' | 'expired' | 'completed' | 'held' = 'confirmed',
  holdExpiresAt?: Date,
) {
  const [type] = await handle.db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60'));
  const [row] = await handle.db
    .insert(bookings)
    .values({
      clientId,
      sessionTypeId: type!.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + hour),
      blockedUntil: new Date(startsAt.getTime() + hour),
      status,
      holdExpiresAt,
      priceYen: 11000,
      meetingUrl: 'https://meet.example.jp/room',
    })
    .returning();
  return row!;
}

async function cohort(input: { deadline: Date; capacity?: number; status?: 'open' | 'cancelled' }) {
  counter += 1;
  const [course] = await handle.db
    .insert(courses)
    .values({ slug: `agenda-course-${counter}`, title: `心理学講座${counter}` })
    .returning();
  const [row] = await handle.db
    .insert(courseCohorts)
    .values({
      courseId: course!.id,
      name: `第${counter}期`,
      capacity: input.capacity ?? 10,
      priceYen: 33000,
      registrationDeadline: input.deadline,
      status: input.status ?? 'open',
    })
    .returning();
  return row!;
}

async function lesson(cohortId: string, startsAt: Date) {
  const [row] = await handle.db
    .insert(courseLessons)
    .values({
      cohortId,
      title: '第1回',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * minute),
      materialsReleaseAt: startsAt,
    })
    .returning();
  return row!;
}

const flaggedAnswers = { g_goal: 'つらい', g_safety: 'sometimes' };
const calmAnswers = { g_goal: '話したい', g_safety: 'never' };

describe('the agenda', () => {
  // Saturday 30 January 2027, 12:00 in Japan.
  const now = new Date('2027-01-30T03:00:00Z');

  it('puts sessions and lessons on their day in Japan time across a month boundary', async () => {
    const c = await client();
    // 23:00 on 31 January JST (14:00 UTC): on the 31st though it ends on 1 February.
    const lateSession = await booking(c.id, new Date('2027-01-31T14:00:00Z'));
    // 00:30 on 1 February JST is still 31 January in UTC: on the 1st.
    const earlySession = await booking(c.id, new Date('2027-01-31T15:30:00Z'));
    // Outside: 23:00 on the 30th JST, and 00:00 on the 2nd JST; a cancelled session on the 31st.
    await booking(c.id, new Date('2027-01-30T14:00:00Z'));
    await booking(c.id, new Date('2027-02-01T15:00:00Z'));
    await booking(c.id, new Date('2027-01-31T01:00:00Z'), 'cancelled');
    // A hold whose time is up is no one's session; a live one shows (as 仮押さえ中).
    await booking(c.id, new Date('2027-01-31T03:00:00Z'), 'held', new Date(now.getTime() - minute));
    const liveHold = await booking(
      c.id,
      new Date('2027-01-31T05:00:00Z'),
      'held',
      new Date(now.getTime() + 20 * minute),
    );
    const open = await cohort({ deadline: new Date('2027-03-01T00:00:00Z') });
    const lessonOnFirst = await lesson(open.id, new Date('2027-01-31T15:00:00Z')); // 00:00 on the 1st JST
    const cancelled = await cohort({ deadline: new Date('2027-03-01T00:00:00Z'), status: 'cancelled' });
    await lesson(cancelled.id, new Date('2027-02-01T03:00:00Z'));

    await consentToIntake({ db: handle.db, keyring, now }, { bookingId: lateSession.id, clientId: c.id });
    await submitIntake(
      { db: handle.db, keyring, now },
      { bookingId: lateSession.id, clientId: c.id, theme: null, answers: flaggedAnswers },
    );

    const days = await getAgenda({ db: handle.db, now }, { from: '2027-01-31', days: 2 });
    expect(days.map((d) => d.date)).toEqual(['2027-01-31', '2027-02-01']);
    expect(days[0]!.items.map((i) => i.id)).toEqual([liveHold.id, lateSession.id]);
    expect(days[0]!.items[1]).toMatchObject({
      kind: 'session',
      clientName: `${c.familyName} 花`,
      sessionTypeName: expect.any(String),
      meetingUrl: 'https://meet.example.jp/room',
      intake: 'flagged',
    });
    expect(days[1]!.items.map((i) => [i.kind, i.id])).toEqual([
      ['lesson', lessonOnFirst.id],
      ['session', earlySession.id],
    ]);
    expect(days[1]!.items[1]).toMatchObject({ intake: 'none' });
    expect(days[1]!.items[0]).toMatchObject({ cohortName: open.name });
  });

  it('gives each day its weekly hours, extra hours and day off', async () => {
    await addOverride({ db: handle.db, now }, { kind: 'closed', date: '2027-02-03', note: '' });
    await addOverride(
      { db: handle.db, now },
      { kind: 'extra', date: '2027-02-04', start: '19:00', end: '21:00', note: '' },
    );
    const { rules } = await getAvailability(handle.db);
    const days = await getAgenda({ db: handle.db, now }, { from: '2027-02-03', days: 2 });
    expect(days[0]).toMatchObject({ closed: true, weekly: [], extra: [] });
    const thursday = rules
      .filter((r) => r.weekday === 4)
      .map((r) => ({ startMinute: r.startMinute, endMinute: r.endMinute }));
    expect(days[1]).toMatchObject({ closed: false, weekly: thursday, extra: [{ startMinute: 1140, endMinute: 1260 }] });
  });

  it('shows her imported busy time on each day it touches, in Japan time, merged, with no title', async () => {
    const [imported] = await handle.db
      .insert(calendarImports)
      .values({ label: '個人', url: 'https://calendar.example.jp/basic.ics', urlHint: 'calendar.example.jp/…' })
      .returning();
    const jst = (iso: string) => new Date(`${iso}+09:00`);
    await handle.db.insert(calendarBusyIntervals).values([
      // 10:00–11:00 and an overlapping 10:30–12:00 (two calendars, one appointment): one block.
      { importId: imported!.id, startsAt: jst('2027-04-07T10:00'), endsAt: jst('2027-04-07T11:00') },
      { importId: imported!.id, startsAt: jst('2027-04-07T10:30'), endsAt: jst('2027-04-07T12:00') },
      // Across midnight, then an all-day event, then one outside the window.
      { importId: imported!.id, startsAt: jst('2027-04-07T22:00'), endsAt: jst('2027-04-08T01:00') },
      { importId: imported!.id, startsAt: jst('2027-04-09T00:00'), endsAt: jst('2027-04-10T00:00') },
      { importId: imported!.id, startsAt: jst('2027-04-12T10:00'), endsAt: jst('2027-04-12T11:00') },
    ]);
    const days = await getAgenda({ db: handle.db, now: jst('2027-04-01T09:00') }, { from: '2027-04-07', days: 4 });
    expect(days.map((d) => [d.date, d.busy])).toEqual([
      [
        '2027-04-07',
        [
          { startMinute: 600, endMinute: 720 },
          { startMinute: 1320, endMinute: 1440 },
        ],
      ],
      ['2027-04-08', [{ startMinute: 0, endMinute: 60 }]],
      ['2027-04-09', [{ startMinute: 0, endMinute: 1440 }]],
      ['2027-04-10', []],
    ]);
    // Busy time is not a session: the items stay what they were.
    expect(days.flatMap((d) => d.items)).toEqual([]);
  });
});

describe('the alerts', () => {
  const now = new Date('2027-03-01T03:00:00Z');
  const alertsFor = async (id: string) =>
    (await getAgendaAlerts({ db: handle.db, now })).filter((a) => a.href.endsWith(id)).map((a) => a.kind);

  it('a flagged questionnaire shows until the counselor opens it; a calm one never does', async () => {
    const c = await client();
    const counselor = await client('counselor');
    const flagged = await booking(c.id, new Date(now.getTime() + 5 * day));
    const calm = await booking(c.id, new Date(now.getTime() + 6 * day));
    for (const [b, answers] of [
      [flagged, flaggedAnswers],
      [calm, calmAnswers],
    ] as const) {
      await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: c.id });
      await submitIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: c.id, theme: null, answers });
    }
    expect(await alertsFor(flagged.id)).toEqual(['flagged_intake']);
    expect(await alertsFor(calm.id)).toEqual([]);
    await readIntakeAsCounselor(
      { db: handle.db, keyring, now: new Date(now.getTime() + minute) },
      { bookingId: flagged.id, counselorId: counselor.id },
    );
    expect(await alertsFor(flagged.id)).toEqual([]);
    // Changed to a calm answer and back: flagged again, and unread again since.
    const later = new Date(now.getTime() + 10 * minute);
    await submitIntake(
      { db: handle.db, keyring, now: later },
      { bookingId: flagged.id, clientId: c.id, theme: null, answers: calmAnswers },
    );
    expect(await alertsFor(flagged.id)).toEqual([]);
    await submitIntake(
      { db: handle.db, keyring, now: new Date(later.getTime() + minute) },
      { bookingId: flagged.id, clientId: c.id, theme: null, answers: flaggedAnswers },
    );
    expect(await alertsFor(flagged.id)).toEqual(['flagged_intake']);
  });

  it('a paid booking or seat with nothing confirmed shows; a confirmed one or one being refunded does not', async () => {
    const c = await client();
    const lapsed = await booking(c.id, new Date(now.getTime() + 8 * day), 'expired');
    const confirmed = await booking(c.id, new Date(now.getTime() + 9 * day));
    const refunded = await booking(c.id, new Date(now.getTime() + 10 * day), 'expired');
    const paid = (referenceId: string, purpose: 'booking' | 'course' = 'booking') =>
      handle.db
        .insert(payments)
        .values({
          clientId: c.id,
          purpose,
          referenceId,
          amountYen: 11000,
          status: 'paid',
          paidAt: new Date(now.getTime() - hour),
        })
        .returning()
        .then((r) => r[0]!);
    await paid(lapsed.id);
    await paid(confirmed.id);
    const refundedPayment = await paid(refunded.id);
    await handle.db.insert(refunds).values({
      paymentId: refundedPayment.id,
      amountYen: 11000,
      reason: 'lost',
      idempotencyKey: `lost-${refundedPayment.id}`,
      stripeRefundId: 're_1',
    });
    expect(await alertsFor(lapsed.id)).toEqual(['paid_unconfirmed']);
    expect(await alertsFor(confirmed.id)).toEqual([]);
    expect(await alertsFor(refunded.id)).toEqual([]);

    const co = await cohort({ deadline: new Date(now.getTime() + 30 * day) });
    const [seat] = await handle.db
      .insert(courseEnrollments)
      .values({ cohortId: co.id, clientId: c.id, status: 'expired', priceYen: 33000 })
      .returning();
    await paid(seat!.id, 'course');
    expect(await alertsFor(co.id)).toEqual(['paid_unconfirmed']);
  });

  it('a refund Stripe has not accepted for 15 minutes shows; a newer or an accepted one does not', async () => {
    const c = await client();
    const [failing, recent, accepted] = await Promise.all(
      [11, 12, 13].map((d) => booking(c.id, new Date(now.getTime() + d * day), 'cancelled')),
    );
    for (const [b, ago, stripeRefundId] of [
      [failing!, 20 * minute, null],
      [recent!, 5 * minute, null],
      [accepted!, 60 * minute, 're_ok'],
    ] as const) {
      const [p] = await handle.db
        .insert(payments)
        .values({
          clientId: c.id,
          purpose: 'booking',
          referenceId: b.id,
          amountYen: 11000,
          status: 'paid',
          paidAt: now,
        })
        .returning();
      await handle.db.insert(refunds).values({
        paymentId: p!.id,
        amountYen: 11000,
        reason: 'cancel',
        idempotencyKey: `cancel-${p!.id}`,
        stripeRefundId,
        createdAt: new Date(now.getTime() - ago),
      });
    }
    expect(await alertsFor(failing!.id)).toEqual(['refund_failing']);
    expect(await alertsFor(recent!.id)).toEqual([]);
    expect(await alertsFor(accepted!.id)).toEqual([]);
  });

  it('a refund made in the Stripe dashboard shows while the session still stands; not once it is cancelled', async () => {
    const c = await client();
    const [standing, cancelled] = await Promise.all([
      booking(c.id, new Date(now.getTime() + 16 * day), 'confirmed'),
      booking(c.id, new Date(now.getTime() + 17 * day), 'cancelled'),
    ]);
    for (const b of [standing!, cancelled!])
      await handle.db.insert(payments).values({
        clientId: c.id,
        purpose: 'booking',
        referenceId: b.id,
        amountYen: 11000,
        refundedYen: 11000,
        refundedOutsideYen: 11000,
        refundedOutsideAt: new Date(now.getTime() - hour),
        status: 'refunded',
        paidAt: new Date(now.getTime() - day),
      });
    expect(await alertsFor(standing!.id)).toEqual(['refunded_outside']);
    const alert = (await getAgendaAlerts({ db: handle.db, now })).find((a) => a.href.endsWith(standing!.id))!;
    expect(alert.title).toBe('Stripe の管理画面で返金がありました');
    expect(alert.detail).toContain('11,000円');
    expect(alert.detail).toContain('キャンセルするか、このままにするかご確認ください');
    expect(await alertsFor(cancelled!.id)).toEqual([]);
  });

  it('notices the mail server keeps refusing show as one alert, until they are sent', async () => {
    const [n] = await handle.db
      .insert(notices)
      .values({
        key: 'agenda-test',
        about: 'test',
        to: 'x@example.jp',
        subject: '件名',
        text: '',
        html: '',
        status: 'failed',
        attempts: 12,
      })
      .returning();
    const alert = (await getAgendaAlerts({ db: handle.db, now })).find((a) => a.kind === 'notice_failing');
    expect(alert).toMatchObject({ href: '/admin/notices', detail: '1件・うち1件は自動の送り直しを止めています' });
    await handle.db.update(notices).set({ status: 'sent' }).where(eq(notices.id, n!.id));
    expect((await getAgendaAlerts({ db: handle.db, now })).map((a) => a.kind)).not.toContain('notice_failing');
  });

  it('a cohort closing within 7 days with free seats shows; a full, later, past or cancelled one does not', async () => {
    const soon = await cohort({ deadline: new Date(now.getTime() + 3 * day), capacity: 2 });
    const full = await cohort({ deadline: new Date(now.getTime() + 3 * day), capacity: 1 });
    const later = await cohort({ deadline: new Date(now.getTime() + 10 * day) });
    const past = await cohort({ deadline: new Date(now.getTime() - day) });
    const cancelled = await cohort({ deadline: new Date(now.getTime() + 2 * day), status: 'cancelled' });
    const c = await client();
    await handle.db.insert(courseEnrollments).values([
      { cohortId: soon.id, clientId: c.id, status: 'enrolled', priceYen: 33000 },
      { cohortId: full.id, clientId: c.id, status: 'enrolled', priceYen: 33000 },
    ]);
    const alerts = await getAgendaAlerts({ db: handle.db, now });
    expect(alerts.find((a) => a.href.endsWith(soon.id))).toMatchObject({
      kind: 'cohort_deadline',
      detail: expect.stringContaining('残り1席'),
    });
    for (const other of [full, later, past, cancelled]) expect(await alertsFor(other.id)).toEqual([]);
  });
});

describe('sessions to mark', () => {
  const now = new Date('2027-04-01T03:00:00Z');
  const alertsFor = async (id: string) =>
    (await getAgendaAlerts({ db: handle.db, now })).filter((a) => a.href.endsWith(id)).map((a) => a.kind);

  it('a confirmed session of the last 14 days not yet marked shows; a marked, older or later one does not', async () => {
    const c = await client();
    const unmarked = await booking(c.id, new Date(now.getTime() - 2 * day));
    const completed = await booking(c.id, new Date(now.getTime() - 3 * day), 'completed');
    const older = await booking(c.id, new Date(now.getTime() - 20 * day));
    const running = await booking(c.id, new Date(now.getTime() - 30 * minute));
    expect(await alertsFor(unmarked.id)).toEqual(['unmarked_session']);
    const alert = (await getAgendaAlerts({ db: handle.db, now })).find((a) => a.href.endsWith(unmarked.id));
    expect(alert!.href).toBe(`/admin/bookings?view=day&date=2027-03-30#to-mark-${unmarked.id}`);
    for (const other of [completed, older, running]) expect(await alertsFor(other.id)).toEqual([]);
  });
});

describe('extra hours', () => {
  const now = new Date('2027-05-01T00:00:00Z');
  it('the same extra hours or day off cannot be added twice, and overlapping extra hours are refused', async () => {
    const extra = { kind: 'extra' as const, date: '2027-05-10', start: '19:00', end: '21:00', note: '' };
    await addOverride({ db: handle.db, now }, extra);
    await expect(addOverride({ db: handle.db, now }, extra)).rejects.toMatchObject({
      code: 'override_duplicate',
      message: 'この日のこの時間はすでに登録されています。登録済みの一覧を確認してください。',
    });
    await expect(addOverride({ db: handle.db, now }, { ...extra, start: '20:00', end: '22:00' })).rejects.toMatchObject(
      {
        code: 'override_duplicate',
        message: expect.stringContaining('重なっています'),
      },
    );
    await addOverride({ db: handle.db, now }, { ...extra, start: '21:00', end: '22:00' });
    await addOverride({ db: handle.db, now }, { kind: 'closed', date: '2027-05-11', note: '' });
    await expect(
      addOverride({ db: handle.db, now }, { kind: 'closed', date: '2027-05-11', note: '' }),
    ).rejects.toMatchObject({
      message: 'この日はすでに休みとして登録されています。',
    });
    const { overrides } = await getAvailability(handle.db);
    expect(overrides.filter((o) => o.date === '2027-05-10' || o.date === '2027-05-11')).toHaveLength(3);
  });

  it('the database itself refuses a duplicate, even from two saves at once', async () => {
    const extra = { kind: 'extra' as const, date: '2027-05-20', start: '19:00', end: '21:00', note: '' };
    const results = await Promise.allSettled([
      addOverride({ db: handle.db, now }, extra),
      addOverride({ db: handle.db, now }, extra),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'override_duplicate' });
    const { overrides } = await getAvailability(handle.db);
    expect(overrides.filter((o) => o.date === '2027-05-20')).toHaveLength(1);
  });
});
