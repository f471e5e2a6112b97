/**
 * Japanese search without word segmentation: the query is split on spaces only, each term
 * is matched as a substring (trigram-indexed in PostgreSQL), and hits are ranked by where
 * and how often the terms occur.
 */

export const maxSearchTerms = 5;
export const maxSearchTermLength = 50;

/** NFKC folds full-width letters and digits (ＡＢＣ１２３ → ABC123) and half-width kana. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The distinct terms of a query, split on half- or full-width spaces. */
export function parseSearchQuery(query: string): string[] {
  const terms = normalizeForSearch(query)
    .split(' ')
    .map((t) => t.slice(0, maxSearchTermLength))
    .filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, maxSearchTerms);
}

/** A LIKE pattern that matches the term literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Occurrence counts of the query's terms in each part of one article. */
export type SearchHitFeatures = {
  titleHits: number;
  summaryHits: number;
  themeHits: number;
  bodyHits: number;
  bodyLength: number;
};

const weights = { title: 12, summary: 6, theme: 4, body: 1 } as const;

/**
 * Title and summary say what an article is about, so one hit there outweighs many in the
 * body; body hits count by density, so a long article does not win by length alone.
 */
export function searchScore(f: SearchHitFeatures): number {
  const density = f.bodyLength > 0 ? (f.bodyHits * 1000) / f.bodyLength : 0;
  return (
    weights.title * Math.min(f.titleHits, 2) +
    weights.summary * Math.min(f.summaryHits, 2) +
    weights.theme * Math.min(f.themeHits, 1) +
    weights.body * (Math.log1p(f.bodyHits) + density)
  );
}

export function rankSearchHits<T extends SearchHitFeatures & { publishedAt: Date }>(hits: T[]): T[] {
  return [...hits].sort((a, b) => searchScore(b) - searchScore(a) || b.publishedAt.getTime() - a.publishedAt.getTime());
}

/** Counts non-overlapping occurrences of each term in a normalised text. */
export function countOccurrences(normalizedText: string, terms: string[]): number {
  let count = 0;
  for (const term of terms) {
    if (!term) continue;
    for (let at = normalizedText.indexOf(term); at !== -1; at = normalizedText.indexOf(term, at + term.length)) {
      count += 1;
    }
  }
  return count;
}
