import { serviceContext } from '@/lib/data';
import { unsubscribe } from '@/features/newsletter/service';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const pagePath = '/newsletter/unsubscribe';

/** Back to the unsubscribe page (a relative address: the app may sit behind a proxy). */
const backToPage = (query: string) =>
  new Response(null, { status: 303, headers: { Location: `${pagePath}?${query}` } });

/**
 * RFC 8058 one-click unsubscribe: mail apps POST `List-Unsubscribe=One-Click` to the address
 * in the List-Unsubscribe header, without cookies or a sign-in. The token alone decides.
 * There is no GET: link scanners that prefetch URLs must not unsubscribe anyone.
 * The unsubscribe page's button posts here too when the browser runs no JavaScript
 * (`via=page`); that answer goes back to the page.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const form = await request.formData().catch(() => null);
  const fromPage = form?.get('via') === 'page';
  const invalid = () => (fromPage ? backToPage('invalid=1') : new Response('invalid token', { status: 404 }));
  if (token.length < 20 || token.length > 200) return invalid();
  try {
    await unsubscribe(await serviceContext(), { token, via: fromPage ? pagePath : 'List-Unsubscribe-Post' });
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid') return invalid();
    throw err;
  }
  if (fromPage) return backToPage('done=1');
  return new Response('unsubscribed', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
