import { describe, expect, it } from 'vitest';
import { canonicalForm, parseForm } from './form';

describe('parseForm', () => {
  it('expands nested keys, indexed arrays and pushed arrays', () => {
    const parsed = parseForm(
      'mode=payment&line_items[0][price_data][unit_amount]=11000&line_items[0][quantity]=1&line_items[1][quantity]=2&metadata[a]=x&expand[]=payment_intent&expand[]=line_items',
    );
    expect(JSON.parse(JSON.stringify(parsed))).toEqual({
      mode: 'payment',
      line_items: [{ price_data: { unit_amount: '11000' }, quantity: '1' }, { quantity: '2' }],
      metadata: { a: 'x' },
      expand: ['payment_intent', 'line_items'],
    });
  });

  it('decodes percent-encoded brackets and keeps __proto__ an ordinary key', () => {
    const parsed = parseForm('metadata%5Bname%5D=%E5%B1%B1%E7%94%B0&metadata[__proto__][polluted]=1');
    expect(parsed.metadata).toMatchObject({ name: '山田' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives the same canonical form whatever the key order', () => {
    expect(canonicalForm(parseForm('a=1&b[c]=2&b[d]=3'))).toBe(canonicalForm(parseForm('b[d]=3&a=1&b[c]=2')));
  });
});
