import type { Metadata } from 'next';
import Link from 'next/link';
import { read } from '@/lib/data';
import { auditActionLabel, listAuditEntries } from '@/features/intake/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { siteConfig } from '@/lib/site-config';
import { formatDateTimeJa } from '@/lib/time';

export const metadata: Metadata = { title: '閲覧記録' };

export default async function AuditPage() {
  await requireCounselor('/admin/audit');
  const entries = await read(listAuditEntries);
  return (
    <>
      <h1>閲覧記録</h1>
      <p>
        クライアントの事前アンケートとセッションメモ（要配慮個人情報）を開いた・保存した記録です。新しい順に200件まで表示します。
      </p>
      {entries.length === 0 ? (
        <p>まだ記録はありません。</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="閲覧記録の一覧" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">日時（日本時間）</th>
                <th scope="col">操作した人</th>
                <th scope="col">内容</th>
                <th scope="col">クライアント</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTimeJa(e.at, siteConfig.timeZone)}</td>
                  <td>{e.actorName || e.actorEmail || '（削除されたアカウント）'}</td>
                  <td>
                    {e.bookingId ? (
                      <Link href={`/admin/bookings/${e.bookingId}`}>{auditActionLabel[e.action] ?? e.action}</Link>
                    ) : (
                      (auditActionLabel[e.action] ?? e.action)
                    )}
                  </td>
                  <td>
                    {e.clientId ? (
                      <Link href={`/admin/clients/${e.clientId}`}>
                        {e.clientFamilyName} {e.clientGivenName}
                      </Link>
                    ) : (
                      '（退会済み）'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
