import { describe, expect, it } from 'vitest';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { safeCallbackUrl } from './callback-url';
import { windowStartFor } from './rate-limit';

describe('safeCallbackUrl', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackUrl('/portal/account')).toBe('/portal/account');
    expect(safeCallbackUrl('/book/online-60?slot=2026-12-03T05:00:00Z')).toBe(
      '/book/online-60?slot=2026-12-03T05:00:00Z',
    );
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    '',
    undefined,
    42,
    '/login',
    '/api/auth/signout',
  ])('replaces %s with the portal', (value) => {
    expect(safeCallbackUrl(value)).toBe('/portal');
  });
});

describe('clientIpFrom', () => {
  it('takes the address the nearest proxy saw, not what the caller claims', () => {
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientIpFrom(new Headers())).toBe('unknown');
  });
});

describe('windowStartFor', () => {
  it('puts instants of one window together', () => {
    const a = windowStartFor(new Date('2026-11-22T10:00:01Z'), 900);
    const b = windowStartFor(new Date('2026-11-22T10:14:59Z'), 900);
    const c = windowStartFor(new Date('2026-11-22T10:15:00Z'), 900);
    expect(a).toEqual(b);
    expect(c.getTime() - a.getTime()).toBe(900_000);
  });
});
