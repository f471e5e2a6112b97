import { expect, type Locator } from '@playwright/test';

/**
 * Amounts, percentages, times and dates as this site writes them: each must sit on one line box
 * (never 11,0／00円, 50／%, 14:／00, 2026年12月／3日).
 */
export const wholeNumbers: RegExp[] = [
  /[−-]?\d[\d,]*円(（税込）)?/g,
  /\d+%/g,
  /\d{1,2}:\d{2}(〜\d{1,2}:\d{2})?/g,
  /\d{4}年\d{1,2}月\d{1,2}日(\([日月火水木金土]\))?/g,
  /\d{1,2}月\d{1,2}日(\([日月火水木金土]\))?/g,
];

/**
 * Every match of `patterns` in the text under `scope` that the browser laid out over more than
 * one line box, found with the DOM Range API: a Range over the matched characters gives one
 * client rect per line fragment, so two distinct tops mean the word was broken mid-way.
 */
export async function brokenWords(scope: Locator, patterns: (string | RegExp)[]): Promise<string[]> {
  const sources = patterns.map((p) => (typeof p === 'string' ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : p.source));
  const all = await scope.evaluateAll((elements, regexSources) => {
    const broken: string[] = [];
    for (const root of elements) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const parent = node.parentElement;
        // Text nobody sees (screen-reader only, hidden) has no line boxes worth checking.
        if (!parent || parent.closest('.sr-only,[hidden],[aria-hidden="true"]')) continue;
        for (const source of regexSources) {
          for (const m of text.matchAll(new RegExp(source, 'g'))) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) broken.push(`${m[0]} (in 「${text.trim().slice(0, 40)}」)`);
          }
        }
      }
    }
    return broken;
  }, sources);
  return [...new Set(all)];
}

/** None of `patterns` (and no amount, time or date) is broken mid-way under `scope`. */
export async function expectWordsWhole(scope: Locator, patterns: (string | RegExp)[] = [], what = 'words') {
  await expect(scope.first()).toBeVisible();
  expect(await brokenWords(scope, [...patterns, ...wholeNumbers]), `${what} broken across lines`).toEqual([]);
}

/**
 * Whether `inner` is drawn whole, on one line, inside `box` (a block with overflow hidden, such as
 * a short event on the admin's time grid): none of its text is cut off at the box's edges.
 */
export async function shownWholeIn(inner: Locator, box: Locator): Promise<boolean> {
  // Both in viewport coordinates: getClientRects and boundingBox agree, whatever the scroll.
  const outer = (await box.boundingBox())!;
  const rects = await inner.evaluate((el) =>
    [...el.getClientRects()].map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })),
  );
  return (
    new Set(rects.map((r) => Math.round(r.top))).size === 1 &&
    rects.every(
      (r) =>
        r.top >= outer.y - 0.5 &&
        r.bottom <= outer.y + outer.height + 0.5 &&
        r.left >= outer.x - 0.5 &&
        r.right <= outer.x + outer.width + 0.5,
    )
  );
}
