import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/publishing/article-editor';
import { read } from '@/lib/data';
import { listScheduledArticleTimes } from '@/features/library/admin-queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { columnRhythm, nextPublicationTime } from '@/lib/publication-days';
import { toJstLocal } from '@/lib/time';

export const metadata: Metadata = { title: '新しい記事' };

export default async function NewArticlePage() {
  await requireCounselor('/admin/articles/new');
  const now = new Date();
  const suggested = nextPublicationTime(now, columnRhythm, await read(listScheduledArticleTimes, now));
  return (
    <>
      <h1>新しい記事</h1>
      <ArticleEditor
        published={false}
        version="new"
        suggestedTime={toJstLocal(suggested)}
        initial={{
          title: '',
          slug: '',
          summary: '',
          themes: [],
          bodyMarkdown: '',
          publication: 'draft',
          scheduledAt: '',
        }}
      />
    </>
  );
}
