import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { articles } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import { getPublishedArticle, listPublishedArticles, listRelatedArticles, searchPublishedArticles } from './queries';
import { buildSearchText } from './service';

let handle: DatabaseHandle;
const now = new Date('2026-11-22T12:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
});
afterAll(() => handle?.close());

describe('seeding the library', () => {
  it('imports the three articles once; a second run changes nothing', async () => {
    expect(await handle.db.$count(articles)).toBe(3);
    expect(await seedDatabase(handle.db)).toMatchObject({ articles: 0, counselor: 'exists' });
  });

  it('keeps the tables of the source articles', async () => {
    const article = await getPublishedArticle(handle.db, 'kataomoi-renraku-yameru', now);
    expect(article?.bodyMarkdown.match(/^\|---\|/gm)).toHaveLength(16);
  });
});

describe('Japanese search', () => {
  it.each([
    ['脈なし', 'kataomoi-renraku-yameru'],
    ['見捨てられ', 'sugaru-renai-misuterare-fuan'],
    ['心を許', 'kokoro-wo-yurusanai-kare'],
    ['連絡', 'kataomoi-renraku-yameru'],
  ])('「%s」 finds %s first', async (query, slug) => {
    const hits = await searchPublishedArticles(handle.db, { now, query });
    expect(hits[0]?.slug).toBe(slug);
  });

  it('requires every term of a multi-word query', async () => {
    const hits = await searchPublishedArticles(handle.db, { now, query: '連絡　見捨てられ' });
    expect(hits.map((h) => h.slug)).toEqual(['sugaru-renai-misuterare-fuan']);
  });

  it('finds nothing for a term no article contains, and treats % literally', async () => {
    expect(await searchPublishedArticles(handle.db, { now, query: '確定申告' })).toEqual([]);
    expect(await searchPublishedArticles(handle.db, { now, query: '%' })).toEqual([]);
  });

  it('narrows a search by theme', async () => {
    const hits = await searchPublishedArticles(handle.db, { now, query: '連絡', theme: 'abandonment-anxiety' });
    expect(hits.map((h) => h.slug)).toEqual(['sugaru-renai-misuterare-fuan']);
  });
});

describe('visibility', () => {
  const scheduled = {
    slug: 'yotei-no-kiji',
    title: '予定の記事：脈なしの続き',
    summary: 'まだ公開されていない記事',
    bodyMarkdown: '脈なし',
    themes: ['unrequited-love'],
  };

  beforeAll(async () => {
    await handle.db.insert(articles).values([
      {
        ...scheduled,
        status: 'published',
        publishedAt: new Date('2026-11-23T22:00:00Z'),
        searchText: buildSearchText(scheduled),
      },
      { ...scheduled, slug: 'shitagaki', status: 'draft', searchText: buildSearchText(scheduled) },
    ]);
  });

  it('hides a scheduled article everywhere until its time, then shows it', async () => {
    const later = new Date('2026-11-24T00:00:00Z');
    expect(await getPublishedArticle(handle.db, 'yotei-no-kiji', now)).toBeUndefined();
    expect((await listPublishedArticles(handle.db, { now })).map((a) => a.slug)).not.toContain('yotei-no-kiji');
    expect((await searchPublishedArticles(handle.db, { now, query: '脈なし' })).map((a) => a.slug)).not.toContain(
      'yotei-no-kiji',
    );

    expect(await getPublishedArticle(handle.db, 'yotei-no-kiji', later)).toBeDefined();
    expect((await listPublishedArticles(handle.db, { now: later }))[0]?.slug).toBe('yotei-no-kiji');
  });

  it('never shows a draft', async () => {
    const farFuture = new Date('2030-01-01T00:00:00Z');
    expect(await getPublishedArticle(handle.db, 'shitagaki', farFuture)).toBeUndefined();
    expect(
      (await searchPublishedArticles(handle.db, { now: farFuture, query: '脈なし' })).map((a) => a.slug),
    ).not.toContain('shitagaki');
  });

  it('filters the list by theme, newest first', async () => {
    const list = await listPublishedArticles(handle.db, { now, theme: 'trust-and-defense' });
    expect(list.map((a) => a.slug)).toEqual(['kokoro-wo-yurusanai-kare']);
    const all = await listPublishedArticles(handle.db, { now });
    expect(all.map((a) => a.slug)).toEqual([
      'kokoro-wo-yurusanai-kare',
      'sugaru-renai-misuterare-fuan',
      'kataomoi-renraku-yameru',
    ]);
  });
});

describe('related articles', () => {
  it('puts articles sharing a theme first and never the article itself', async () => {
    const later = new Date('2026-11-24T00:00:00Z');
    const article = await getPublishedArticle(handle.db, 'kataomoi-renraku-yameru', later);
    const related = await listRelatedArticles(handle.db, article!, later);
    expect(related[0]?.slug).toBe('yotei-no-kiji');
    expect(related.map((a) => a.slug)).not.toContain('kataomoi-renraku-yameru');
    expect(related).toHaveLength(3);
  });
});

describe('constraints', () => {
  it('rejects a published article without a publication time, and a malformed slug', async () => {
    const base = { title: 't', summary: 's', bodyMarkdown: 'b' };
    await expect(
      handle.db.insert(articles).values({ ...base, slug: 'no-time', status: 'published' }),
    ).rejects.toThrow();
    await expect(handle.db.insert(articles).values({ ...base, slug: 'Bad Slug' })).rejects.toThrow();
    await expect(handle.db.insert(articles).values({ ...base, slug: 'kataomoi-renraku-yameru' })).rejects.toThrow();
  });
});
