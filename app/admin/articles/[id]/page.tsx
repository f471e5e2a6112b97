import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/publishing/article-editor';
import { RevisionList } from '@/components/publishing/revision-list';
import { Notice } from '@/components/ui/form-status';
import { read } from '@/lib/data';
import {
  articleState,
  getArticleForAdmin,
  listArticleRevisions,
  listScheduledArticleTimes,
} from '@/features/library/admin-queries';
import type { ThemeId } from '@/features/library/themes';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { columnRhythm, nextPublicationTime } from '@/lib/publication-days';
import { siteConfig } from '@/lib/site-config';
import { isUuid } from '@/lib/ids';
import { formatDateTimeJa, toJstLocal } from '@/lib/time';

export const metadata: Metadata = { title: '記事の編集' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireCounselor(`/admin/articles/${id}`);
  const article = isUuid(id) ? await read(getArticleForAdmin, id) : undefined;
  if (!article) notFound();
  const now = new Date();
  const state = articleState(article, now);
  const [revisions, taken] = await Promise.all([
    read(listArticleRevisions, article.id),
    read(listScheduledArticleTimes, now),
  ]);
  const suggested = nextPublicationTime(now, columnRhythm, taken);
  const stateText = {
    draft: '下書き',
    scheduled: `公開予約：${article.publishedAt ? formatDateTimeJa(article.publishedAt, siteConfig.timeZone) : ''}`,
    published: '公開中',
  }[state];
  return (
    <>
      <p>
        <Link href="/admin/articles">記事の一覧へ</Link>
      </p>
      <h1>記事の編集</h1>
      {(await searchParams).saved ? <Notice>保存しました。</Notice> : null}
      <p>
        いまの状態：{stateText}
        {state === 'published' ? (
          <>
            　<Link href={`/articles/${article.slug}`}>公開ページを見る</Link>
          </>
        ) : null}
      </p>
      <ArticleEditor
        version={article.updatedAt.toISOString()}
        published={article.status === 'published'}
        suggestedTime={toJstLocal(state === 'scheduled' && article.publishedAt ? article.publishedAt : suggested)}
        initial={{
          id: article.id,
          title: article.title,
          slug: article.slug,
          summary: article.summary,
          themes: article.themes as ThemeId[],
          bodyMarkdown: article.bodyMarkdown,
          publication: article.status === 'published' ? 'keep' : 'draft',
          scheduledAt: '',
        }}
      />
      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">保存した版</h2>
        <RevisionList
          articleId={article.id}
          revisions={revisions.map((r) => ({
            id: r.id,
            title: r.title,
            when: formatDateTimeJa(r.createdAt, siteConfig.timeZone),
          }))}
        />
      </section>
    </>
  );
}
