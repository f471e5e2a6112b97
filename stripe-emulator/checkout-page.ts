/** `GET|POST /checkout/:id`: the hosted page a client is sent to, and its form submission. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendHtml, sendRedirect } from './http';
import { renderCheckoutPage, renderNoticePage } from './hosted-page';
import { messages } from './messages';
import { paySession, type PaymentChoice } from './payments';
import type { Store } from './store';
import type { SessionRecord } from './types';

function closedPage(record: SessionRecord): string {
  const { session } = record;
  return session.status === 'expired'
    ? renderNoticePage(messages.sessionExpired, session.cancel_url)
    : renderNoticePage(messages.sessionComplete, session.success_url?.replaceAll('{CHECKOUT_SESSION_ID}', session.id));
}

export async function handleCheckoutPage(
  req: IncomingMessage,
  res: ServerResponse,
  store: Store,
  id: string,
): Promise<void> {
  const record = store.sessions.get(id);
  if (!record) return sendHtml(res, 404, renderNoticePage(messages.notFound));

  if (req.method === 'GET' || req.method === 'HEAD') {
    if (record.session.status !== 'open') return sendHtml(res, 200, closedPage(record));
    // Back from a declined PayPay authorisation, as Stripe returns the client: the session still open.
    const declined = new URL(req.url ?? '/', 'http://emulator').searchParams.get('declined') === 'paypay';
    return sendHtml(res, 200, renderCheckoutPage(record, declined ? { alert: messages.paypayDeclined } : {}));
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, HEAD, POST' });
    res.end();
    return;
  }

  const form = new URLSearchParams(await readBody(req));
  const method = form.get('method');
  const choice: PaymentChoice =
    method === 'konbini' || method === 'paypay'
      ? { method }
      : {
          method: 'card',
          card: {
            number: form.get('card_number') ?? form.get('card') ?? '',
            expiry: form.get('expiry') ?? undefined,
            cvc: form.get('cvc') ?? undefined,
          },
        };
  const result = paySession(store, record, choice);
  switch (result.kind) {
    case 'paid':
      if (result.redirectUrl) return sendRedirect(res, result.redirectUrl);
      return sendHtml(res, 200, renderNoticePage(messages.paidNoRedirect));
    case 'authorise':
      return sendRedirect(res, result.url);
    case 'card_error':
      return sendHtml(res, 402, renderCheckoutPage(record, { error: result.error }));
    case 'method_unavailable':
      return sendHtml(res, 400, renderCheckoutPage(record, { alert: messages.methodNotAvailable }));
    case 'closed':
      return sendHtml(res, 409, closedPage(record));
  }
}
