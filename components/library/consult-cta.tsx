import { HoverPrefetchLink } from '@/components/layout/hover-prefetch-link';
import { findTheme } from '@/features/library/themes';

/**
 * The article's calls to action. 「この悩みで相談する」 carries the article's theme into
 * booking so that the matching questionnaire is preselected.
 */
export function ConsultCta({ themes }: { themes: string[] }) {
  const theme = themes.map(findTheme).find((t) => t !== undefined);
  const href = theme ? `/sessions?theme=${theme.id}` : '/sessions';
  return (
    <aside className="consult-cta" aria-labelledby="consult-cta-heading">
      <h2 id="consult-cta-heading">ひとりで抱えきれないと感じたら</h2>
      <p>
        {theme ? `「${theme.label}」について、` : ''}
        個人セッションで一緒に整理することもできます。オンライン・お電話・対面からお選びいただけます。
      </p>
      <HoverPrefetchLink className="button" href={href}>
        この悩みで相談する
      </HoverPrefetchLink>
      <ul className="consult-cta__more">
        {theme ? (
          <li>
            <HoverPrefetchLink href={`/self-check/${theme.id}`}>
              このテーマのセルフチェック（匿名・回答は送信されません）
            </HoverPrefetchLink>
          </li>
        ) : null}
        <li>
          <HoverPrefetchLink href="/courses">オンラインの心理学講座を見る</HoverPrefetchLink>
        </li>
        <li>
          <HoverPrefetchLink href="/newsletter">無料メールマガジン（火・木・土配信）について</HoverPrefetchLink>
        </li>
      </ul>
    </aside>
  );
}
