import { describe, expect, it } from 'vitest';
import { clientIpFrom, trustedProxyHops } from '@/lib/auth/client-ip';
import { safeCallbackUrl } from './callback-url';
import { windowStartFor } from './rate-limit';

describe('safeCallbackUrl', () => {
  it('keeps paths on this site', () => {
    expect(safeCallbackUrl('/portal/account')).toBe('/portal/account');
    expect(safeCallbackUrl('/book/online-60?slot=2026-12-03T05:00:00Z')).toBe(
      '/book/online-60?slot=2026-12-03T05:00:00Z',
    );
  });

  it('percent-encodes what is not ASCII, so the path can go into a Location header', () => {
    expect(safeCallbackUrl('/記事')).toBe('/%E8%A8%98%E4%BA%8B');
    expect(safeCallbackUrl('/articles?q=こころ')).toBe('/articles?q=%E3%81%93%E3%81%93%E3%82%8D');
    expect(safeCallbackUrl('/portal/account#top')).toBe('/portal/account#top');
  });

  it.each([
    'https://evil.example/',
    'http://localhost:3000.evil.example/',
    '//evil.example/',
    '///evil.example/',
    '////evil.example/',
    '/\\evil.example',
    '/\\\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example/pwned',
    '/\t/127.0.0.1:4999/pwned',
    '/\r/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    '\t//evil.example',
    '/%09/evil.example',
    '/%0d/evil.example',
    '/%0A/evil.example',
    '/%5C/evil.example',
    '/%5c%5cevil.example',
    '/%2F/evil.example',
    '%2F%2Fevil.example',
    '/%2F%2Fevil.example',
    '/%ZZ',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'https:evil.example',
    '',
    undefined,
    null,
    42,
    ['/portal'],
    '/login',
    '/login?callbackUrl=//evil.example',
    '/register',
    '/api/auth/signout',
  ])('replaces %j with the portal', (value) => {
    expect(safeCallbackUrl(value)).toBe('/portal');
  });

  it('refuses an overlong value', () => {
    expect(safeCallbackUrl(`/${'a'.repeat(2100)}`)).toBe('/portal');
  });
});

describe('clientIpFrom', () => {
  it('takes the address the nearest trusted proxy saw, not what the caller claims', () => {
    const forwarded = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' });
    expect(clientIpFrom(forwarded, 1)).toBe('203.0.113.7');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '203.0.113.7' }), 1)).toBe('203.0.113.7');
    expect(clientIpFrom(new Headers(), 1)).toBe('unknown');
  });

  it('counts TRUSTED_PROXY_HOPS proxies from the end', () => {
    const twoProxies = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' });
    expect(clientIpFrom(twoProxies, 2)).toBe('203.0.113.7');
    expect(clientIpFrom(new Headers({ 'x-forwarded-for': '203.0.113.7' }), 3)).toBe('203.0.113.7');
  });

  it('trusts no proxy unless configured', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '' })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: 'yes' })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '-1' })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
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
