import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { readContentPage } from '@/features/library/content';
import { renderMarkdown } from '@/features/library/domain/markdown';
import { siteConfig } from '@/lib/site-config';

const page = () => readContentPage('counselor');

export async function generateMetadata(): Promise<Metadata> {
  const { title, description } = await page();
  return { title, description, alternates: { canonical: '/counselor' } };
}

/** The counselor and how sessions go, before a first booking (content/pages/counselor.md). */
export default async function CounselorPage() {
  const { title, photo, photoAlt, bodyMarkdown } = await page();
  const { html } = renderMarkdown(bodyMarkdown);
  const { counselor } = siteConfig;
  return (
    <div className="container container--narrow">
      <h1>{title}</h1>
      <section className="counselor-card" aria-label="カウンセラー">
        {photo ? <Image src={photo} alt={photoAlt ?? ''} width={120} height={120} unoptimized priority /> : null}
        <p>
          <span className="counselor-card__title">{counselor.title}</span>
          <span className="counselor-card__name">{counselor.name}</span>
          <span className="counselor-card__kana">{counselor.nameKana}</span>
        </p>
      </section>
      <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
      <p className="counselor-cta">
        <Link className="button" href="/sessions">
          セッションの種類と料金を見る
        </Link>
      </p>
    </div>
  );
}
