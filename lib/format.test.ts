import { describe, expect, it } from 'vitest';
import { formatYen, formatYenAmount } from './format';

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
