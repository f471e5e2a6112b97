/** Money as the practice shows it. Dates and times are in lib/time. */

/** 11,000円（税込）: yen have no minor unit, so the amount is shown as stored. */
export function formatYen(amount: number): string {
  if (!Number.isInteger(amount)) throw new RangeError(`yen amounts are integers, got ${amount}`);
  return `${amount.toLocaleString('ja-JP')}円（税込）`;
}
