import type { AwaitingVoucher } from '@/features/payments/queries';
import { formatDateTimeJa, practiceTimeZone } from '@/lib/time';

/**
 * A konbini voucher still to pay, as the counselor needs it on the phone: the deadline (Japan
 * time) and the confirmation number the client gives at the till.
 */
export function AwaitingVoucherLine({ voucher }: { voucher: AwaitingVoucher }) {
  return (
    <>
      <span className="nowrap">期限 {formatDateTimeJa(voucher.dueAt, practiceTimeZone)}</span>
      {voucher.voucherNumber ? <span className="nowrap">・確認番号 {voucher.voucherNumber}</span> : null}
    </>
  );
}

/** The same as facts of a description list (the booking page). */
export function AwaitingVoucherFacts({ voucher }: { voucher: AwaitingVoucher }) {
  return (
    <>
      <dt>お支払い期限（日本時間）</dt>
      <dd>{formatDateTimeJa(voucher.dueAt, practiceTimeZone)}</dd>
      <dt>確認番号</dt>
      <dd>{voucher.voucherNumber ?? '—'}</dd>
      {voucher.voucherUrl ? (
        <>
          <dt>払込票</dt>
          <dd>
            <a href={voucher.voucherUrl} target="_blank" rel="noopener noreferrer">
              払込票を見る<span className="sr-only">（新しいタブで開きます）</span>
            </a>
          </dd>
        </>
      ) : null}
    </>
  );
}
