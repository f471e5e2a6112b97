/** The hosted checkout page: plain HTML with inline CSS, usable at 360 px, every input labelled. */
import { messages } from './messages';
import type { CardError } from './payments';
import type { SessionRecord } from './types';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatYen(amount: number): string {
  return `${amount.toLocaleString('ja-JP')}円（税込）`;
}

const styles = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;background:#f6f7f9;color:#1a1a1a;line-height:1.6}
main{max-width:28rem;margin:0 auto;padding:1rem}
.badge{background:#fff4d6;border:1px solid #e0c068;border-radius:.5rem;padding:.5rem .75rem;font-size:.875rem}
h1{font-size:1.5rem;margin:1rem 0}
h2{font-size:1.125rem;margin:1.25rem 0 .5rem}
section,form{background:#fff;border:1px solid #d9dce1;border-radius:.75rem;padding:1rem;margin:0 0 1rem}
ul{list-style:none;margin:0;padding:0}
li{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem .75rem;padding:.5rem 0;border-bottom:1px solid #eceef1}
.item-description{flex-basis:100%;color:#555;font-size:.875rem}
.total{display:flex;justify-content:space-between;font-weight:bold;margin:.75rem 0 0;font-size:1.125rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{width:100%;font-size:1rem;padding:.75rem;border:1px solid #8a9099;border-radius:.5rem}
input[aria-invalid=true]{border-color:#b3261e;border-width:2px}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.row{display:flex;gap:.75rem}
.row>div{flex:1;min-width:0}
.hint{font-size:.8125rem;color:#555;margin:.25rem 0 0}
button{width:100%;margin-top:1.25rem;padding:.875rem;font-size:1.0625rem;font-weight:bold;color:#fff;background:#1a5fb4;border:0;border-radius:.5rem;cursor:pointer}
button.secondary{color:#1a5fb4;background:#fff;border:1px solid #1a5fb4}
.alert{background:#fdecea;border:1px solid #b3261e;color:#8c1d18;border-radius:.5rem;padding:.75rem;margin:0 0 1rem}
.notice{background:#fff;border:1px solid #d9dce1;border-radius:.75rem;padding:1rem}
a{color:#1a5fb4}
.cancel{display:block;text-align:center;padding:.75rem}
`;

export function layout(body: string): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${messages.title} | テスト環境</title>
<style>${styles}</style>
</head>
<body>
<main>
<p class="badge">${messages.testBadge}</p>
${body}
</main>
</body>
</html>`;
}

function summary(record: SessionRecord): string {
  const items = record.lineItems
    .map(
      (item) =>
        `<li><span>${escapeHtml(item.name)}</span>${item.quantity > 1 ? `<span>${messages.quantity(item.quantity)}</span>` : ''}<span>${formatYen(item.unitAmount * item.quantity)}</span>${
          item.description ? `<span class="item-description">${escapeHtml(item.description)}</span>` : ''
        }</li>`,
    )
    .join('');
  return `<section aria-labelledby="summary-heading">
<h2 id="summary-heading">${messages.orderSummary}</h2>
<ul>${items}</ul>
<p class="total"><span>${messages.total}</span><span>${formatYen(record.session.amount_total)}</span></p>
</section>`;
}

function cardForm(action: string, error: CardError | undefined): string {
  const invalid = (field: CardError['field'], hint = '') =>
    error?.field === field
      ? ` aria-invalid="true" aria-describedby="payment-error${hint && ` ${hint}`}"`
      : hint && ` aria-describedby="${hint}"`;
  return `<form method="post" action="${action}" aria-labelledby="card-heading">
<h2 id="card-heading">${messages.cardSection}</h2>
<input type="hidden" name="method" value="card">
<label for="card_number">${messages.cardNumber}</label>
<input id="card_number" name="card_number" type="text" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required${invalid('card_number', 'card-hint')}>
<p class="hint" id="card-hint">${messages.testCards}</p>
<div class="row">
<div><label for="expiry">${messages.expiry}</label>
<input id="expiry" name="expiry" type="text" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" required${invalid('expiry')}></div>
<div><label for="cvc">${messages.cvc}</label>
<input id="cvc" name="cvc" type="text" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required${invalid('cvc')}></div>
</div>
<button type="submit">${messages.pay}</button>
</form>`;
}

function konbiniForm(action: string): string {
  return `<form method="post" action="${action}" aria-labelledby="konbini-heading">
<h2 id="konbini-heading">${messages.konbiniSection}</h2>
<input type="hidden" name="method" value="konbini">
<p class="hint">${messages.konbiniHint}</p>
<button type="submit">${messages.konbiniPay}</button>
</form>`;
}

function paypayForm(action: string): string {
  return `<form method="post" action="${action}" aria-labelledby="paypay-heading">
<h2 id="paypay-heading">${messages.paypaySection}</h2>
<input type="hidden" name="method" value="paypay">
<p class="hint">${messages.paypayFormHint}</p>
<button type="submit">${messages.paypayPay}</button>
</form>`;
}

export function renderCheckoutPage(record: SessionRecord, options: { error?: CardError; alert?: string } = {}): string {
  const { session } = record;
  const action = `/checkout/${encodeURIComponent(session.id)}`;
  const alertText = options.error?.message ?? options.alert;
  const alert = alertText ? `<div class="alert" role="alert" id="payment-error">${escapeHtml(alertText)}</div>` : '';
  const forms = [
    session.payment_method_types.includes('card') ? cardForm(action, options.error) : '',
    session.payment_method_types.includes('konbini') ? konbiniForm(action) : '',
    session.payment_method_types.includes('paypay') ? paypayForm(action) : '',
  ].join('\n');
  const cancel = session.cancel_url
    ? `<a class="cancel" href="${escapeHtml(session.cancel_url)}">${messages.cancel}</a>`
    : '';
  return layout(`<h1>${messages.title}</h1>\n${summary(record)}\n${alert}\n${forms}\n${cancel}`);
}

/** A session that can no longer be paid, or one that was paid with no success_url to return to. */
export function renderNoticePage(message: string, link?: string | null): string {
  const back = link ? `<a class="cancel" href="${escapeHtml(link)}">${messages.back}</a>` : '';
  return layout(`<h1>${messages.title}</h1>\n<p class="notice" role="status">${escapeHtml(message)}</p>\n${back}`);
}
