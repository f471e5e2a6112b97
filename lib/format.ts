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
