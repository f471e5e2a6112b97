/**
 * PayPay in Checkout, as Stripe runs it: a redirect method. The client chooses PayPay on the
 * hosted page, is sent to PayPay to authorise the payment, and comes back: approved, the
 * session completes paid at once (like a card, `checkout.session.completed` with
 * `payment_status: 'paid'`); declined, she is back on the hosted page, the session still open,
 * and can choose again. JPY one-time payments only; refunds go through `POST /v1/refunds`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, formatYen, renderNoticePage, layout } from './hosted-page';
import { readBody, sendHtml, sendRedirect } from './http';
import { messages } from './messages';
import { complete, createPaymentIntent, type PayResult, redirectUrlFor, succeedPaymentIntent } from './payments';
import { paypayAuthorisationPath, paypayDeclinedPath } from './paypay-path';
import type { Store } from './store';
import type { SessionRecord } from './types';

export type PaypayOutcome = 'approve' | 'decline';

export type PaypayResult = PayResult | { kind: 'declined'; url: string };

/** What PayPay's answer does to the session. */
export function authorisePaypay(store: Store, record: SessionRecord, outcome: PaypayOutcome): PaypayResult {
  const { session } = record;
  if (session.status !== 'open') return { kind: 'closed', status: session.status };
  if (!session.payment_method_types.includes('paypay')) return { kind: 'method_unavailable' };
  if (outcome === 'decline') return { kind: 'declined', url: paypayDeclinedPath(session.id) };
  const intent = createPaymentIntent(store, record, 'paypay');
  succeedPaymentIntent(store, intent, { type: 'paypay', paypay: {} });
  complete(record, intent, 'paid');
  store.emit('checkout.session.completed', session);
  return { kind: 'paid', session, redirectUrl: redirectUrlFor(session) };
}

function authorisationPage(record: SessionRecord): string {
  const { session } = record;
  return layout(`<h1>${messages.paypayTitle}</h1>
<section aria-labelledby="paypay-heading">
<h2 id="paypay-heading">${messages.paypayAsk}</h2>
<p class="total"><span>${messages.total}</span><span>${formatYen(session.amount_total)}</span></p>
<p class="hint">${messages.paypayHint}</p>
</section>
<form method="post" action="${escapeHtml(paypayAuthorisationPath(session.id))}">
<button type="submit" name="outcome" value="approve">${messages.paypayApprove}</button>
<button type="submit" name="outcome" value="decline" class="secondary">${messages.paypayDecline}</button>
</form>`);
}

/** `GET|POST /checkout/:id/paypay`: the stand-in for PayPay's authorisation page. */
export async function handlePaypayPage(
  req: IncomingMessage,
  res: ServerResponse,
  store: Store,
  id: string,
): Promise<void> {
  const record = store.sessions.get(id);
  if (!record) return sendHtml(res, 404, renderNoticePage(messages.notFound));
  const checkoutPath = `/checkout/${encodeURIComponent(id)}`;
  if (req.method === 'GET' || req.method === 'HEAD') {
    // Closed, or PayPay not offered: back to the hosted page, which says why.
    if (record.session.status !== 'open' || !record.session.payment_method_types.includes('paypay'))
      return sendRedirect(res, checkoutPath);
    return sendHtml(res, 200, authorisationPage(record));
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, HEAD, POST' });
    res.end();
    return;
  }
  const outcome = new URLSearchParams(await readBody(req)).get('outcome') === 'approve' ? 'approve' : 'decline';
  const result = authorisePaypay(store, record, outcome);
  switch (result.kind) {
    case 'paid':
      return result.redirectUrl
        ? sendRedirect(res, result.redirectUrl)
        : sendHtml(res, 200, renderNoticePage(messages.paidNoRedirect));
    case 'declined':
      return sendRedirect(res, result.url);
    default:
      return sendRedirect(res, checkoutPath);
  }
}
