import { HoverPrefetchLink } from '@/components/layout/hover-prefetch-link';
import { ThemeTags } from '@/components/library/theme-tags';
import { siteConfig } from '@/lib/site-config';
import { formatDateJa, isoDateIn } from '@/lib/time';

type Props = {
  article: { slug: string; title: string; summary: string; themes: string[]; publishedAt: Date };
  headingLevel?: 2 | 3;
};

export function ArticleCard({ article, headingLevel = 2 }: Props) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="article-card">
      <H className="article-card__title">
        <HoverPrefetchLink href={`/articles/${article.slug}`}>{article.title}</HoverPrefetchLink>
      </H>
      <p className="article-card__meta">
        <time dateTime={isoDateIn(article.publishedAt, siteConfig.timeZone)}>
          {formatDateJa(article.publishedAt, siteConfig.timeZone)}
        </time>
      </p>
      <p className="article-card__summary">{article.summary}</p>
      <ThemeTags themes={article.themes} />
    </article>
  );
}
