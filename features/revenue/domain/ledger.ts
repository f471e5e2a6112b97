/**
 * The month's money as lines of a ledger, and the overview summed from them. Cash basis, as a
 * sole proprietor's 確定申告 counts it: a payment belongs to the day it was paid, a refund to
 * the day it was made (ours: when recorded; one made in the Stripe dashboard: when Stripe told
 * us). A cancellation fee kept (キャンセル料) is no money moving: it is the part of a cancelled
 * session's or seat's payment that was not given back, counted on the day of the cancellation,
 * and is already inside what was paid, so it is shown beside the net, never added to it.
 */
import type { PaymentMethod, PaymentPurpose } from '@/db/schema';
import { methodLabels } from '@/features/payments/domain/methods';

export type LedgerKind = 'payment' | 'refund' | 'refund_outside' | 'fee_kept';

export const ledgerKindLabel: Record<LedgerKind, string> = {
  payment: '入金',
  refund: '返金',
  refund_outside: '返金（Stripeの管理画面）',
  fee_kept: 'キャンセル料',
};

export type LedgerLine = {
  kind: LedgerKind;
  at: Date;
  /** Always positive; `signedYen` gives its direction. */
  amountYen: number;
  paymentId: string;
  purpose: PaymentPurpose;
  /** The session type's, the cohort's or the package's id: what the overview groups by. */
  groupId: string | null;
  /** オンラインセッション（60分）, 講座名・第1期, or 3回券 */
  groupLabel: string;
  clientName: string | null;
  /** The session's start (a course seat has none). */
  sessionStartsAt: Date | null;
  state: string;
  /** The admin page of what was paid for: the booking, or the cohort's roster. */
  href: string | null;
  bookingId: string | null;
  enrollmentId: string | null;
  stripeCheckoutSessionId: string | null;
  stripePaymentIntentId: string | null;
  stripeRefundId: string | null;
  /** A payment line's coupon discount (its amountYen is what was actually paid) and code; 0 and null otherwise. */
  discountYen: number;
  couponCode: string | null;
  /** How the payment was made (a refund goes back the same way); null when Stripe did not say. */
  method: PaymentMethod | null;
};

/** Money in (+) or out (−) of a line; a fee kept moves nothing. */
export function signedYen(line: Pick<LedgerLine, 'kind' | 'amountYen'>): number {
  if (line.kind === 'payment') return line.amountYen;
  if (line.kind === 'fee_kept') return 0;
  return -line.amountYen;
}

export type Totals = { paidYen: number; refundedYen: number; netYen: number; feesKeptYen: number };
export type GroupTotals = Totals & { groupId: string | null; label: string };
export type PurposeTotals = Totals & { groups: GroupTotals[] };
export type Overview = { total: Totals; booking: PurposeTotals; course: PurposeTotals; package: PurposeTotals };

const zero = (): Totals => ({ paidYen: 0, refundedYen: 0, netYen: 0, feesKeptYen: 0 });

function add(totals: Totals, line: LedgerLine): void {
  if (line.kind === 'payment') totals.paidYen += line.amountYen;
  else if (line.kind === 'fee_kept') totals.feesKeptYen += line.amountYen;
  else totals.refundedYen += line.amountYen;
  totals.netYen = totals.paidYen - totals.refundedYen;
}

/** The overview of some lines: in all, for sessions, courses and packages (回数券), and per session type / cohort / package (by label). */
export function summarize(lines: readonly LedgerLine[]): Overview {
  const overview: Overview = {
    total: zero(),
    booking: { ...zero(), groups: [] },
    course: { ...zero(), groups: [] },
    package: { ...zero(), groups: [] },
  };
  const groups = new Map<string, GroupTotals>();
  for (const line of lines) {
    add(overview.total, line);
    const purpose = overview[line.purpose];
    add(purpose, line);
    const key = `${line.purpose}:${line.groupId ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { ...zero(), groupId: line.groupId, label: line.groupLabel };
      groups.set(key, group);
      purpose.groups.push(group);
    }
    add(group, line);
  }
  for (const purpose of [overview.booking, overview.course, overview.package]) {
    purpose.groups.sort((a, b) => a.label.localeCompare(b.label, 'ja'));
  }
  return overview;
}

export const purposeLabel = { booking: 'セッション', course: '講座', package: '回数券' } as const;

/** How the money moved: the method the client paid with in Stripe Checkout, which a refund goes back to. */
export function methodLabel(line: Pick<LedgerLine, 'kind' | 'method'>): string {
  if (line.kind === 'fee_kept' || !line.method) return '';
  return methodLabels[line.method];
}
