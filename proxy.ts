import { type NextRequest, NextResponse } from 'next/server';

/**
 * Sends signed-out visitors of the portal and the admin to sign in, and back afterwards.
 * It only looks for a session cookie: every page, action and route checks the caller itself.
 */
export function proxy(request: NextRequest) {
  const signedIn = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (signedIn) return NextResponse.next();
  const login = new URL('/login', request.url);
  login.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = { matcher: ['/portal/:path*', '/admin/:path*'] };
