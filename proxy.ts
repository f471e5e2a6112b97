import { type NextRequest, NextResponse } from 'next/server';
import { requestIdFor, requestIdHeader } from './lib/request-id';
import { securityHeaders } from './lib/security-headers';

/** Next's own limit for server action bodies (next.config serverActions.bodySizeLimit). */
export const actionBodyLimitBytes = 1024 * 1024;
const controlCharacters = /[\u0000-\u001f\u007f]/;

/** The path decoded once, or null when its percent-encoding is malformed (`%ZZ`, `%C0%AF`). */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** A short refusal with the same security headers as every page. */
function refuse(status: number, message: string): NextResponse {
  const response = new NextResponse(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  for (const { key, value } of securityHeaders(process.env.NODE_ENV === 'production')) response.headers.set(key, value);
  return response;
}

/**
 * What Next answers with a bare 500 for a server action (issue #14): a foreign Origin, a body
 * over the limit, a body that is not the JSON the client sends. Refused here with a 4xx.
 */
async function refusedAction(request: NextRequest): Promise<NextResponse | null> {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin) {
    let originHost: string | null = null;
    try {
      originHost = origin === 'null' ? 'null' : new URL(origin).host;
    } catch {
      // unparsable: refused below
    }
    if (!host || originHost !== host) return refuse(403, 'Forbidden');
  }
  const length = Number(request.headers.get('content-length') ?? 0);
  if (!Number.isFinite(length) || length > actionBodyLimitBytes) return refuse(413, 'Payload Too Large');
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('text/plain')) {
    // A fetch action's arguments, as React encodes them: JSON (a chunked body has no length).
    const body = await request.clone().text();
    if (new TextEncoder().encode(body).length > actionBodyLimitBytes) return refuse(413, 'Payload Too Large');
    try {
      JSON.parse(body);
    } catch {
      return refuse(400, 'Bad Request');
    }
  }
  return null;
}

/**
 * Runs before routing, on every page and route:
 *  - a path with malformed percent-encoding or a control character (NUL among them) gets the
 *    normal not-found page, instead of a bare 500 from Next's router or PostgreSQL;
 *  - server action POSTs that Next would answer with 500 get a 4xx;
 *  - X-Forwarded-For from the caller is dropped unless a trusted proxy sets it
 *    (TRUSTED_PROXY_HOPS), so Next fills it with the socket's address (lib/auth/client-ip);
 *  - signed-out visitors of the portal and the admin are sent to sign in, and back afterwards.
 *    It only looks for a session cookie: every page, action and route checks the caller itself.
 * Every answer, and the request the app sees, carries the request id (lib/request-id).
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdFor(request.headers.get(requestIdHeader));
  const response = await route(request, requestId);
  response.headers.set(requestIdHeader, requestId);
  return response;
}

async function route(request: NextRequest, requestId: string): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const decoded = decodedPath(pathname);
  if (decoded === null || controlCharacters.test(decoded)) {
    return NextResponse.rewrite(new URL('/_malformed-request', request.url));
  }
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const refused = await refusedAction(request);
    if (refused) return refused;
  }
  const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS || 0);
  const headers = new Headers(request.headers);
  if (!(trustedHops > 0)) headers.delete('x-forwarded-for');
  headers.set(requestIdHeader, requestId);

  const isProtected = /^\/(portal|admin)(\/|$)/.test(pathname);
  const signedIn = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (isProtected && !signedIn) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything but Next's own static files.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
