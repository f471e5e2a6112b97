import type { Metadata } from 'next';
import Link from 'next/link';
import { read } from '@/lib/data';
import { listClients } from '@/features/accounts/queries';
import { formatPhone } from '@/features/accounts/schemas';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { queryTextSchema } from '@/lib/request-input';
import { siteConfig } from '@/lib/site-config';
import { formatDateJa } from '@/lib/time';

export const metadata: Metadata = { title: 'クライアント' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClientsPage({ searchParams }: Props) {
  await requireCounselor('/admin/clients');
  const q = queryTextSchema(100).parse((await searchParams).q);
  const clients = await read(listClients, { query: q });
  return (
    <>
      <h1>クライアント</h1>
      <form role="search" action="/admin/clients" className="search-form">
        <label htmlFor="client-search">名前・フリガナ・メールアドレスで検索</label>
        <div className="search-form__row">
          <input id="client-search" name="q" type="search" defaultValue={q} />
          <button className="button" type="submit">
            検索
          </button>
        </div>
      </form>
      <p role="status">{clients.length}件</p>
      {clients.length === 0 ? (
        <p>{q ? '該当するクライアントはいません。' : 'まだクライアントの登録はありません。'}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="クライアント一覧" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">お名前</th>
                <th scope="col">メールアドレス</th>
                <th scope="col">電話番号</th>
                <th scope="col">登録日</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/admin/clients/${c.id}`}>
                      {c.familyName} {c.givenName}
                    </Link>
                    <br />
                    <small>
                      {c.familyNameKana} {c.givenNameKana}
                    </small>
                  </td>
                  <td>
                    {c.email}
                    {c.emailVerified ? null : <small>（未確認）</small>}
                  </td>
                  <td>{c.phone ? formatPhone(c.phone) : '—'}</td>
                  <td>{formatDateJa(c.createdAt, siteConfig.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
