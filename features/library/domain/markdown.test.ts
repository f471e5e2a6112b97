import { describe, expect, it } from 'vitest';
import { readingMinutes, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders GFM pipe tables with header cells, wrapped in a labelled scroll region', () => {
    const { html } = renderMarkdown(
      [
        '| チェック項目 | 脈ありの傾向 | 脈なしの傾向 |',
        '|---|---|---|',
        '| 連絡頻度 | 相手からも定期的に来る | 自分からのみが続く |',
      ].join('\n'),
    );
    expect(html).toContain('<th>チェック項目</th>');
    expect(html).toContain('<td>自分からのみが続く</td>');
    expect(html).toMatch(/<div class="table-scroll" role="region" aria-label="表1" tabindex="0"><table>/);
  });

  it('drops raw <script> and inline event handlers from content', () => {
    const { html } = renderMarkdown('前文\n\n<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n後文');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/alert/);
    expect(html).toContain('<p>前文</p>');
    expect(html).toContain('<p>後文</p>');
  });

  it('neutralises javascript: links but keeps safe ones', () => {
    const { html } = renderMarkdown('[危険](javascript:alert(1)) と [安全](https://example.jp/) と [内部](/articles)');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('href="https://example.jp/"');
    expect(html).toContain('href="/articles"');
  });

  it('builds a table of contents of the sections (h2) with readable Japanese ids', () => {
    const { html, toc } = renderMarkdown(
      '## 進展しない片思いの心理を知る\n\n本文\n\n### 相手の心理\n\n本文\n\n## まとめ',
    );
    expect(toc).toEqual([
      { id: '進展しない片思いの心理を知る', text: '進展しない片思いの心理を知る' },
      { id: 'まとめ', text: 'まとめ' },
    ]);
    expect(html).toContain('<h2 id="進展しない片思いの心理を知る">');
    expect(html).toContain('<h3 id="相手の心理">');
  });

  it('keeps lists and emphasis as the author wrote them', () => {
    const { html } = renderMarkdown('- 相談できる人がいない\n- 受け入れてくれる場所がない\n\n「**怖くて**」');
    expect(html).toContain('<li>相談できる人がいない</li>');
    expect(html).toContain('<strong>怖くて</strong>');
  });

  it('returns the visible text without markup', () => {
    const { plainText } = renderMarkdown('## 見出し\n\n本文の**強調**。\n\n| a | b |\n|---|---|\n| c | d |');
    expect(plainText).toContain('見出し');
    expect(plainText).toContain('本文の強調。');
    expect(plainText).not.toContain('**');
    expect(plainText).not.toContain('|');
  });
});

describe('readingMinutes', () => {
  it('counts about 500 Japanese characters a minute, at least one', () => {
    expect(readingMinutes('あ'.repeat(10))).toBe(1);
    expect(readingMinutes('あ'.repeat(5000))).toBe(10);
    expect(readingMinutes(`${'あ'.repeat(2500)}   ${' '.repeat(1000)}`)).toBe(5);
  });
});
