/**
 * `GET|POST /voucher/:paymentIntentId`: the konbini voucher Stripe hosts (`hosted_voucher_url`),
 * with the test controls a real voucher lacks: mark it paid or expired, which sends
 * `checkout.session.async_payment_succeeded` / `_failed`, signed and retried like every event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendHtml } from './http';
import { escapeHtml, formatYen, layout, renderNoticePage } from './hosted-page';
import { messages } from './messages';
import { sessionOfIntent, settleAsyncPayment } from './payments';
import type { Store } from './store';
import type { PaymentIntent } from './types';

const chains = {
  familymart: 'ファミリーマート',
  lawson: 'ローソン',
  ministop: 'ミニストップ',
  seicomart: 'セイコーマート',
};

function deadlineJst(seconds: number): string {
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(seconds * 1000));
}

function renderVoucher(intent: PaymentIntent, status?: string): string {
  const voucher = intent.next_action?.konbini_display_details;
  const state =
    intent.status === 'succeeded'
      ? messages.voucherPaid
      : intent.status === 'requires_payment_method'
        ? messages.voucherExpired
        : undefined;
  const note = status ?? state;
  const body = [`<h1>${messages.voucherTitle}</h1>`];
  if (note) body.push(`<p class="notice" role="status">${escapeHtml(note)}</p>`);
  if (voucher && intent.status === 'requires_action') {
    const stores = Object.entries(voucher.stores)
      .map(
        ([chain, details]) =>
          `<li><span>${chains[chain as keyof typeof chains]}</span><span>${escapeHtml(details.payment_code)}</span></li>`,
      )
      .join('');
    body.push(`<section aria-labelledby="voucher-heading">
<h2 id="voucher-heading">${messages.voucherNumber}</h2>
<p class="total"><span data-testid="confirmation-number">${escapeHtml(voucher.stores.lawson.confirmation_number)}</span></p>
<ul>
<li><span>${messages.voucherAmount}</span><span>${formatYen(intent.amount)}</span></li>
<li><span>${messages.voucherDeadline}</span><span>${deadlineJst(voucher.expires_at)}</span></li>
</ul>
<p class="hint">${messages.voucherHint}</p>
<h2>${messages.voucherCodes}</h2>
<ul>${stores}</ul>
</section>
<form method="post" aria-labelledby="controls-heading">
<h2 id="controls-heading">${messages.voucherTestControls}</h2>
<button type="submit" name="outcome" value="succeeded">${messages.voucherMarkPaid}</button>
<button type="submit" name="outcome" value="failed" class="secondary">${messages.voucherMarkExpired}</button>
</form>`);
  }
  return layout(body.join('\n'));
}

export async function handleVoucherPage(
  req: IncomingMessage,
  res: ServerResponse,
  store: Store,
  intentId: string,
): Promise<void> {
  const intent = store.paymentIntents.get(intentId);
  const record = intent ? sessionOfIntent(store, intentId) : undefined;
  if (!intent || !record || !intent.payment_method_types.includes('konbini'))
    return sendHtml(res, 404, renderNoticePage(messages.voucherNotFound));
  if (req.method === 'GET' || req.method === 'HEAD') return sendHtml(res, 200, renderVoucher(intent));
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, HEAD, POST' });
    res.end();
    return;
  }
  const outcome = new URLSearchParams(await readBody(req)).get('outcome');
  if (outcome !== 'succeeded' && outcome !== 'failed') return sendHtml(res, 400, renderVoucher(intent));
  const result = settleAsyncPayment(store, record, outcome);
  return sendHtml(res, result.ok ? 200 : 409, renderVoucher(intent, result.ok ? undefined : messages.voucherNotFound));
}
