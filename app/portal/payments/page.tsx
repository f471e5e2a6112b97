import type { Metadata } from 'next';
import Link from 'next/link';
import { read } from '@/lib/data';
import { listClientPayments } from '@/features/booking/payment-history';
import { methodLabel } from '@/features/payments/domain/methods';
import { paymentStatusLabel } from '@/features/payments/queries';
import { purchasesOfPayments } from '@/features/packages/queries';
import { requireUser } from '@/features/accounts/auth/guards';
import { formatYen } from '@/lib/format';
import { formatDateJa, practiceTimeZone } from '@/lib/time';

export const metadata: Metadata = { title: 'お支払い' };

export default async function PaymentsPage() {
  const user = await requireUser('/portal/payments');
  const rows = await read(listClientPayments, user.id);
  const shown = rows.filter((p) => p.status !== 'pending' || p.paidAt);
  const packages = await read(
    purchasesOfPayments,
    shown.filter((p) => p.purpose === 'package').map((p) => p.id),
  );
  return (
    <>
      <h1>お支払い</h1>
      {shown.length === 0 ? (
        <p>お支払いの履歴はありません。</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="お支払いの履歴" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">日付</th>
                <th scope="col">内容</th>
                <th scope="col">金額</th>
                <th scope="col">状態</th>
                <th scope="col">領収書</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <td>{formatDateJa(p.paidAt ?? p.createdAt, practiceTimeZone)}</td>
                  <td>
                    {p.purpose === 'package'
                      ? `回数券：${packages.get(p.id)?.name ?? ''}`
                      : (p.sessionTypeName ?? '心理学講座')}
                  </td>
                  <td>
                    {formatYen(p.amountYen)}
                    {p.method ? (
                      <>
                        <br />
                        <small className="nowrap">{methodLabel(p.method)}</small>
                      </>
                    ) : null}
                    {p.refundedYen > 0 ? (
                      <>
                        <br />
                        <small>返金 {formatYen(p.refundedYen)}</small>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {/* A konbini voucher that lapsed or was withdrawn: nothing failed, nothing was paid. */}
                    {!p.paidAt && p.paymentDueAt ? 'お支払いなし' : paymentStatusLabel[p.status]}
                  </td>
                  <td>{p.paidAt ? <Link href={`/portal/payments/${p.id}/receipt`}>領収書</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
