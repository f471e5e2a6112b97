/** Money as the practice shows it. Dates and times are in lib/time. */

/** 11,000円（税込）: yen have no minor unit, so the amount is shown as stored. */
export function formatYen(amount: number): string {
  if (!Number.isInteger(amount)) throw new RangeError(`yen amounts are integers, got ${amount}`);
  return `${amount.toLocaleString('ja-JP')}円（税込）`;
}

/**
 * 11,000円, without （税込）: only where the line or table already says the amounts are
 * tax-inclusive once (a receipt's 税込金額, the cancellation table), so it is not said twice.
 */
export function formatYenAmount(amount: number): string {
  if (!Number.isInteger(amount)) throw new RangeError(`yen amounts are integers, got ${amount}`);
  return `${amount.toLocaleString('ja-JP')}円`;
}

/**
 * What must never break across lines in running text: an amount with its percentage and
 * （税込） (50%・5,500円（税込）), a bare percentage, a date with its weekday (2026年12月4日(金),
 * 12月4日(金)), a time or time range (14:00〜15:00).
 */
const unbreakable =
  /((?:\d+%・)?[−-]?\d[\d,]*円(?:（税込）)?|\d+%|(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:\([日月火水木金土]\))?|\d{1,2}:\d{2}(?:〜\d{1,2}:\d{2})?)/;

/**
 * A sentence cut into its plain parts and the parts to keep whole, alternating: even indexes are
 * plain text, odd indexes must stay on one line (components/ui/keep-whole.tsx renders them).
 */
export function splitUnbreakable(text: string): string[] {
  return text.split(unbreakable);
}
