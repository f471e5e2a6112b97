import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import { publishDueArticles } from '@/jobs/workers';
import { listArticleRevisions, listArticlesForAdmin } from './admin-queries';
import type { ArticleEditorValues } from './admin-schemas';
import { restoreArticleRevision, saveArticle } from './admin-service';
import { getPublishedArticle, listPublishedArticles, listRelatedArticles, searchPublishedArticles } from './queries';

let handle: DatabaseHandle;
// Monday 2026-11-23 09:00 JST.
const now = new Date('2026-11-23T00:00:00Z');
const minute = 60_000;
const ctx = { now, authorId: null };

const draft: ArticleEditorValues = {
  title: '連絡を待つ時間の過ごし方',
  slug: 'renraku-wo-matsu-jikan',
  summary: '返事を待つあいだの不安とのつきあい方。',
  themes: ['unrequited-love'],
  bodyMarkdown:
    '## 待つ時間\n\n既読のまま返事がない夜に。\n\n| 脈あり | 脈なし |\n|---|---|\n| 質問が返る | 返事が短い |\n',
  publication: 'draft',
  scheduledAt: '',
};

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
});
afterAll(() => handle?.close());

/** Everything a visitor could see at `at`: the page, the list (and feed/sitemap, which read it), search, related articles. */
async function visibleEverywhere(slug: string, at: Date) {
  const db = handle.db;
  const other = (await getPublishedArticle(db, 'kataomoi-renraku-yameru', at))!;
  return {
    page: Boolean(await getPublishedArticle(db, slug, at)),
    list: (await listPublishedArticles(db, { now: at })).some((a) => a.slug === slug),
    search: (await searchPublishedArticles(db, { now: at, query: '既読のまま' })).some((a) => a.slug === slug),
    related: (await listRelatedArticles(db, other, at)).some((a) => a.slug === slug),
  };
}

describe('writing and scheduling an article', () => {
  let id: string;

  it('a draft is visible nowhere and its first revision is kept', async () => {
    ({ id } = await saveArticle({ db: handle.db, ...ctx }, draft));
    expect(await visibleEverywhere(draft.slug, new Date('2030-01-01T00:00:00Z'))).toEqual({
      page: false,
      list: false,
      search: false,
      related: false,
    });
    expect(await listArticleRevisions(handle.db, id)).toHaveLength(1);
    expect((await listArticlesForAdmin(handle.db, now)).find((a) => a.id === id)?.state).toBe('draft');
  });

  it('a scheduled article appears at its time and not before, and the job refreshes the public pages once', async () => {
    // Wednesday 07:00 JST.
    const at = new Date('2026-11-24T22:00:00Z');
    const outcome = await saveArticle(
      { db: handle.db, ...ctx },
      { ...draft, id, publication: 'schedule', scheduledAt: '2026-11-25T07:00' },
    );
    expect(outcome).toMatchObject({ state: 'scheduled', refreshSlugs: [] });

    const refreshed: string[][] = [];
    const refresh = async (slugs: string[]) => void refreshed.push(slugs);
    const before = new Date(at.getTime() - minute);
    expect(await visibleEverywhere(draft.slug, before)).toEqual({
      page: false,
      list: false,
      search: false,
      related: false,
    });
    expect(await publishDueArticles(handle.db, before, refresh)).not.toContain(draft.slug);

    expect(await visibleEverywhere(draft.slug, at)).toEqual({ page: true, list: true, search: true, related: true });
    expect(await publishDueArticles(handle.db, at, refresh)).toContain(draft.slug);
    expect(await publishDueArticles(handle.db, new Date(at.getTime() + minute), refresh)).toEqual([]);
    expect(refreshed.flat().filter((s) => s === draft.slug)).toHaveLength(1);
  });

  it('a refresh that fails is tried again on the next run', async () => {
    const slug = 'saishi-no-kiji';
    await saveArticle(
      { db: handle.db, ...ctx },
      { ...draft, slug, title: '再試行の記事', publication: 'schedule', scheduledAt: '2026-11-27T07:00' },
    );
    const at = new Date('2026-11-26T22:00:00Z');
    await publishDueArticles(handle.db, at, async () => {
      throw new Error('server not reachable');
    });
    const seen: string[] = [];
    await publishDueArticles(handle.db, new Date(at.getTime() + minute), async (slugs) => void seen.push(...slugs));
    expect(seen).toEqual([slug]);
  });

  it('refuses a time in the past and a slug another article has', async () => {
    await expect(
      saveArticle(
        { db: handle.db, ...ctx },
        { ...draft, id, publication: 'schedule', scheduledAt: '2026-11-23T08:00' },
      ),
    ).rejects.toMatchObject({ code: 'schedule_in_past' });
    await expect(
      saveArticle({ db: handle.db, ...ctx }, { ...draft, id, slug: 'kataomoi-renraku-yameru', publication: 'keep' }),
    ).rejects.toMatchObject({ code: 'slug_taken' });
  });

  it('publishing at once refreshes the pages now; an edit keeps a revision that can be restored', async () => {
    const later = new Date('2026-11-30T00:00:00Z');
    const published = await saveArticle(
      { db: handle.db, now: later, authorId: null },
      { ...draft, id, publication: 'now' },
    );
    expect(published).toMatchObject({ state: 'published', refreshSlugs: [draft.slug] });

    const edited = await saveArticle(
      { db: handle.db, now: later, authorId: null },
      { ...draft, id, title: '題名を直した版', slug: 'renraku-matsu', publication: 'keep' },
    );
    // The old address and the new one both drop their cached copies.
    expect(edited.refreshSlugs.sort()).toEqual(['renraku-matsu', 'renraku-wo-matsu-jikan']);
    expect((await getPublishedArticle(handle.db, 'renraku-matsu', later))?.title).toBe('題名を直した版');

    const revisions = await listArticleRevisions(handle.db, id);
    const original = revisions.find((r) => r.title === draft.title)!;
    await restoreArticleRevision(
      { db: handle.db, now: new Date(later.getTime() + minute), authorId: null },
      { articleId: id, revisionId: original.id },
    );
    const restored = await getPublishedArticle(handle.db, draft.slug, later);
    expect(restored?.title).toBe(draft.title);
    expect(await getPublishedArticle(handle.db, 'renraku-matsu', later)).toBeUndefined();
    expect((await listArticleRevisions(handle.db, id))[0]?.title).toBe(draft.title);
  });

  it('the seed leaves an article the counselor edited as it is', async () => {
    const seeded = (await getPublishedArticle(handle.db, 'kataomoi-renraku-yameru', now))!;
    await saveArticle(
      { db: handle.db, ...ctx },
      {
        title: '編集した題名',
        slug: seeded.slug,
        summary: seeded.summary,
        themes: ['unrequited-love'],
        bodyMarkdown: seeded.bodyMarkdown,
        publication: 'keep',
        scheduledAt: '',
        id: seeded.id,
      },
    );
    await seedDatabase(handle.db);
    expect((await getPublishedArticle(handle.db, seeded.slug, now))?.title).toBe('編集した題名');
  });
});
