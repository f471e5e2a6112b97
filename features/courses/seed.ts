import 'server-only';
import type { Db } from '@/db/client';
import { courseCohorts, courseLessons, courses } from '@/db/schema';
import { addDays, DAY_MS, japanDate, japanInstant, weekdayOf } from '@/lib/time';

export const seedCourse = {
  slug: 'shinrigaku-koza',
  title: '心理学講座（オンライン・全6回）',
  summary: '「わかっているのに動けない」を、心理学の視点から整理する少人数のオンライン講座です。',
  description: [
    '「わかっているのに動けない」状態は、多くの場合、努力不足ではないんです。',
    'この講座では、問題解決のための行動を増やす前に、「今、自分がどの位置で考え続けているのか」を整理していきます。毎回60分のライブ講義と質疑応答を、ビデオ通話で行います。',
    '各回の資料は講義の前日からマイページで読めます。録画の配信はありません。',
  ].join('\n\n'),
  applicationQuestion: 'この講座で整理したいこと、期待していることを短くお書きください（任意）。',
};

const lessonTitles = [
  '立ち位置を知る',
  '関係のなかの不安',
  '信頼と防衛',
  '感情に名前をつける',
  '依存と愛情',
  'これからの関係へ',
];

/** Six weekly lessons at 19:00 JST, the first on the Saturday `weeksAhead` weeks from `now`. */
function lessonsFrom(now: Date, weeksAhead: number) {
  const today = japanDate(now);
  const saturday = addDays(today, ((6 - weekdayOf(today) + 7) % 7) + weeksAhead * 7);
  return lessonTitles.map((title, i) => {
    const startsAt = japanInstant(addDays(saturday, i * 7), 19 * 60);
    return {
      title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * 60_000),
      materialsReleaseAt: new Date(startsAt.getTime() - DAY_MS),
    };
  });
}

/** One course with two cohorts; idempotent (an existing course is left as the counselor edited it). */
export async function seedCourses(db: Db, now = new Date()): Promise<void> {
  const [course] = await db
    .insert(courses)
    .values(seedCourse)
    .onConflictDoNothing({ target: courses.slug })
    .returning();
  if (!course) return;
  for (const [name, weeksAhead] of [
    ['第1期', 5],
    ['第2期', 13],
  ] as const) {
    const lessons = lessonsFrom(now, weeksAhead);
    const [cohort] = await db
      .insert(courseCohorts)
      .values({
        courseId: course.id,
        name,
        capacity: 12,
        priceYen: 33_000,
        registrationDeadline: new Date(lessons[0]!.startsAt.getTime() - 3 * DAY_MS),
      })
      .returning();
    await db.insert(courseLessons).values(
      lessons.map((l, i) => ({
        ...l,
        cohortId: cohort!.id,
        materials: `## 第${i + 1}回 ${l.title}\n\n講義の前に、次の問いについて少し考えておいてください。\n\n- 最近、同じところを回っていると感じたのはどんなときですか`,
      })),
    );
  }
}
