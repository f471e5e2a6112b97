import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="container container--narrow">
      <h1>ページが見つかりません</h1>
      <p>お探しのページは移動したか、削除された可能性があります。</p>
      <p>
        <Link href="/articles">記事一覧へ</Link>　<Link href="/">トップページへ</Link>
      </p>
    </div>
  );
}
