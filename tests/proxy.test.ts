import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionBodyLimitBytes, proxy } from '../proxy';

const base = 'http://localhost:3000';
const actionHeaders = { 'next-action': 'abc123', host: 'localhost:3000', 'content-type': 'text/plain;charset=UTF-8' };

function request(path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) {
  return new NextRequest(new URL(path, base), init);
}

afterEach(() => vi.unstubAllEnvs());

describe('proxy', () => {
  it.each(['/articles/%ZZ', '/portal/bookings/%C0%AF', '/articles/%00', '/admin/clients/%0d%0a', '/%E0%A4%A'])(
    'gives %s the not-found page',
    async (path) => {
      const response = await proxy(request(path));
      expect(response.headers.get('x-middleware-rewrite')).toBe(`${base}/_malformed-request`);
    },
  );

  it('lets well-formed paths through, Japanese ones included', async () => {
    for (const path of ['/articles/%E8%A8%98%E4%BA%8B', '/articles?q=%00', '/']) {
      const response = await proxy(request(path));
      expect(response.headers.get('x-middleware-rewrite')).toBeNull();
      expect(response.headers.get('x-middleware-next')).toBe('1');
    }
  });

  it('sends signed-out visitors of the portal to sign in', async () => {
    const response = await proxy(request('/portal/account?tab=1'));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${base}/login?callbackUrl=%2Fportal%2Faccount%3Ftab%3D1`);
    expect((await proxy(request('/portalx'))).status).toBe(200);
  });

  it('refuses server actions from a foreign origin with 403 and the security headers', async () => {
    const response = await proxy(
      request('/login', { method: 'POST', headers: { ...actionHeaders, origin: 'https://evil.example' }, body: '[]' }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const same = await proxy(
      request('/login', { method: 'POST', headers: { ...actionHeaders, origin: base }, body: '[]' }),
    );
    expect(same.headers.get('x-middleware-next')).toBe('1');
  });

  it('refuses an action body over the limit with 413 and one that is not JSON with 400', async () => {
    const big = await proxy(
      request('/login', {
        method: 'POST',
        headers: { ...actionHeaders, origin: base, 'content-length': String(actionBodyLimitBytes + 1) },
      }),
    );
    expect(big.status).toBe(413);
    const bad = await proxy(
      request('/login', { method: 'POST', headers: { ...actionHeaders, origin: base }, body: '{"not json' }),
    );
    expect(bad.status).toBe(400);
  });

  it('drops a caller’s X-Forwarded-For unless a trusted proxy is configured', async () => {
    const spoofed = { 'x-forwarded-for': '6.6.6.6' };
    const untrusted = await proxy(request('/articles', { headers: spoofed }));
    expect(untrusted.headers.get('x-middleware-override-headers')?.split(',')).not.toContain('x-forwarded-for');
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
    const trusted = await proxy(request('/articles', { headers: spoofed }));
    expect(trusted.headers.get('x-middleware-override-headers')?.split(',')).toContain('x-forwarded-for');
    expect(trusted.headers.get('x-middleware-request-x-forwarded-for')).toBe('6.6.6.6');
  });

  it('gives every request an id, on the request the app sees and on the answer', async () => {
    const fresh = await proxy(request('/articles'));
    const id = fresh.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers.get('x-middleware-request-x-request-id')).toBe(id);

    const passedOn = await proxy(request('/articles', { headers: { 'x-request-id': 'nginx-3f2a' } }));
    expect(passedOn.headers.get('x-request-id')).toBe('nginx-3f2a');
    expect(passedOn.headers.get('x-middleware-request-x-request-id')).toBe('nginx-3f2a');

    // A value that could forge a log line is replaced, on refusals and redirects too.
    const forged = await proxy(request('/portal', { headers: { 'x-request-id': 'a"} {"level":"info"' } }));
    expect(forged.status).toBe(307);
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
