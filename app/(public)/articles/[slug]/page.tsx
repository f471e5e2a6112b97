import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticleCard } from '@/components/library/article-card';
import { ConsultCta } from '@/components/library/consult-cta';
import { SubscribeForm } from '@/components/newsletter/subscribe-form';
import { TableOfContents } from '@/components/library/table-of-contents';
import { ThemeTags } from '@/components/library/theme-tags';
import { read } from '@/lib/data';
import { readingMinutes, renderMarkdown } from '@/features/library/domain/markdown';
import { getPublishedArticle, listRelatedArticles } from '@/features/library/queries';
import { findTheme } from '@/features/library/themes';
import { InvitationBlocks } from '@/components/layout/invitation-blocks';
import { routeSegmentOrNotFound } from '@/lib/request-input';
import { invitations, siteConfig } from '@/lib/site-config';
import { absoluteUrl } from '@/lib/site-url';
import { formatDateJa, isoDateIn } from '@/lib/time';

type Props = { params: Promise<{ slug: string }> };

// No article is rendered at build time (the database is not opened during `next build`);
// each is rendered on its first visit, then served from the cache until it is revalidated.
export function generateStaticParams() {
  return [];
}
export const dynamicParams = true;
// Each app instance has its own page cache. Saving an article refreshes the instance that saved
// it at once (and the publish job the one that ran it); every other instance re-renders the page
// at most this many seconds after a change or a scheduled publication.
export const revalidate = 300;

const loadArticle = cache(async (slug: string) => read(getPublishedArticle, routeSegmentOrNotFound(slug), new Date()));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  if (!article) return { title: '記事が見つかりません' };
  const url = `/articles/${article.slug}`;
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.summary,
      url,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: [siteConfig.counselor.name],
      tags: article.themes.map((id) => findTheme(id)?.label ?? id),
      // A page's own openGraph replaces the layout's, the file-based card included.
      images: [{ url: '/opengraph-image.png', width: 1200, height: 630, alt: siteConfig.name }],
    },
    twitter: {
      card: 'summary_large_image',
      title: article.title,
      description: article.summary,
      images: ['/twitter-image.png'],
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle((await params).slug);
  if (!article) notFound();
  const { html, toc, plainText } = renderMarkdown(article.bodyMarkdown);
  const related = await read(listRelatedArticles, article, new Date());
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: article.title,
    description: article.summary,
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    inLanguage: 'ja',
    mainEntityOfPage: absoluteUrl(`/articles/${article.slug}`),
    author: { '@type': 'Person', name: siteConfig.counselor.name, jobTitle: siteConfig.counselor.title },
    publisher: { '@type': 'Organization', name: siteConfig.name },
  };

  return (
    <div className="container container--narrow">
      <article className="article">
        <header className="article__header">
          <h1>{article.title}</h1>
          <p className="article__meta">
            <time dateTime={isoDateIn(article.publishedAt, siteConfig.timeZone)}>
              {formatDateJa(article.publishedAt, siteConfig.timeZone)}
            </time>
            <span aria-hidden="true">・</span>
            <span>この記事は約{readingMinutes(plainText)}分で読めます</span>
          </p>
          <ThemeTags themes={article.themes} />
        </header>
        <TableOfContents entries={toc} />
        <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
        <p className="article__author">
          {siteConfig.counselor.title} {siteConfig.counselor.name}
        </p>
      </article>

      <ConsultCta themes={article.themes} />

      <section className="panel" aria-labelledby="article-newsletter-heading">
        <h2 id="article-newsletter-heading">続きはメールマガジンで（無料）</h2>
        <p>ブログでは書ききれない話を、毎週{siteConfig.schedule.newsletter}にお届けしています。</p>
        <SubscribeForm idPrefix="article-end" label="メールマガジンの登録" />
        <p>
          <Link href="/newsletter">{invitations.newsletter.cta}</Link>
        </p>
      </section>

      {related.length > 0 ? (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">こちらの記事もおすすめです</h2>
          <div className="article-list">
            {related.map((a) => (
              <ArticleCard key={a.id} article={a} headingLevel={3} />
            ))}
          </div>
        </section>
      ) : null}

      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
      />
      <InvitationBlocks omit={['newsletter']} />
    </div>
  );
}
