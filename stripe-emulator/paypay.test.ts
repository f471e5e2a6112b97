import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionParams, startEmulator, waitFor } from './test-support';

type Fixture = Awaited<ReturnType<typeof startEmulator>>;

describe('PayPay in Checkout (a redirect method, paid at once)', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startEmulator();
  });
  afterAll(() => f.close());

  const open = () =>
    f.stripe.checkout.sessions.create(sessionParams({ allowed_payment_method_types: ['card', 'paypay'] }));
  const choosePaypay = (url: string) =>
    fetch(url, { method: 'POST', body: new URLSearchParams({ method: 'paypay' }), redirect: 'manual' });
  const answer = (url: string, outcome: 'approve' | 'decline') =>
    fetch(url, { method: 'POST', body: new URLSearchParams({ outcome }), redirect: 'manual' });
  const eventsFor = (id: string) =>
    f.receiver.deliveries.filter((e) => (e.data.object as { id?: string }).id === id).map((e) => e.type);

  it('offers PayPay only when the session allows it', async () => {
    const cardOnly = await f.stripe.checkout.sessions.create(sessionParams());
    expect(await (await fetch(cardOnly.url!)).text()).not.toContain('PayPayへ進む');
    expect((await choosePaypay(cardOnly.url!)).status).toBe(400);
    const session = await open();
    expect(session.payment_method_types).toEqual(['card', 'paypay']);
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain('<h2 id="paypay-heading">PayPayでのお支払い</h2>');
    expect(html).toContain('>PayPayへ進む</button>');
  });

  it('declined on PayPay: back on the hosted page with a message, the session open, no event', async () => {
    const session = await open();
    const chosen = await choosePaypay(session.url!);
    expect(chosen.status).toBe(303);
    const authorisation = new URL(chosen.headers.get('location')!, f.emulator.url).toString();
    expect(authorisation).toBe(`${f.emulator.url}/checkout/${session.id}/paypay`);
    const page = await (await fetch(authorisation)).text();
    expect(page).toContain('11,000円（税込）');
    expect(page).toContain('>承認する</button>');
    expect(page).toContain('>承認しない</button>');

    const declined = await answer(authorisation, 'decline');
    expect(declined.status).toBe(303);
    const back = new URL(declined.headers.get('location')!, f.emulator.url).toString();
    expect(back).toBe(`${session.url}?declined=paypay`);
    expect(await (await fetch(back)).text()).toContain(
      'role="alert" id="payment-error">PayPayでのお支払いが承認されませんでした。',
    );
    expect(await f.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(eventsFor(session.id)).toEqual([]);
  });

  it('approved: paid at once, 303 to success_url, the method reported as Stripe does, signed completed event', async () => {
    const session = await open();
    await answer(`${f.emulator.url}/checkout/${session.id}/paypay`, 'decline');
    const approved = await answer(`${f.emulator.url}/checkout/${session.id}/paypay`, 'approve');
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`http://localhost:3000/book/success?session_id=${session.id}`);

    const paid = await f.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] });
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ status: 'succeeded', payment_method_types: ['paypay'], amount_received: 11_000 });
    expect((intent.latest_charge as Stripe.Charge).payment_method_details?.type).toBe('paypay');
    expect(await waitFor(() => eventsFor(session.id).length === 1 && eventsFor(session.id))).toEqual([
      'checkout.session.completed',
    ]);
    // Paid: PayPay's page and a second approval change nothing.
    expect((await answer(`${f.emulator.url}/checkout/${session.id}/paypay`, 'approve')).status).toBe(303);
    expect((await f.stripe.paymentIntents.retrieve(intent.id)).amount_received).toBe(11_000);

    // Partial, then full refunds of the PayPay charge, each reported by charge.refunded.
    await f.stripe.refunds.create({ payment_intent: intent.id, amount: 3_000 });
    await f.stripe.refunds.create({ payment_intent: intent.id });
    const refunded = await waitFor(() => {
      const events = f.receiver.deliveries.filter(
        (e) => e.type === 'charge.refunded' && (e.data.object as Stripe.Charge).payment_intent === intent.id,
      );
      return events.length === 2 && events;
    });
    expect(refunded.map((e) => (e.data.object as Stripe.Charge).amount_refunded)).toEqual([3_000, 11_000]);
  });

  it('the JSON control approves or declines directly', async () => {
    const session = await open();
    const control = (outcome: string) =>
      fetch(`${f.emulator.url}/_emulator/checkout/sessions/${session.id}/pay`, {
        method: 'POST',
        body: JSON.stringify({ method: 'paypay', outcome }),
      });
    expect((await control('decline')).status).toBe(402);
    const approved = await control('approve');
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ session: { status: 'complete', payment_status: 'paid' } });
  });
});
