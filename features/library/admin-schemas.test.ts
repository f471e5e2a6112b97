import { describe, expect, it } from 'vitest';
import { articleEditorSchema } from './admin-schemas';

const valid = {
  title: '題名',
  slug: 'kiji-no-slug',
  summary: '要約',
  themes: ['unrequited-love'],
  bodyMarkdown: '本文',
  publication: 'draft',
  scheduledAt: '',
};

describe('article editor input', () => {
  it('accepts a complete draft', () => {
    expect(articleEditorSchema.parse(valid)).toMatchObject({ slug: 'kiji-no-slug', themes: ['unrequited-love'] });
  });

  it('names the field that is wrong, in Japanese', () => {
    const result = articleEditorSchema.safeParse({
      ...valid,
      title: ' ',
      slug: 'Bad Slug',
      themes: [],
      summary: 'あ'.repeat(161),
    });
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField).toEqual({
      title: '題名を入力してください',
      slug: 'URLの末尾は半角英小文字・数字・ハイフンで入力してください',
      themes: 'テーマを1つ以上選んでください',
      summary: '要約は160文字以内で入力してください',
    });
  });

  it('rejects an unknown theme', () => {
    expect(articleEditorSchema.safeParse({ ...valid, themes: ['astrology'] }).success).toBe(false);
  });

  it('needs a Japan-time value when scheduling', () => {
    expect(
      articleEditorSchema.safeParse({ ...valid, publication: 'schedule', scheduledAt: '' }).error?.issues[0]?.path,
    ).toEqual(['scheduledAt']);
    expect(
      articleEditorSchema.safeParse({ ...valid, publication: 'schedule', scheduledAt: '2026-11-25T07:00' }).success,
    ).toBe(true);
  });
});
