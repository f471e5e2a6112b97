import { describe, expect, it } from 'vitest';
import { formatYen, formatYenAmount, splitUnbreakable } from './format';

describe('money', () => {
  it('formats yen tax-inclusive without minor units', () => {
    expect(formatYen(11000)).toBe('11,000円（税込）');
    expect(formatYen(0)).toBe('0円（税込）');
    expect(() => formatYen(110.5)).toThrow(RangeError);
  });

  it('gives the bare amount where the tax-inclusive note is said once for the whole table or line', () => {
    expect(formatYenAmount(11000)).toBe('11,000円');
    expect(() => formatYenAmount(1.5)).toThrow(RangeError);
  });
});

describe('splitUnbreakable', () => {
  it('keeps an amount with its percentage and （税込） whole, and leaves the words around it free', () => {
    expect(
      splitUnbreakable(
        '今キャンセルすると50%・55,000円（税込）のキャンセル料がかかります。返金額は55,000円（税込）です。',
      ),
    ).toEqual([
      '今キャンセルすると',
      '50%・55,000円（税込）',
      'のキャンセル料がかかります。返金額は',
      '55,000円（税込）',
      'です。',
    ]);
  });

  it('keeps bare amounts, percentages and times whole', () => {
    expect(splitUnbreakable('100%・110,000円')).toEqual(['', '100%・110,000円', '']);
    expect(splitUnbreakable('手数料は5%です')).toEqual(['手数料は', '5%', 'です']);
    expect(splitUnbreakable('受付 10:00〜18:00')).toEqual(['受付 ', '10:00〜18:00', '']);
  });

  it('keeps a date with its weekday whole, and its time apart from it', () => {
    expect(splitUnbreakable('2026年12月4日(金) 06:57の回')).toEqual(['', '2026年12月4日(金)', ' ', '06:57', 'の回']);
    expect(splitUnbreakable('12月14日(月)まで')).toEqual(['', '12月14日(月)', 'まで']);
  });

  it('returns text without any of them as it is', () => {
    expect(splitUnbreakable('返金はありません')).toEqual(['返金はありません']);
  });
});
