import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  courseCohorts,
  courseEnrollments,
  courseLessonReminders,
  type CourseLesson,
  courseLessons,
  courses,
  mailOutbox,
  users,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { deliverQueued } from '@/features/mail/notice';
import { queueEnrollmentConfirmed } from './fulfilment';
import { toJstLocal } from '@/lib/time';
import { saveLesson } from './admin-service';
import { mailLessonChange } from './lesson-mails';
import { sendDueLessonReminders } from './lesson-reminders';
import { deliverDueNotices } from '@/features/mail/outbox';

const db = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
// Addresses whose mail "fails at the mail server", to see that a failure is contained.
const failing = vi.hoisted(() => new Set<string>());
vi.mock('@/db', () => ({ getDb: async () => db.handle.db }));
vi.mock('@/features/mail/service', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/features/mail/service')>();
  return {
    ...actual,
    sendMail: async (...args: Parameters<typeof actual.sendMail>) => {
      if (failing.has(args[1].to)) throw new Error('mail server unreachable');
      return actual.sendMail(...args);
    },
  };
});
// The action's own surroundings: a signed-in counselor, a request, Next's cache.
vi.mock('@/features/accounts/auth/guards', () => ({
  getCurrentUser: async () => ({ id: 'k1', role: 'counselor', email: 'k@example.jp', name: 'k', sessionId: 's' }),
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'localhost:3000' }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const HOUR = 60 * 60 * 1000;
const MIN = 60 * 1000;
const now = new Date('2026-12-01T00:00:00Z');
const at = (msFromNow: number, from = now) => new Date(from.getTime() + msFromNow);
let counter = 0;
let courseId: string;
const d = () => db.handle.db;

async function newClient(timeZone = 'Asia/Tokyo') {
  counter += 1;
  const [user] = await d()
    .insert(users)
    .values({
      email: `lesson${counter}@example.jp`,
      familyName: '佐藤',
      givenName: `${counter}`,
      emailVerified: new Date(),
      timeZone,
    })
    .returning();
  return user!;
}

/** A cohort with a lesson starting at each of `starts` (60 minutes, a meeting link each). */
async function newCohort(starts: Date[]) {
  counter += 1;
  const [cohort] = await d()
    .insert(courseCohorts)
    .values({
      courseId,
      name: `期${counter}`,
      capacity: 10,
      priceYen: 33_000,
      registrationDeadline: at(-30 * 24 * HOUR, starts[0]),
    })
    .returning();
  const lessons = await d()
    .insert(courseLessons)
    .values(
      starts.map((startsAt, i) => ({
        cohortId: cohort!.id,
        title: i === 0 ? '見捨てられ不安と向き合う' : `第${i + 1}回`,
        startsAt,
        endsAt: at(60 * MIN, startsAt),
        meetingUrl: `https://meet.example.jp/lesson-${counter}-${i}`,
        materialsReleaseAt: at(-24 * HOUR, startsAt),
      })),
    )
    .returning();
  return { cohort: cohort!, lessons: lessons.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) };
}

async function seat(cohortId: string, status: 'enrolled' | 'held' | 'cancelled' = 'enrolled', timeZone = 'Asia/Tokyo') {
  const client = await newClient(timeZone);
  await d()
    .insert(courseEnrollments)
    .values({
      cohortId,
      clientId: client.id,
      status,
      priceYen: 33_000,
      holdExpiresAt: status === 'held' ? at(30 * MIN, new Date()) : null,
    });
  return client;
}

/** The lesson form's values for a lesson, as the counselor would submit them. */
function lessonInput(
  lesson: CourseLesson,
  over: { startsAt?: Date; minutes?: number; meetingUrl?: string; title?: string; materials?: string } = {},
) {
  return {
    id: lesson.id,
    cohortId: lesson.cohortId,
    title: over.title ?? lesson.title,
    startsAt: toJstLocal(over.startsAt ?? lesson.startsAt),
    minutes: over.minutes ?? (lesson.endsAt.getTime() - lesson.startsAt.getTime()) / MIN,
    meetingUrl: over.meetingUrl ?? lesson.meetingUrl ?? '',
    materials: over.materials ?? lesson.materials,
    materialsReleaseAt: toJstLocal(lesson.materialsReleaseAt),
  };
}

const mailsTo = (email: string) =>
  d().select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(mailOutbox.createdAt);
const icsOf = (mail: { attachments: { contentBase64: string }[] }) =>
  Buffer.from(mail.attachments[0]!.contentBase64, 'base64').toString('utf8');
const sequenceOf = async (cohortId: string) =>
  (await d().select().from(courseCohorts).where(eq(courseCohorts.id, cohortId)))[0]!.calendarSequence;

beforeAll(async () => {
  db.handle = await createTestDatabase();
  const [course] = await d()
    .insert(courses)
    .values({ slug: 'lesson-mails', title: '心理学講座', applicationQuestion: '' })
    .returning();
  courseId = course!.id;
});
afterEach(() => failing.clear());
afterAll(() => db.handle?.close());

describe('the reminder before a lesson', () => {
  it('goes to each enrolled participant once per lesson, even with two workers at once, from 24 h ahead', async () => {
    // One lesson at exactly 24 h (due), one 1 minute later (not yet), one in 2 hours (due).
    const { cohort, lessons } = await newCohort([at(24 * HOUR), at(24 * HOUR + MIN), at(2 * HOUR)]);
    const tokyo = await seat(cohort.id);
    const abroad = await seat(cohort.id, 'enrolled', 'America/Los_Angeles');
    const held = await seat(cohort.id, 'held');
    const cancelled = await seat(cohort.id, 'cancelled');

    const runs = await Promise.all([sendDueLessonReminders(d(), now), sendDueLessonReminders(d(), now)]);
    expect(runs[0]! + runs[1]!).toBe(4);
    expect(await sendDueLessonReminders(d(), at(MIN / 2))).toBe(0);
    expect(await mailsTo(tokyo.email)).toHaveLength(2);
    expect(await mailsTo(abroad.email)).toHaveLength(2);
    expect(await mailsTo(held.email)).toHaveLength(0);
    expect(await mailsTo(cancelled.email)).toHaveLength(0);

    // A minute on, the third lesson is 24 h away: its reminder, once.
    await Promise.all([sendDueLessonReminders(d(), at(MIN)), sendDueLessonReminders(d(), at(MIN))]);
    expect(await mailsTo(tokyo.email)).toHaveLength(3);
    expect(await d().$count(courseLessonReminders, eq(courseLessonReminders.lessonId, lessons[2]!.id))).toBe(2);

    const first = (await mailsTo(abroad.email)).find((m) => m.text.includes('第1回'));
    expect(first!.subject).toBe('【こころの整理室】次回の講座のお知らせ');
    // The first lesson (2 h away) is 第1回: 2026-12-01T02:00Z is 18:00 on 11/30 in Los Angeles, 11:00 on 12/1 in Tokyo.
    expect(first!.text).toContain(
      '第1回は、米国太平洋時間 2026年11月30日(月) 18:00／日本時間 2026年12月1日(火) 11:00です。',
    );
    expect(first!.text).toContain(`/portal/courses/${cohort.id}`);
    // Neither the lesson's title nor its meeting link is in the mail.
    expect(first!.text).not.toContain('見捨てられ');
    expect(first!.text).not.toContain('meet.example.jp');
  });

  it('is not sent again for a lesson moved within 24 h: the change mail, which says how to join, stands for it', async () => {
    const { cohort, lessons } = await newCohort([at(3 * HOUR)]);
    const client = await seat(cohort.id);
    expect(await sendDueLessonReminders(d(), now)).toBe(1);
    const moved = await saveLesson({ db: d(), now }, lessonInput(lessons[0]!, { startsAt: at(5 * HOUR) }));
    expect(await mailLessonChange({ db: d(), now }, moved)).toEqual({ told: 1, untold: 0 });
    expect(await sendDueLessonReminders(d(), at(MIN))).toBe(0);
    // Moved back to the time already reminded: the change mail again, no second reminder.
    const back = await saveLesson(
      { db: d(), now: at(2 * MIN) },
      lessonInput((await d().select().from(courseLessons).where(eq(courseLessons.id, lessons[0]!.id)))[0]!, {
        startsAt: at(3 * HOUR),
      }),
    );
    expect(await mailLessonChange({ db: d(), now: at(2 * MIN) }, back)).toEqual({ told: 1, untold: 0 });
    expect(await sendDueLessonReminders(d(), at(3 * MIN))).toBe(0);
    const mails = await mailsTo(client.email);
    expect(mails.map((m) => m.subject)).toEqual([
      '【こころの整理室】次回の講座のお知らせ',
      '【こころの整理室】講座の日程変更のお知らせ',
      '【こころの整理室】講座の日程変更のお知らせ',
    ]);
    expect(mails[1]!.text).toContain('変更後：2026年12月1日(火) 14:00');
    expect(mails[1]!.text).toContain('開始時刻になりましたら、マイページからご参加ください。');
    expect(mails[2]!.text).toContain('変更後：2026年12月1日(火) 12:00');
  });

  it('comes at the new time for a lesson moved further out than 24 h, after the change mail', async () => {
    const { cohort, lessons } = await newCohort([at(3 * HOUR)]);
    const client = await seat(cohort.id);
    expect(await sendDueLessonReminders(d(), now)).toBe(1);
    const moved = await saveLesson({ db: d(), now }, lessonInput(lessons[0]!, { startsAt: at(48 * HOUR) }));
    expect(await mailLessonChange({ db: d(), now }, moved)).toEqual({ told: 1, untold: 0 });
    expect(await sendDueLessonReminders(d(), at(MIN))).toBe(0);
    expect(await sendDueLessonReminders(d(), at(24 * HOUR))).toBe(1);
    const mails = await mailsTo(client.email);
    expect(mails.map((m) => m.subject)).toEqual([
      '【こころの整理室】次回の講座のお知らせ',
      '【こころの整理室】講座の日程変更のお知らせ',
      '【こころの整理室】次回の講座のお知らせ',
    ]);
    expect(mails[1]!.text).not.toContain('開始時刻になりましたら');
    expect(mails[2]!.text).toContain('2026年12月3日(木) 09:00');
  });

  it('is never sent for a cancelled cohort', async () => {
    const { cohort } = await newCohort([at(3 * HOUR)]);
    const client = await seat(cohort.id);
    await d().update(courseCohorts).set({ status: 'cancelled' }).where(eq(courseCohorts.id, cohort.id));
    expect(await sendDueLessonReminders(d(), now)).toBe(0);
    expect(await mailsTo(client.email)).toHaveLength(0);
  });

  it('that could not be sent stays claimed and is sent once by the delivery job', async () => {
    const { cohort } = await newCohort([at(3 * HOUR)]);
    const client = await seat(cohort.id);
    failing.add(client.email);
    vi.spyOn(console, 'error').mockImplementationOnce(() => {});
    expect(await sendDueLessonReminders(d(), now)).toBe(1);
    expect(await mailsTo(client.email)).toHaveLength(0);
    failing.clear();
    expect(await sendDueLessonReminders(d(), at(5 * MIN))).toBe(0);
    expect((await deliverDueNotices(d(), { now: at(5 * MIN) })).sent).toBe(1);
    expect(await deliverDueNotices(d(), { now: at(HOUR) })).toEqual({ sent: 0, failed: 0 });
    expect(await mailsTo(client.email)).toHaveLength(1);
  });
});

describe('a changed lesson', () => {
  it('tells each enrolled participant once, old and new time in their zone, with the .ics updated in place', async () => {
    const { cohort, lessons } = await newCohort([at(7 * 24 * HOUR), at(14 * 24 * HOUR), at(21 * 24 * HOUR)]);
    const tokyo = await seat(cohort.id);
    const abroad = await seat(cohort.id, 'enrolled', 'America/Los_Angeles');
    const held = await seat(cohort.id, 'held');
    const cancelled = await seat(cohort.id, 'cancelled');
    const second = lessons[1]!;

    // 2026-12-15T00:00Z (09:00 JST) → 2026-12-15T01:00Z (10:00 JST), 90 minutes instead of 60.
    const saved = await saveLesson(
      { db: d(), now },
      lessonInput(second, { startsAt: at(HOUR, second.startsAt), minutes: 90 }),
    );
    expect(await mailLessonChange({ db: d(), now }, saved)).toEqual({ told: 2, untold: 0 });

    for (const client of [tokyo, abroad]) expect(await mailsTo(client.email)).toHaveLength(1);
    expect(await mailsTo(held.email)).toHaveLength(0);
    expect(await mailsTo(cancelled.email)).toHaveLength(0);
    const [mail] = await mailsTo(tokyo.email);
    expect(mail!.subject).toBe('【こころの整理室】講座の日程変更のお知らせ');
    expect(mail!.text).toContain('第2回の日時が変更になりました');
    expect(mail!.text).toContain('変更前：2026年12月15日(火) 09:00から60分\n変更後：2026年12月15日(火) 10:00から90分');
    const [abroadMail] = await mailsTo(abroad.email);
    expect(abroadMail!.text).toContain(
      '変更後：米国太平洋時間 2026年12月14日(月) 17:00／日本時間 2026年12月15日(火) 10:00から90分',
    );

    const ics = icsOf(mail!);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    for (const lesson of lessons) expect(ics).toContain(`UID:${lesson.id}@kokoro-seiri`);
    expect(ics.match(/SEQUENCE:1\r\n/g)).toHaveLength(3);
    expect(ics).toContain('DTSTART:20261215T010000Z');
    expect(ics).toContain('DTEND:20261215T023000Z');
    expect(`${mail!.subject}${mail!.text}${ics}`).not.toMatch(/見捨てられ|meet\.example\.jp/);

    // Each change raises the sequence again.
    const again = await saveLesson(
      { db: d(), now },
      lessonInput((await d().select().from(courseLessons).where(eq(courseLessons.id, second.id)))[0]!, { minutes: 60 }),
    );
    await mailLessonChange({ db: d(), now }, again);
    const latest = (await mailsTo(tokyo.email)).at(-1)!;
    expect(icsOf(latest)).toMatch(/SEQUENCE:2\r\n/);
    expect(await sequenceOf(cohort.id)).toBe(2);
  });

  it('a participant enrolled after a change gets the .ics at the current sequence, not an older one', async () => {
    const { cohort, lessons } = await newCohort([at(7 * 24 * HOUR)]);
    await saveLesson({ db: d(), now }, lessonInput(lessons[0]!, { minutes: 90 }));
    const client = await seat(cohort.id);
    const [enrollment] = await d().select().from(courseEnrollments).where(eq(courseEnrollments.clientId, client.id));
    await deliverQueued(d(), await queueEnrollmentConfirmed(d(), enrollment!.id));
    const [mail] = await mailsTo(client.email);
    expect(icsOf(mail!)).toMatch(/SEQUENCE:1\r\n/);
  });

  it('saved with no real change (the same values, or only the title and materials) tells nobody and keeps the calendar as it is', async () => {
    const { cohort, lessons } = await newCohort([at(7 * 24 * HOUR)]);
    const client = await seat(cohort.id);
    const same = await saveLesson({ db: d(), now }, lessonInput(lessons[0]!));
    expect(same.change).toBeNull();
    expect(await mailLessonChange({ db: d(), now }, same)).toEqual({ told: 0, untold: 0 });
    const retitled = await saveLesson(
      { db: d(), now },
      lessonInput(lessons[0]!, { title: '新しい題', materials: '## 資料' }),
    );
    expect(await mailLessonChange({ db: d(), now }, retitled)).toEqual({ told: 0, untold: 0 });
    expect(await mailsTo(client.email)).toHaveLength(0);
    expect(await sequenceOf(cohort.id)).toBe(0);
  });

  it('a new meeting link is announced without the link itself', async () => {
    const { cohort, lessons } = await newCohort([at(7 * 24 * HOUR)]);
    const client = await seat(cohort.id);
    await mailLessonChange(
      { db: d(), now },
      await saveLesson({ db: d(), now }, lessonInput(lessons[0]!, { meetingUrl: 'https://meet.example.jp/new-room' })),
    );
    const [mail, ...more] = await mailsTo(client.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('【こころの整理室】講座の参加URL変更のお知らせ');
    expect(mail!.text).toContain('新しい参加URLはマイページに表示されます。');
    expect(mail!.text).not.toContain('new-room');
  });

  it('a lesson added to a cohort with participants tells them, with its number', async () => {
    const { cohort, lessons } = await newCohort([at(7 * 24 * HOUR), at(21 * 24 * HOUR)]);
    const client = await seat(cohort.id);
    const saved = await saveLesson(
      { db: d(), now },
      {
        ...lessonInput(lessons[0]!, { startsAt: at(14 * 24 * HOUR), title: '追加回' }),
        id: undefined,
      },
    );
    expect(saved.change?.kind).toBe('added');
    expect(await mailLessonChange({ db: d(), now }, saved)).toEqual({ told: 1, untold: 0 });
    const [mail] = await mailsTo(client.email);
    expect(mail!.subject).toBe('【こころの整理室】講座の日程追加のお知らせ');
    expect(mail!.text).toContain('第2回の日程が加わりました');
    expect(icsOf(mail!).match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('tells nobody about a lesson that is already over, or in a cancelled cohort', async () => {
    const past = await newCohort([at(-48 * HOUR)]);
    const pastClient = await seat(past.cohort.id);
    expect(
      await mailLessonChange(
        { db: d(), now },
        await saveLesson({ db: d(), now }, lessonInput(past.lessons[0]!, { minutes: 90 })),
      ),
    ).toEqual({ told: 0, untold: 0 });
    const gone = await newCohort([at(7 * 24 * HOUR)]);
    const goneClient = await seat(gone.cohort.id);
    await d().update(courseCohorts).set({ status: 'cancelled' }).where(eq(courseCohorts.id, gone.cohort.id));
    expect(
      await mailLessonChange(
        { db: d(), now },
        await saveLesson({ db: d(), now }, lessonInput(gone.lessons[0]!, { minutes: 90 })),
      ),
    ).toEqual({ told: 0, untold: 0 });
    expect(await mailsTo(pastClient.email)).toHaveLength(0);
    expect(await mailsTo(goneClient.email)).toHaveLength(0);
  });
});

describe('saveLessonAction', () => {
  it('saves, then tells the participants; a mail that fails is logged and the save still succeeds', async () => {
    const { saveLessonAction } = await import('./admin-actions');
    const { cohort, lessons } = await newCohort([at(7 * 24 * HOUR, new Date(Math.ceil(Date.now() / MIN) * MIN))]);
    const reached = await seat(cohort.id);
    const unreachable = await seat(cohort.id);
    failing.add(unreachable.email);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await saveLessonAction(lessonInput(lessons[0]!, { startsAt: at(HOUR, lessons[0]!.startsAt) }));
    const [unreachableSeat] = await d()
      .select()
      .from(courseEnrollments)
      .where(eq(courseEnrollments.clientId, unreachable.id));
    expect(logged).toHaveBeenCalledWith(
      `[mail] notice not sent: lesson ${lessons[0]!.id} changed, seat ${unreachableSeat!.id} (attempt 1)`,
      expect.any(Error),
    );
    logged.mockRestore();
    expect(result).toMatchObject({
      ok: true,
      message:
        '講義を保存しました。受講者1名にお知らせしました。1名にはまだメールを送れていません。自動で送り直します（送れないままのときは管理画面の「今日」にお知らせします）。',
    });
    const [saved] = await d().select().from(courseLessons).where(eq(courseLessons.id, lessons[0]!.id));
    expect(saved!.startsAt).toEqual(at(HOUR, lessons[0]!.startsAt));
    expect((await mailsTo(reached.email)).map((m) => m.subject)).toEqual([
      '【こころの整理室】講座の日程変更のお知らせ',
    ]);

    // Saved again as it now is: nothing to tell.
    expect(await saveLessonAction(lessonInput(saved!))).toMatchObject({ ok: true, message: '講義を保存しました。' });
    expect(await mailsTo(reached.email)).toHaveLength(1);
  });
});
