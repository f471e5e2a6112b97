import { formatYen } from '@/lib/format';

/** 33,000円（税込）, or a range when a course's open cohorts differ in price. */
export function coursePriceText(price: { minYen: number; maxYen: number }): string {
  return price.minYen === price.maxYen
    ? formatYen(price.minYen)
    : `${formatYen(price.minYen)}〜${formatYen(price.maxYen)}`;
}
