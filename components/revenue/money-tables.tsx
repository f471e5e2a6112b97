import Link from 'next/link';
import {
  type LedgerLine,
  ledgerKindLabel,
  methodLabel,
  type Overview,
  type PurposeTotals,
  type Totals,
} from '@/features/revenue/domain/ledger';
import { formatYenAmount } from '@/lib/format';
import { formatDateTimeJa, practiceTimeZone } from '@/lib/time';
import { KeepWhole } from '@/components/ui/keep-whole';

const tz = practiceTimeZone;

function TotalsCells({ totals }: { totals: Totals }) {
  return (
    <>
      <td className="money">{formatYenAmount(totals.paidYen)}</td>
      <td className="money">{totals.refundedYen > 0 ? `−${formatYenAmount(totals.refundedYen)}` : '0円'}</td>
      <td className="money">
        <strong>{formatYenAmount(totals.netYen)}</strong>
      </td>
      <td className="money">{formatYenAmount(totals.feesKeptYen)}</td>
    </>
  );
}

function TotalsHead({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {/* Short labels never break on a phone (入／金, キャンセル／料), whatever the amounts' widths. */}
        {['入金', '返金', '差引', 'キャンセル料'].map((label) => (
          <th key={label} scope="col">
            <span className="nowrap">{label}</span>
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The month in four lines: sessions, courses, session packages (回数券), in all. */
export function OverviewTable({ overview, month }: { overview: Overview; month: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={`${month}の売上の概要`} tabIndex={0}>
      <table className="money-table">
        <caption>金額はすべて税込です。差引＝入金−返金。</caption>
        <TotalsHead first="種類" />
        <tbody>
          {(
            [
              ['セッション', overview.booking],
              ['講座', overview.course],
              ['回数券', overview.package],
              ['合計', overview.total],
            ] as const
          ).map(([label, totals]) => (
            <tr key={label}>
              <th scope="row">
                <span className="nowrap">{label}</span>
              </th>
              <TotalsCells totals={totals} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Per session type or per cohort. */
export function BreakdownTable({ title, first, totals }: { title: string; first: string; totals: PurposeTotals }) {
  if (totals.groups.length === 0) return null;
  return (
    <div className="table-scroll" role="region" aria-label={title} tabIndex={0}>
      <table className="money-table">
        <caption>{title}（税込）</caption>
        <TotalsHead first={first} />
        <tbody>
          {totals.groups.map((g) => (
            <tr key={g.groupId ?? g.label}>
              <th scope="row">{g.label}</th>
              <TotalsCells totals={g} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function amountText(line: LedgerLine): string {
  if (line.kind === 'payment') return formatYenAmount(line.amountYen);
  if (line.kind === 'fee_kept') return `（${formatYenAmount(line.amountYen)}）`;
  return `−${formatYenAmount(line.amountYen)}`;
}

/**
 * Each payment, refund and fee kept, with a link to the booking or the cohort's roster. A table
 * on a wide screen; on a phone each row is a small card (admin.css), so nothing is squeezed.
 */
export function LedgerTable({ lines, label }: { lines: LedgerLine[]; label: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="ledger">
        <thead>
          <tr>
            <th scope="col">日時（日本時間）</th>
            <th scope="col">クライアント</th>
            <th scope="col">内容</th>
            <th scope="col">区分</th>
            <th scope="col">金額（税込）</th>
            <th scope="col">支払方法</th>
            <th scope="col">状態</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={`${l.kind}-${l.paymentId}-${l.stripeRefundId ?? l.at.getTime()}`}>
              <td className="ledger__at">
                <KeepWhole text={formatDateTimeJa(l.at, tz)} />
              </td>
              <td className="ledger__who">{l.clientName ? `${l.clientName} 様` : '（退会済み）'}</td>
              <td className="ledger__what">
                {l.href ? <Link href={l.href}>{l.groupLabel}</Link> : l.groupLabel}
                {l.sessionStartsAt ? (
                  <span className="money-note ledger__session">
                    <KeepWhole text={`${formatDateTimeJa(l.sessionStartsAt, tz)}の回`} />
                  </span>
                ) : null}
              </td>
              <td className="ledger__kind">{ledgerKindLabel[l.kind]}</td>
              <td className="money ledger__amount">{amountText(l)}</td>
              <td className="ledger__method">{methodLabel(l) || '—'}</td>
              <td className="ledger__state">{l.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
