import { getDb } from '@/db';
import { unsubscribe } from '@/features/newsletter/service';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/**
 * RFC 8058 one-click unsubscribe: mail apps POST `List-Unsubscribe=One-Click` to the address
 * in the List-Unsubscribe header, without cookies or a sign-in. The token alone decides.
 * There is no GET: link scanners that prefetch URLs must not unsubscribe anyone.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  if (token.length < 20 || token.length > 200) return new Response('invalid token', { status: 404 });
  try {
    await unsubscribe(await getDb(), token, new Date(), 'List-Unsubscribe-Post');
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid') return new Response('invalid token', { status: 404 });
    throw err;
  }
  return new Response('unsubscribed', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
