import type { Metadata } from 'next';
import { ArticleCard } from '@/components/library/article-card';
import { ArticleSearchForm } from '@/components/library/article-search-form';
import { ThemeFilter } from '@/components/library/theme-filter';
import { read } from '@/lib/data';
import { listPublishedArticles, searchPublishedArticles } from '@/features/library/queries';
import { articleListQuerySchema } from '@/features/library/schemas';
import { findTheme } from '@/features/library/themes';
import { InvitationBlocks } from '@/components/layout/invitation-blocks';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { theme, q } = articleListQuerySchema.parse(await searchParams);
  const label = findTheme(theme)?.label;
  return {
    title: q ? `「${q}」の検索結果` : label ? `${label}の記事` : '記事一覧',
    description: '心理カウンセラーによる、恋愛・関係の悩みを整理するための記事の一覧です。',
    alternates: { canonical: '/articles' },
    robots: q ? { index: false } : undefined,
  };
}

export default async function ArticlesPage({ searchParams }: Props) {
  const { theme, q } = articleListQuerySchema.parse(await searchParams);
  const query = q?.trim() || undefined;
  const now = new Date();
  const items = query
    ? await read(searchPublishedArticles, { now, query, theme })
    : await read(listPublishedArticles, { now, theme });
  const themeLabel = findTheme(theme)?.label;

  return (
    <div className="container">
      <h1>{themeLabel ? `${themeLabel}の記事` : '記事一覧'}</h1>
      <ArticleSearchForm query={query} theme={theme} />
      <ThemeFilter current={theme} query={query} />
      <p className="result-status" role="status">
        {query ? `「${query}」の検索結果：${items.length}件` : `${items.length}件の記事`}
      </p>
      {items.length === 0 ? (
        <p>
          {query
            ? '該当する記事が見つかりませんでした。言葉を短くするか、別の言葉でお試しください。'
            : 'このテーマの記事はまだありません。'}
        </p>
      ) : (
        <div className="article-list">
          {items.map((a) => (
            <ArticleCard key={a.id} article={a} />
          ))}
        </div>
      )}
      <InvitationBlocks />
    </div>
  );
}
