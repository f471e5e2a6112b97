import Link from 'next/link';
import { ArticleCard } from '@/components/library/article-card';
import { ArticleSearchForm } from '@/components/library/article-search-form';
import { read } from '@/lib/data';
import { coursePriceText } from '@/components/courses/course-price';
import { listSessionTypes } from '@/features/booking/queries';
import { listCoursePrices } from '@/features/courses/queries';
import { listPublishedArticles } from '@/features/library/queries';
import { themes } from '@/features/library/themes';
import { formatYen } from '@/lib/format';
import { siteConfig } from '@/lib/site-config';
import { InvitationBlocks } from '@/components/layout/invitation-blocks';

// Rendered per request: it reads the database, which must not be opened during `next build`.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const [latest, sessionTypes, coursePrices] = await Promise.all([
    read(listPublishedArticles, { now: new Date(), limit: 6 }),
    read(listSessionTypes),
    read(listCoursePrices),
  ]);
  const lowestSessionPrice = sessionTypes.length > 0 ? Math.min(...sessionTypes.map((s) => s.priceYen)) : undefined;
  return (
    <div className="container">
      <section className="hero" aria-labelledby="hero-heading">
        <p className="hero__eyebrow">
          {siteConfig.counselor.title} {siteConfig.counselor.name}
        </p>
        <h1 id="hero-heading">{siteConfig.tagline}</h1>
        {siteConfig.counselor.profile.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <div className="hero__actions">
          <Link className="button" href="/sessions">
            個人セッションを見る
          </Link>
          <Link className="button button--secondary" href="/articles">
            記事を読む
          </Link>
        </div>
      </section>

      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">テーマから探す</h2>
        <ul className="theme-grid">
          {themes.map((t) => (
            <li key={t.id}>
              <Link href={`/articles?theme=${t.id}`} className="theme-card">
                <span className="theme-card__label">{t.label}</span>
                <span className="theme-card__description">{t.description}</span>
              </Link>
            </li>
          ))}
        </ul>
        <ArticleSearchForm />
      </section>

      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">新着記事</h2>
        {latest.length === 0 ? (
          <p>まだ記事がありません。</p>
        ) : (
          <div className="article-list">
            {latest.map((a) => (
              <ArticleCard key={a.id} article={a} headingLevel={3} />
            ))}
          </div>
        )}
        <p>
          <Link href="/articles">記事一覧へ</Link>
        </p>
      </section>

      <section className="teasers" aria-label="サービス">
        <div className="teaser">
          <h2>個人セッション</h2>
          <p>
            オンライン・お電話・対面で、60分または90分。
            {lowestSessionPrice ? `${formatYen(lowestSessionPrice)}から。` : ''}
          </p>
          <Link href="/sessions">料金と内容を見る</Link>
        </div>
        <div className="teaser">
          <h2>心理学講座</h2>
          <p>
            オンラインで受講できる少人数の講座です。
            {coursePrices.map((c) => (
              <span key={c.slug} className="block">
                {c.title}　{coursePriceText(c)}
              </span>
            ))}
          </p>
          <Link href="/courses">講座の内容を見る</Link>
        </div>
      </section>
      <InvitationBlocks />
    </div>
  );
}
