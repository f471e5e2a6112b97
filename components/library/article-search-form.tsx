import { themes } from '@/features/library/themes';

/** A plain GET form: search works before (and without) any JavaScript. */
export function ArticleSearchForm({ query, theme }: { query?: string; theme?: string }) {
  return (
    <form className="search-form" action="/articles" method="get" role="search">
      <label htmlFor="article-search">記事を検索</label>
      <div className="search-form__row">
        <input
          id="article-search"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="例：脈なし、見捨てられ"
          maxLength={200}
        />
        {theme && themes.some((t) => t.id === theme) ? <input type="hidden" name="theme" value={theme} /> : null}
        <button className="button" type="submit">
          検索
        </button>
      </div>
    </form>
  );
}
