import { describe, expect, it } from 'vitest';
import { themes } from '@/features/library/themes';
import { type CounselorNotice, counselorNoticeMail, dailyAgendaMail } from './mails';
import { notificationKindsInOrder } from './domain/kinds';

const url = 'http://localhost:3000/admin/bookings/1f0c6c1e-0000-4000-8000-000000000001';

/** One example of every kind, filled as the triggers fill them. */
const examples: CounselorNotice[] = [
  {
    kind: 'booking_paid',
    when: '2026年12月4日(金) 10:00',
    sessionName: 'オンラインセッション（60分）',
    priceYen: 11000,
    url,
  },
  {
    kind: 'booking_cancelled',
    when: '2026年12月4日(金) 10:00',
    sessionName: 'オンラインセッション（60分）',
    feeYen: 5500,
    refundYen: 5500,
    url,
  },
  {
    kind: 'booking_rescheduled',
    from: '2026年12月4日(金) 10:00',
    to: '2026年12月8日(火) 14:00',
    sessionName: 'オンラインセッション（60分）',
    url,
  },
  { kind: 'course_enrolled', cohortName: '2027年1月期', priceYen: 33000, url },
  { kind: 'course_seat_cancelled', cohortName: '2027年1月期', refundYen: 33000, url },
  { kind: 'waitlist_accepted', cohortName: '2027年1月期', priceYen: 33000, url },
  { kind: 'intake_flagged', when: '2026年12月4日(金) 10:00', url },
  { kind: 'refund_failing', amountYen: 5500, since: '2026年12月3日(木) 9:00', url },
  { kind: 'payment_for_lost_slot', what: '2026年12月4日(金) 10:00（日本時間）の枠', amountYen: 11000, url },
  { kind: 'package_purchased', packageName: '3回券', sessionCount: 3, priceYen: 30000, url },
];

describe('mails to the counselor', () => {
  it('there is an example here for every kind', () => {
    expect(examples.map((e) => e.kind).sort()).toEqual([...notificationKindsInOrder].sort());
  });

  it.each(examples)('$kind: links to the admin page and names no theme, answer or client', (notice) => {
    const mail = counselorNoticeMail(notice);
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(url);
    for (const part of [mail.subject, mail.text, mail.html]) {
      for (const theme of themes) {
        expect(part).not.toContain(theme.label);
        expect(part).not.toContain(theme.id);
      }
      // No answer and no word about what the session is about.
      expect(part).not.toMatch(/テーマ：|相談内容|回答：|自傷|死にたい/);
    }
  });

  it('a client cancellation says the fee kept and the refund', () => {
    const mail = counselorNoticeMail(examples[1]!);
    expect(mail.subject).toBe('【こころの整理室】ご予約のキャンセル');
    expect(mail.text).toContain('キャンセル料：5,500円（税込）');
    expect(mail.text).toContain('返金：5,500円（税込）');
  });

  it('a session booked with a credit says so instead of an amount paid', () => {
    const mail = counselorNoticeMail({
      ...(examples[0] as Extract<CounselorNotice, { kind: 'booking_paid' }>),
      credit: { name: '3回券', remaining: 2 },
    });
    expect(mail.text).toContain('回数券でのご予約です');
    expect(mail.text).toContain('お支払い：回数券・3回券を1回分使用、残り2回');
    expect(mail.text).not.toContain('11,000円');
  });

  it('the cancellation of a credit booking says what became of the credit, not yen', () => {
    const cancelled = examples[1] as Extract<CounselorNotice, { kind: 'booking_cancelled' }>;
    const returned = counselorNoticeMail({ ...cancelled, credit: 'returned' });
    expect(returned.text).toContain('回数券：1回分をお戻ししました');
    expect(returned.text).not.toContain('返金：');
    expect(counselorNoticeMail({ ...cancelled, credit: 'used' }).text).toContain(
      '回数券：キャンセル料の期間のため1回分を使用済み',
    );
  });

  it('a reschedule gives the old and the new time', () => {
    const mail = counselorNoticeMail(examples[2]!);
    expect(mail.text).toContain('変更前：2026年12月4日(金) 10:00');
    expect(mail.text).toContain('変更後：2026年12月8日(火) 14:00');
  });

  it('the daily agenda lists times and kinds only', () => {
    const mail = dailyAgendaMail({
      date: '2026年12月4日(金)',
      lines: [
        { time: '10:00〜11:00', label: 'セッション（オンラインセッション（60分））' },
        { time: '20:00〜21:30', label: '講座（2027年1月期）' },
      ],
      url: 'http://localhost:3000/admin',
    });
    expect(mail.subject).toBe('【こころの整理室】2026年12月4日(金)の予定');
    expect(mail.text).toContain('予定は2件です');
    expect(mail.text).toContain('10:00〜11:00　セッション（オンラインセッション（60分））');
    expect(mail.text).toContain('http://localhost:3000/admin');
    const empty = dailyAgendaMail({ date: '2026年12月5日(土)', lines: [], url: 'http://localhost:3000/admin' });
    expect(empty.text).toContain('セッションも講座もありません');
  });
});
