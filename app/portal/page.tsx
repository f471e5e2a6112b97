import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getAccountProfile } from '@/features/accounts/queries';
import { bookingMessages } from '@/features/booking/domain/messages';
import { meetingLinkView } from '@/lib/meeting-link';
import { getBookingSettings, listClientBookingHistory } from '@/features/booking/queries';
import { intakeStatusByBooking } from '@/features/intake/queries';
import { listClientCourses } from '@/features/courses/queries';
import { listClientPackages } from '@/features/packages/queries';
import { purchaseStateLabel, usableUntil } from '@/components/packages/purchase-details';
import { requireUser } from '@/features/accounts/auth/guards';
import { awaitingVouchersOf } from '@/features/payments/queries';
import { read } from '@/lib/data';
import { practiceTimeZone, whenFor } from '@/lib/time';

export default async function PortalPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser('/portal');
  // The counselor has no bookings of her own: her home is the admin.
  if (user.role === 'counselor') redirect('/admin');
  const now = new Date();
  const [{ held, awaiting, upcoming, history }, profile, courses, settings, packages] = await Promise.all([
    read(listClientBookingHistory, user.id, now),
    read(getAccountProfile, user.id),
    read(listClientCourses, user.id, now),
    read(getBookingSettings),
    read(listClientPackages, user.id, now),
  ]);
  const zone = profile?.timeZone ?? practiceTimeZone;
  const [intakes, vouchers] = await Promise.all([
    read(
      intakeStatusByBooking,
      upcoming.map((b) => b.id),
    ),
    read(
      awaitingVouchersOf,
      'booking',
      awaiting.map((b) => b.id),
    ),
  ]);
  return (
    <>
      <h1>マイページ</h1>
      {(await searchParams).notice === 'verified' ? (
        <p role="status" className="form-status form-status--ok">
          メールアドレスを確認しました。
        </p>
      ) : null}
      {(await searchParams).notice === 'course-cancelled' ? (
        <p role="status" className="form-status form-status--ok">
          講座のキャンセルを承りました。確認のメールをお送りしました。
        </p>
      ) : null}
      <section aria-labelledby="upcoming-heading" className="panel">
        <h2 id="upcoming-heading">今後のセッション</h2>
        {held.map((b) => (
          <p key={b.id} className="notice">
            お支払い前のご予約：{whenFor(b.startsAt, zone)}・{b.sessionTypeName}　
            <Link href={`/book/checkout/${b.id}`}>お支払いへ進む</Link>
          </p>
        ))}
        {awaiting.map((b) => {
          const voucher = vouchers.get(b.id);
          return (
            <p key={b.id} className="notice">
              <strong>{bookingMessages.status.awaiting_payment}</strong>：
              <Link href={`/portal/bookings/${b.id}`}>
                {whenFor(b.startsAt, zone)}・{b.sessionTypeName}
              </Link>
              {voucher ? (
                <>
                  <br />
                  お支払い期限 {whenFor(voucher.dueAt, zone)}　
                  {voucher.voucherUrl ? (
                    <a href={voucher.voucherUrl} target="_blank" rel="noopener noreferrer" className="nowrap">
                      払込票を見る<span className="sr-only">（新しいタブで開きます）</span>
                    </a>
                  ) : null}
                </>
              ) : null}
            </p>
          );
        })}
        {upcoming.length === 0 ? (
          // Under a booking still to be paid, "none" would read as a contradiction: say what is missing.
          <p>
            {held.length + awaiting.length > 0
              ? '確定済みのセッションは、まだありません。'
              : '予約中のセッションはありません。'}
          </p>
        ) : (
          <ul className="booking-list">
            {upcoming.map((b) => {
              const link = b.mode === 'online' ? meetingLinkView(b, settings.meetingLinkLeadHours, now) : undefined;
              return (
                <li key={b.id}>
                  <Link href={`/portal/bookings/${b.id}`}>
                    {whenFor(b.startsAt, zone)}　{b.sessionTypeName}
                  </Link>
                  {b.paidWith === 'credit' ? <span className="nowrap">・{bookingMessages.credit.paidWith}</span> : null}
                  {link?.kind === 'link' ? (
                    <>
                      　
                      <a href={link.url} target="_blank" rel="noopener noreferrer" className="nowrap">
                        ビデオ通話に参加する<span className="sr-only">（新しいタブで開きます）</span>
                      </a>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <Link href="/sessions">セッションを予約する</Link>
        </p>
      </section>
      <section aria-labelledby="intake-heading" className="panel">
        <h2 id="intake-heading">事前アンケート</h2>
        {upcoming.length === 0 ? (
          <p>ご回答をお願いしているアンケートはありません。</p>
        ) : (
          <ul className="booking-list">
            {upcoming.map((b) => {
              const status = intakes.get(b.id);
              return (
                <li key={b.id}>
                  {whenFor(b.startsAt, zone)}のセッション：
                  {status === 'submitted' ? '回答済み' : status === 'draft' ? '回答の途中です' : '未回答'}　
                  <Link href={`/portal/intake/${b.id}`}>
                    {status === 'submitted' ? '回答を見る' : status === 'draft' ? '続きを回答する' : '回答する'}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {history.length > 0 ? (
        <section aria-labelledby="history-heading" className="panel">
          <h2 id="history-heading">過去・キャンセル済みのセッション</h2>
          <ul className="booking-list">
            {history.map((b) => (
              <li key={b.id}>
                <Link href={`/portal/bookings/${b.id}`}>
                  {whenFor(b.startsAt, zone)}　{b.sessionTypeName}
                </Link>
                <span className="nowrap">・{historyLabel(b, now)}</span>
                {b.paidWith === 'credit' ? <span className="nowrap">・{bookingMessages.credit.paidWith}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="courses-heading" className="panel">
        <h2 id="courses-heading">受講中の講座</h2>
        {courses.seats.length === 0 && courses.waiting.length === 0 ? <p>お申し込み中の講座はありません。</p> : null}
        <ul className="booking-list">
          {courses.seats.map(({ enrollment, courseTitle, cohortName }) => (
            <li key={enrollment.id}>
              {enrollment.status === 'enrolled' ? (
                <Link href={`/portal/courses/${enrollment.cohortId}`}>
                  {courseTitle}・{cohortName}
                </Link>
              ) : enrollment.status === 'awaiting_payment' ? (
                <>
                  <strong>お支払い待ち（コンビニ）</strong>：{courseTitle}・{cohortName}　
                  <Link href={`/courses/apply/${enrollment.id}`}>お支払いについて見る</Link>
                </>
              ) : (
                <>
                  お席を確保中：{courseTitle}・{cohortName}　
                  <Link href={`/courses/apply/${enrollment.id}`}>お申し込みを続ける</Link>
                </>
              )}
            </li>
          ))}
          {courses.waiting.map(({ entry, courseTitle, cohortName, slug }) => (
            <li key={entry.id}>
              キャンセル待ち：
              <Link href={`/courses/${slug}`}>
                {courseTitle}・{cohortName}
              </Link>
            </li>
          ))}
        </ul>
        <p>
          <Link href="/courses">心理学講座について見る</Link>
        </p>
      </section>
      <section aria-labelledby="packages-heading" className="panel">
        <h2 id="packages-heading">回数券</h2>
        {packages.length === 0 ? (
          <p>お持ちの回数券はありません。</p>
        ) : (
          <ul className="booking-list">
            {packages.map((p) => (
              <li key={p.id}>
                {p.name}：
                {purchaseStateLabel(p) === '利用中' ? (
                  <>
                    <strong>残り{p.balance.remaining}回</strong>
                    <span className="nowrap">・{usableUntil(p)}</span>
                  </>
                ) : (
                  purchaseStateLabel(p)
                )}
              </li>
            ))}
          </ul>
        )}
        <p>
          {packages.length > 0 ? (
            <>
              <Link href="/portal/packages">回数券の履歴を見る</Link>　
            </>
          ) : null}
          <Link href="/packages">回数券を購入する</Link>
        </p>
      </section>
      <section aria-labelledby="payments-heading" className="panel">
        <h2 id="payments-heading">お支払い</h2>
        <p>
          <Link href="/portal/payments">お支払いの履歴と領収書</Link>
        </p>
      </section>
    </>
  );
}

/** A past confirmed session that no one has marked yet reads as over, not as still booked. */
function historyLabel(b: { status: keyof typeof bookingMessages.status; endsAt: Date }, now: Date): string {
  return b.status === 'confirmed' && b.endsAt <= now ? '終了' : bookingMessages.status[b.status];
}
