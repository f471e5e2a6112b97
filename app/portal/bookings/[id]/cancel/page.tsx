import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { SubmitButton } from '@/components/booking/submit-button';
import { KeepWhole } from '@/components/ui/keep-whole';
import { getAccountProfile } from '@/features/accounts/queries';
import { cancelBookingAction } from '@/features/booking/actions';
import { sessionCancellationTerms } from '@/features/booking/domain/cancellation';
import { bookingMessages } from '@/features/booking/domain/messages';
import { listClientPayments } from '@/features/booking/payment-history';
import { creditOnCancellation } from '@/features/packages/domain/rules';
import { getBooking } from '@/features/booking/queries';
import { requireUser } from '@/features/accounts/auth/guards';
import { read } from '@/lib/data';
import { errorCodes } from '@/lib/errors';
import { formatYen } from '@/lib/format';
import { cancellationPolicy } from '@/lib/site-config';
import { practiceTimeZone, whenFor } from '@/lib/time';

export const metadata: Metadata = { title: 'キャンセルの確認' };

const words = bookingMessages.credit;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string }> };

/**
 * The second step of a cancellation: what the client keeps and gets back, in yen, before anything
 * is cancelled. A plain form, so it works without JavaScript; the fee shown travels with it and
 * the cancellation is refused if the fee has changed meanwhile.
 */
export default async function CancelBookingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { error } = await searchParams;
  const bookingPage = `/portal/bookings/${id}`;
  const user = await requireUser(`${bookingPage}/cancel`);
  const booking = await read(getBooking, id);
  // Only the client cancels here (the counselor has her own, refunding in full).
  if (!booking || booking.clientId !== user.id) notFound();
  if (booking.status !== 'confirmed') redirect(bookingPage);
  const [profile, payments] = await Promise.all([read(getAccountProfile, user.id), read(listClientPayments, user.id)]);
  const paidAtKonbini = payments.some((p) => p.bookingId === booking.id && p.paidAt && p.paymentDueAt);
  const terms = sessionCancellationTerms({
    policy: booking.policy ?? cancellationPolicy.session,
    startsAt: booking.startsAt,
    now: new Date(),
    priceYen: booking.priceYen,
    cancelledBy: 'client',
  });
  const credit =
    booking.paidWith === 'credit'
      ? creditOnCancellation({
          policy: booking.policy ?? cancellationPolicy.session,
          startsAt: booking.startsAt,
          now: new Date(),
          cancelledBy: 'client',
        })
      : undefined;
  const errorMessage = error && error in errorCodes ? errorCodes[error as keyof typeof errorCodes].message : undefined;
  return (
    <>
      <h1>ご予約をキャンセルしますか</h1>
      {error ? (
        <p role="alert" className="form-status form-status--error">
          {errorMessage ?? errorCodes.invalid_input.message}
        </p>
      ) : null}
      <dl className="facts">
        <dt>日時</dt>
        <dd>{whenFor(booking.startsAt, profile?.timeZone ?? practiceTimeZone)}</dd>
        <dt>セッション</dt>
        <dd>{booking.sessionTypeName}</dd>
        {credit ? (
          <>
            <dt>お支払い</dt>
            <dd>{words.paidWith}</dd>
            <dt>回数券</dt>
            <dd>
              <strong>{credit === 'returned' ? words.oneBack : words.oneUsed}</strong>
            </dd>
          </>
        ) : (
          <>
            <dt>お支払い額</dt>
            <dd>
              <KeepWhole text={formatYen(booking.priceYen)} />
            </dd>
            <dt>キャンセル料</dt>
            <dd>
              {terms.feeYen === 0 ? '無料' : <KeepWhole text={`${terms.feePercent}%・${formatYen(terms.feeYen)}`} />}
            </dd>
            <dt>返金額</dt>
            <dd>{terms.refundYen === 0 ? '返金はありません' : <KeepWhole text={formatYen(terms.refundYen)} />}</dd>
          </>
        )}
      </dl>
      {terms.started ? (
        <p>開始時刻を過ぎているため、このご予約はキャンセルできません。</p>
      ) : (
        <>
          {credit ? (
            <p>{credit === 'returned' ? words.previewReturned : words.previewUsed}</p>
          ) : (
            <p>
              <KeepWhole
                text={
                  terms.feeYen === 0
                    ? `いまキャンセルすると、お支払いの全額${formatYen(terms.refundYen)}を返金します。`
                    : terms.refundYen === 0
                      ? `いまキャンセルすると、キャンセル料として${formatYen(terms.feeYen)}をいただき、返金はありません。`
                      : `いまキャンセルすると、キャンセル料${formatYen(terms.feeYen)}を差し引いた${formatYen(terms.refundYen)}を返金します。`
                }
              />
              {terms.refundYen > 0
                ? paidAtKonbini
                  ? bookingMessages.konbiniRefund
                  : 'ご利用のカードへの返金で、反映まで数日かかる場合があります。'
                : ''}
            </p>
          )}
          {terms.freeReschedule ? (
            <p>
              日時の変更でしたら無料です。<Link href={`${bookingPage}/reschedule`}>日時を変更する</Link>
            </p>
          ) : null}
          <form action={cancelBookingAction} aria-labelledby="confirm-cancel">
            <input type="hidden" name="bookingId" value={booking.id} />
            <input type="hidden" name="expectedFeeYen" value={terms.feeYen} />
            <p id="confirm-cancel">まだキャンセルされていません。よろしければ、下のボタンで確定してください。</p>
            <ul className="actions-row">
              <li>
                <SubmitButton className="button button--danger">キャンセルを確定する</SubmitButton>
              </li>
              <li>
                <Link className="button button--secondary" href={bookingPage}>
                  キャンセルせずに戻る
                </Link>
              </li>
            </ul>
          </form>
        </>
      )}
      <p>
        キャンセル料の決まりは<Link href="/legal/cancellation">キャンセルポリシー</Link>をご覧ください。
      </p>
    </>
  );
}
