import type { Metadata } from 'next';
import Link from 'next/link';
import { read } from '@/lib/data';
import { type ArticleState, listArticlesForAdmin } from '@/features/library/admin-queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { siteConfig } from '@/lib/site-config';
import { formatDateTimeJa } from '@/lib/time';

export const metadata: Metadata = { title: '記事' };

const stateLabels: Record<ArticleState, string> = { draft: '下書き', scheduled: '公開予約', published: '公開中' };

export default async function AdminArticlesPage() {
  await requireCounselor('/admin/articles');
  const now = new Date();
  const items = await read(listArticlesForAdmin, now);
  return (
    <>
      <h1>記事</h1>
      <p>
        <Link className="button" href="/admin/articles/new">
          新しい記事を書く
        </Link>
      </p>
      <p>
        コラムの公開日は毎週{siteConfig.schedule.columns}
        です。予約した記事は、その日時まで公開ページ・一覧・検索・フィード・サイトマップのどこにも出ません。
      </p>
      {(['scheduled', 'draft', 'published'] as const).map((state) => {
        const group = items.filter((a) => a.state === state);
        return (
          <section key={state} aria-labelledby={`articles-${state}`}>
            <h2 id={`articles-${state}`}>
              {stateLabels[state]}（{group.length}件）
            </h2>
            {group.length === 0 ? (
              <p>ありません。</p>
            ) : (
              <ul className="state-list" aria-label={`${stateLabels[state]}の記事`}>
                {group.map((a) => (
                  <li key={a.id}>
                    <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                    <br />
                    <small>
                      {a.publishedAt && a.state !== 'draft'
                        ? `${a.state === 'scheduled' ? '公開予定' : '公開'}：${formatDateTimeJa(a.publishedAt, siteConfig.timeZone)}　`
                        : ''}
                      更新：{formatDateTimeJa(a.updatedAt, siteConfig.timeZone)}
                    </small>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
