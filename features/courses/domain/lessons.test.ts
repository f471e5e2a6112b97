import { describe, expect, it } from 'vitest';
import { reminderLeadHours } from '@/lib/site-config';
import {
  isWorthTelling,
  lessonChange,
  lessonLinkView,
  lessonNumber,
  lessonReminderWindow,
  type LessonSchedule,
} from './lessons';

const H = 3_600_000;
const M = 60_000;
const start = new Date('2026-12-05T10:00:00Z'); // 19:00 in Tokyo
const lesson = (over: Partial<LessonSchedule> = {}): LessonSchedule => ({
  startsAt: start,
  endsAt: new Date(start.getTime() + 60 * M),
  meetingUrl: 'https://meet.example.jp/a',
  ...over,
});

describe('lessonChange: what participants are told about', () => {
  it('a save with the same times and link (new Date objects, as read back) is no change', () => {
    expect(
      lessonChange(
        lesson(),
        lesson({ startsAt: new Date(start.getTime()), endsAt: new Date(start.getTime() + 60 * M) }),
      ),
    ).toBeNull();
  });

  it('an empty link and no link are the same', () => {
    expect(lessonChange(lesson({ meetingUrl: null }), lesson({ meetingUrl: '' }))).toBeNull();
  });

  it.each([
    [
      'a new start',
      { startsAt: new Date(start.getTime() + H), endsAt: new Date(start.getTime() + 2 * H) },
      true,
      false,
    ],
    ['a new length', { endsAt: new Date(start.getTime() + 90 * M) }, true, false],
    ['a new meeting link', { meetingUrl: 'https://meet.example.jp/b' }, false, true],
    ['a link removed', { meetingUrl: null }, false, true],
  ])('%s is a change', (_name, over, timeChanged, linkChanged) => {
    expect(lessonChange(lesson(), lesson(over))).toMatchObject({ kind: 'changed', timeChanged, linkChanged });
  });

  it('a lesson without a previous version was added', () => {
    expect(lessonChange(undefined, lesson())).toEqual({ kind: 'added', after: lesson() });
  });
});

describe('isWorthTelling: only lessons still ahead', () => {
  const moved = lessonChange(
    lesson(),
    lesson({ startsAt: new Date(start.getTime() + H), endsAt: new Date(start.getTime() + 2 * H) }),
  )!;

  it.each([
    ['a day before', new Date(start.getTime() - 24 * H), true],
    ['1 ms before the old start', new Date(start.getTime() - 1), true],
    // The old time has come, the new one has not: the participants still need to know.
    ['at the old start, before the new one', start, true],
    ['at the new start', new Date(start.getTime() + H), false],
  ])('a moved lesson, %s: %s', (_name, now, told) => {
    expect(isWorthTelling(moved, now)).toBe(told);
  });

  it('a lesson added in the past (record keeping) tells nobody; one added ahead does', () => {
    const added = lessonChange(undefined, lesson())!;
    expect(isWorthTelling(added, new Date(start.getTime() + 1))).toBe(false);
    expect(isWorthTelling(added, new Date(start.getTime() - 1))).toBe(true);
  });
});

describe('lessonReminderWindow', () => {
  const due = (startsAt: Date, now: Date) => {
    const { after, until } = lessonReminderWindow(now, reminderLeadHours.lesson);
    return startsAt > after && startsAt <= until;
  };

  it('is the day before the lesson, by default', () => {
    expect(reminderLeadHours.lesson).toBe(24);
  });

  it.each([
    ['25 h before', 25 * H, false],
    ['24 h and 1 ms before', 24 * H + 1, false],
    ['exactly 24 h before', 24 * H, true],
    ['1 h before', H, true],
    ['1 ms before', 1, true],
    ['at the start', 0, false],
  ])('a lesson %s is due: %s', (_name, before, expected) => {
    expect(due(start, new Date(start.getTime() - before))).toBe(expected);
  });

  it('refuses a lead that is not a positive number of hours', () => {
    expect(() => lessonReminderWindow(start, 0)).toThrow(RangeError);
    expect(() => lessonReminderWindow(start, Number.NaN)).toThrow(RangeError);
  });
});

describe('lessonNumber', () => {
  it('counts in the order given, from 1; 0 for a lesson not there', () => {
    const lessons = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(lessonNumber(lessons, 'c')).toBe(3);
    expect(lessonNumber(lessons, 'x')).toBe(0);
  });
});

describe('lessonLinkView: a lesson’s meeting link appears as a session’s does', () => {
  // The lesson starts 2026-12-05 10:00Z (19:00 in Tokyo) and ends at 11:00Z.
  it('three weeks ahead the link is hidden, and the page can say when it appears', () => {
    expect(lessonLinkView(lesson(), 24, new Date(start.getTime() - 21 * 24 * H))).toEqual({
      kind: 'later',
      visibleFrom: new Date('2026-12-04T10:00:00Z'),
      leadHours: 24,
    });
  });

  it('hidden until exactly the lead time before the start, shown from then until the end', () => {
    expect(lessonLinkView(lesson(), 24, new Date('2026-12-04T09:59:59Z')).kind).toBe('later');
    expect(lessonLinkView(lesson(), 24, new Date('2026-12-04T10:00:00Z'))).toEqual({
      kind: 'link',
      url: 'https://meet.example.jp/a',
    });
    expect(lessonLinkView(lesson(), 24, new Date('2026-12-05T10:59:59Z')).kind).toBe('link');
    expect(lessonLinkView(lesson(), 24, new Date('2026-12-05T11:00:00Z'))).toEqual({ kind: 'ended' });
  });

  it('follows the practice’s lead time, not a fixed day', () => {
    expect(lessonLinkView(lesson(), 2, new Date('2026-12-05T07:59:59Z')).kind).toBe('later');
    expect(lessonLinkView(lesson(), 2, new Date('2026-12-05T08:00:00Z')).kind).toBe('link');
  });

  it('in the window without a link yet, says it is being prepared', () => {
    expect(lessonLinkView(lesson({ meetingUrl: null }), 24, new Date('2026-12-05T09:00:00Z'))).toEqual({
      kind: 'pending',
      leadHours: 24,
    });
  });
});
