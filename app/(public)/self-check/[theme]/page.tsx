import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/library/article-card';
import { SelfCheckForm } from '@/components/intake/self-check-form';
import { read } from '@/lib/data';
import { listPublishedArticles } from '@/features/library/queries';
import { findTheme, themes } from '@/features/library/themes';

type Props = { params: Promise<{ theme: string }> };

// Rendered on first visit, then served from the cache (the build never opens the database).
export function generateStaticParams() {
  return [];
}
export const dynamicParams = true;
export const revalidate = 3600;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const theme = findTheme((await params).theme);
  if (!theme) return { title: 'セルフチェック' };
  return {
    title: `セルフチェック：${theme.label}`,
    description: `「${theme.label}」について、いまの気持ちを整理するための匿名のセルフチェックです。回答はどこにも送信・保存されません。`,
    alternates: { canonical: `/self-check/${theme.id}` },
  };
}

export default async function SelfCheckPage({ params }: Props) {
  const theme = findTheme((await params).theme);
  if (!theme || !themes.includes(theme)) notFound();
  const related = await read(listPublishedArticles, { now: new Date(), theme: theme.id, limit: 3 });
  return (
    <div className="container container--narrow">
      <h1>セルフチェック：{theme.label}</h1>
      <p>いくつかの質問に答えると、いまの気持ちを整理する手がかりが表示されます。</p>
      <p className="notice">
        お名前やメールアドレスは不要です。回答はこの画面の中だけで使われ、どこにも送信・保存されません。
      </p>
      <SelfCheckForm theme={theme.id}>
        {related.length > 0 ? (
          <>
            <p>このテーマの記事：</p>
            <div className="article-list">
              {related.map((a) => (
                <ArticleCard key={a.id} article={a} headingLevel={3} />
              ))}
            </div>
          </>
        ) : null}
      </SelfCheckForm>
    </div>
  );
}
