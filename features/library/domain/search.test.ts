import { describe, expect, it } from 'vitest';
import {
  countOccurrences,
  likePattern,
  normalizeForSearch,
  parseSearchQuery,
  rankSearchHits,
  searchScore,
  type SearchHitFeatures,
} from './search';

const none: SearchHitFeatures = { titleHits: 0, summaryHits: 0, themeHits: 0, bodyHits: 0, bodyLength: 10_000 };

describe('parseSearchQuery', () => {
  it('splits on half- and full-width spaces and drops duplicates', () => {
    expect(parseSearchQuery(' 脈なし　連絡  脈なし ')).toEqual(['脈なし', '連絡']);
  });

  it('folds full-width alphanumerics and half-width kana (NFKC) and lowercases', () => {
    expect(parseSearchQuery('ＳＮＳ　ﾗｲﾝ')).toEqual(['sns', 'ライン']);
    expect(normalizeForSearch('LINEの返事')).toBe('lineの返事');
  });

  it('gives nothing for an empty or blank query', () => {
    expect(parseSearchQuery('')).toEqual([]);
    expect(parseSearchQuery('　 　')).toEqual([]);
  });

  it('bounds the number and length of terms', () => {
    expect(parseSearchQuery('a b c d e f g')).toHaveLength(5);
    expect(parseSearchQuery('あ'.repeat(80))[0]).toHaveLength(50);
  });
});

describe('likePattern', () => {
  it('matches LIKE wildcards literally', () => {
    expect(likePattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});

describe('countOccurrences', () => {
  it('counts non-overlapping occurrences of every term', () => {
    expect(countOccurrences('連絡をやめる、連絡が来る、脈なし', ['連絡', '脈なし'])).toBe(3);
    expect(countOccurrences('ああああ', ['ああ'])).toBe(2);
  });
});

describe('search ranking', () => {
  it('ranks a title match above an article that only mentions the term many times', () => {
    const inTitle = { ...none, titleHits: 1, bodyHits: 2 };
    const onlyBody = { ...none, bodyHits: 40 };
    expect(searchScore(inTitle)).toBeGreaterThan(searchScore(onlyBody));
  });

  it('ranks a summary match above body-only matches', () => {
    expect(searchScore({ ...none, summaryHits: 1 })).toBeGreaterThan(searchScore({ ...none, bodyHits: 15 }));
  });

  it('ranks by density of body hits, so a long article does not win by length alone', () => {
    const shortDense = { ...none, bodyHits: 10, bodyLength: 3_000 };
    const longSparse = { ...none, bodyHits: 12, bodyLength: 30_000 };
    expect(searchScore(shortDense)).toBeGreaterThan(searchScore(longSparse));
  });

  it('breaks ties by the newer article first', () => {
    const older = { ...none, bodyHits: 3, id: 'older', publishedAt: new Date('2026-01-01T00:00:00Z') };
    const newer = { ...none, bodyHits: 3, id: 'newer', publishedAt: new Date('2026-02-01T00:00:00Z') };
    expect(rankSearchHits([older, newer]).map((h) => h.id)).toEqual(['newer', 'older']);
  });

  it('a theme label match counts, but less than a title match', () => {
    expect(searchScore({ ...none, themeHits: 1 })).toBeGreaterThan(searchScore({ ...none, bodyHits: 3 }));
    expect(searchScore({ ...none, titleHits: 1 })).toBeGreaterThan(searchScore({ ...none, themeHits: 1 }));
  });
});
