import type { Metadata } from 'next';
import Link from 'next/link';
import { BreakdownTable, LedgerTable, OverviewTable } from '@/components/revenue/money-tables';
import { summarize } from '@/features/revenue/domain/ledger';
import { isMonth, monthLabel, monthOf, monthPeriod, shiftMonth } from '@/features/revenue/domain/period';
import { listLedger } from '@/features/revenue/queries';
import { requireCounselor } from '@/features/accounts/auth/guards';
import { read } from '@/lib/data';
import { japanDate } from '@/lib/time';

export const metadata: Metadata = { title: '売上' };

type Props = { searchParams: Promise<{ month?: string }> };

/** The month's money: what came in, what went back, what was kept, and each payment and refund. */
export default async function PaymentsPage({ searchParams }: Props) {
  await requireCounselor('/admin/payments');
  const params = await searchParams;
  const thisMonth = monthOf(japanDate(new Date()));
  const month = isMonth(params.month) ? params.month : thisMonth;
  const period = monthPeriod(month);
  const lines = await read(listLedger, period);
  const overview = summarize(lines);
  const label = monthLabel(month);
  const outside = lines.filter((l) => l.kind === 'refund_outside');
  const processing = lines.some((l) => l.kind === 'refund' && !l.stripeRefundId);
  return (
    <>
      <h1>売上</h1>
      <nav aria-label="月の切り替え" className="month-nav">
        <Link href={`/admin/payments?month=${shiftMonth(month, -1)}`}>← {monthLabel(shiftMonth(month, -1))}</Link>
        <form method="get" action="/admin/payments" className="month-nav__form">
          <label htmlFor="month">表示する月</label>
          <input id="month" name="month" type="month" defaultValue={month} required />
          <button type="submit" className="button button--secondary">
            表示
          </button>
        </form>
        {month < thisMonth ? (
          <Link href={`/admin/payments?month=${shiftMonth(month, 1)}`}>{monthLabel(shiftMonth(month, 1))} →</Link>
        ) : null}
      </nav>

      <h2>{label}の概要</h2>
      <OverviewTable overview={overview} month={label} />
      <p className="money-note">
        日本時間の{label}
        1日0時から月末24時までに入金・返金されたものです。キャンセル料は、この月にキャンセルされた予約・お席のお支払いのうち返金しなかった額です（入金にすでに含まれています）。
        {processing ? '「返金処理中」の返金も返金に含めています（Stripeが受け付けしだい完了します）。' : ''}
      </p>
      <BreakdownTable title="セッションの種類別" first="セッションの種類" totals={overview.booking} />
      <BreakdownTable title="講座の期別" first="講座・期" totals={overview.course} />
      <BreakdownTable title="回数券の種類別" first="回数券" totals={overview.package} />

      <h2>入金と返金の一覧</h2>
      {lines.length === 0 ? (
        <p>{label}の入金・返金はありません。</p>
      ) : (
        <LedgerTable lines={lines} label={`${label}の入金と返金`} />
      )}

      {outside.length > 0 ? (
        <section aria-labelledby="outside-refunds" className="panel panel--alert">
          <h2 id="outside-refunds">Stripeの管理画面で返金</h2>
          <p>
            アプリを通さず、Stripeの管理画面で行われた返金です（上の一覧と返金の合計にも含めています）。予約やお席はそのまま残っていることがあるので、リンク先でご確認ください。
          </p>
          <LedgerTable lines={outside} label={`${label}にStripeの管理画面で行われた返金`} />
        </section>
      ) : null}

      <h2 id="csv-export">CSVダウンロード</h2>
      <p>
        確定申告や帳簿づけに使えるCSVです（Excelでそのまま開けます）。入金・返金のCSVは1件の入金・返金ごとに1行で、StripeのIDが入ります。予約のCSVはセッションの日時で選びます。
      </p>
      <form method="get" action="/admin/payments/payments.csv" aria-labelledby="csv-export">
        <div className="field-row">
          <div className="field">
            <label htmlFor="export-from">開始日</label>
            <input id="export-from" name="from" type="date" defaultValue={period.from} required />
          </div>
          <div className="field">
            <label htmlFor="export-to">終了日（この日を含む）</label>
            <input id="export-to" name="to" type="date" defaultValue={period.to} required />
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            入金・返金のCSV
          </button>
          <button type="submit" className="button button--secondary" formAction="/admin/payments/bookings.csv">
            予約のCSV
          </button>
        </div>
      </form>
    </>
  );
}
