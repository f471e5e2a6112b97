import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export type TocEntry = { id: string; text: string };

export type RenderedArticle = {
  html: string;
  toc: TocEntry[];
  /** The visible text, for search and reading time. */
  plainText: string;
};

/**
 * Raw HTML in content is dropped (remark-rehype without allowDangerousHtml) and what remains
 * is sanitised with GitHub's schema, so neither `<script>` nor `javascript:` links survive.
 * Heading ids are added after sanitising so that they stay readable (#進展しない片思いとは…).
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
  .use(rehypeSlug)
  .use(rehypeTableCaptions)
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): RenderedArticle {
  const tree = processor.runSync(processor.parse(markdown)) as HastRoot;
  const toc: TocEntry[] = [];
  visit(tree, 'element', (node: Element) => {
    // Sections only: on a phone a contents list of every subsection is longer than a screen.
    if (node.tagName === 'h2' && typeof node.properties.id === 'string') {
      toc.push({ id: node.properties.id, text: hastToString(node) });
    }
  });
  return {
    html: processor.stringify(tree),
    toc,
    plainText: hastToString(tree).replace(/\s+/g, ' ').trim(),
  };
}

/** Japanese is read at roughly 500 characters a minute. */
export function readingMinutes(plainText: string): number {
  const characters = plainText.replace(/\s/g, '').length;
  return Math.max(1, Math.round(characters / 500));
}

/**
 * Wraps each table in a labelled, focusable region so that a wide one scrolls on its own
 * (and by keyboard) on a 360 px screen instead of widening the page.
 */
function rehypeTableCaptions() {
  return (tree: HastRoot) => {
    let count = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      count += 1;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], role: 'region', ariaLabel: `表${count}`, tabIndex: 0 },
        children: [node],
      };
      return 'skip';
    });
  };
}
