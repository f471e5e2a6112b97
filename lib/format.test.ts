import { describe, expect, it } from 'vitest';
import { formatYen } from './format';

describe('money', () => {
  it('formats yen tax-inclusive without minor units', () => {
    expect(formatYen(11000)).toBe('11,000円（税込）');
    expect(formatYen(0)).toBe('0円（税込）');
    expect(() => formatYen(110.5)).toThrow(RangeError);
  });
});
