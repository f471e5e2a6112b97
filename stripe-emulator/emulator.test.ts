import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStripeEmulator } from './server';
import { sessionParams, startEmulator, submitCard, waitFor, webhookSecret } from './test-support';

type Fixture = Awaited<ReturnType<typeof startEmulator>>;

describe('checkout sessions and the hosted page', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startEmulator();
  });
  afterAll(() => f.close());

  it('replays a create with the same idempotency key and refuses the key with other parameters', async () => {
    const first = await f.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'hold-1' });
    const again = await f.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'hold-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      amount_total: 11_000,
      currency: 'jpy',
      client_reference_id: 'booking_123',
      customer_email: 'client@example.jp',
      metadata: { bookingId: 'booking_123' },
      livemode: false,
      mode: 'payment',
      url: `${f.emulator.url}/checkout/${first.id}`,
    });
    expect(first.id).toMatch(/^cs_test_/);

    const other = f.stripe.checkout.sessions.create(sessionParams({ client_reference_id: 'booking_456' }), {
      idempotencyKey: 'hold-1',
    });
    await expect(other).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('shows the order in Japanese and pays with 4242: 303 to success_url, paid, webhook signed', async () => {
    const session = await f.stripe.checkout.sessions.create(sessionParams());
    const page = await fetch(session.url!);
    const html = await page.text();
    expect(html).toContain('lang="ja"');
    expect(html).toContain('個人セッション（60分）');
    expect(html).toContain('11,000円（税込）');
    for (const label of ['カード番号', '有効期限 (MM/YY)', 'セキュリティコード'])
      expect(html).toMatch(new RegExp(`<label for="\\w+">${label.replace(/[()]/g, '\\$&')}</label>`));
    expect(html).toContain('>支払う</button>');
    expect(html).toContain('<a class="cancel" href="http://localhost:3000/book/cancel">キャンセルして戻る</a>');
    expect(html).not.toMatch(/(src|href)="https?:\/\/(?!localhost:3000)/);

    const paid = await submitCard(session.url!, '4242 4242 4242 4242');
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://localhost:3000/book/success?session_id=${session.id}`);

    const retrieved = await f.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(retrieved).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const intent = retrieved.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount: 11_000,
      currency: 'jpy',
      metadata: { bookingId: 'booking_123' },
    });
    expect(intent.id).toMatch(/^pi_/);

    const withCharge = await f.stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge'] });
    const charge = withCharge.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({
      object: 'charge',
      amount: 11_000,
      amount_refunded: 0,
      refunded: false,
      payment_intent: intent.id,
    });
    expect(charge.id).toMatch(/^ch_/);

    const event = await waitFor(() =>
      f.receiver.deliveries.find((e) => e.type === 'checkout.session.completed' && e.data.object.id === session.id),
    );
    expect(event).toMatchObject({
      object: 'event',
      livemode: false,
      pending_webhooks: 1,
      data: { object: { payment_status: 'paid', payment_intent: intent.id } },
    });
    expect(event.id).toMatch(/^evt_/);
    expect(f.receiver.signatureFailures).toBe(0);

    const closed = await fetch(session.url!);
    expect(await closed.text()).toContain('このお支払い手続きはすでに完了しています。');
    const twice = await submitCard(session.url!, '4242424242424242');
    expect(twice.status).toBe(409);
  });

  it.each([
    ['4000 0000 0000 0002', 'カードが拒否されました。別のカードをお試しください。'],
    ['4000000000009995', 'カードの残高が不足しています。別のカードをお試しください。'],
    ['1234 5678 9012 3456', 'カード番号が正しくありません。'],
  ])('leaves the session open when %s is refused', async (card, message) => {
    const session = await f.stripe.checkout.sessions.create(sessionParams());
    const response = await submitCard(session.url!, card);
    expect(response.status).toBe(402);
    const html = await response.text();
    expect(html).toContain(`role="alert" id="payment-error">${message}</div>`);
    expect(html).toContain('>支払う</button>');
    const retrieved = await f.stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved).toMatchObject({ status: 'open', payment_status: 'unpaid', payment_intent: null });
  });

  it('answers Stripe errors: missing resources, integer yen only, jpy only, expires_at range', async () => {
    const missing = await f.stripe.checkout.sessions.retrieve('cs_test_nope').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: "No such checkout.session: 'cs_test_nope'",
    });

    const fractional = await f.stripe.checkout.sessions
      .create(
        sessionParams({
          line_items: [
            { price_data: { currency: 'jpy', unit_amount: 110.5, product_data: { name: 'x' } }, quantity: 1 },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(fractional).toMatchObject({
      statusCode: 400,
      code: 'parameter_invalid_integer',
      param: 'line_items[0][price_data][unit_amount]',
    });

    const dollars = await f.stripe.checkout.sessions
      .create(
        sessionParams({
          line_items: [
            { price_data: { currency: 'usd', unit_amount: 1100, product_data: { name: 'x' } }, quantity: 1 },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(dollars).toMatchObject({ statusCode: 400, param: 'line_items[0][price_data][currency]' });

    const now = Math.floor(Date.now() / 1000);
    for (const expiresAt of [now + 29 * 60, now + 25 * 3600]) {
      const error = await f.stripe.checkout.sessions
        .create(sessionParams({ expires_at: expiresAt }))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError', param: 'expires_at' });
    }
    const badExpand = await f.stripe.checkout.sessions
      .create({ ...sessionParams(), expand: ['customer'] })
      .catch((e: unknown) => e);
    expect(badExpand).toMatchObject({ statusCode: 400, message: 'This property cannot be expanded (customer).' });
    await f.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'hold-2' });
    const otherEndpoint = await f.stripe.refunds
      .create({ payment_intent: 'pi_x' }, { idempotencyKey: 'hold-2' })
      .catch((e: unknown) => e);
    expect(otherEndpoint).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);

    const unknown = await f.stripe.checkout.sessions
      .create({ ...sessionParams(), ui_mode: 'embedded' })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'ui_mode' });
  });

  it('expires a session on request, once', async () => {
    const session = await f.stripe.checkout.sessions.create(sessionParams());
    const expired = await f.stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', url: null });
    const again = await f.stripe.checkout.sessions.expire(session.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((again as Error).message).toContain('Only Checkout Sessions with a status in ["open"] can be expired');
    await waitFor(() =>
      f.receiver.deliveries.find((e) => e.type === 'checkout.session.expired' && e.data.object.id === session.id),
    );
  });

  it('refunds partially, then the rest, then refuses another refund', async () => {
    const session = await f.stripe.checkout.sessions.create(sessionParams());
    await submitCard(session.url!, '4242424242424242');
    const { payment_intent } = await f.stripe.checkout.sessions.retrieve(session.id);
    const intentId = payment_intent as string;

    const first = await f.stripe.refunds.create(
      { payment_intent: intentId, amount: 5_500, metadata: { reason: 'late cancel' } },
      { idempotencyKey: 'refund-1' },
    );
    expect(first).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 5_500,
      payment_intent: intentId,
      metadata: { reason: 'late cancel' },
    });
    expect(first.id).toMatch(/^re_/);
    const replay = await f.stripe.refunds.create(
      { payment_intent: intentId, amount: 5_500, metadata: { reason: 'late cancel' } },
      { idempotencyKey: 'refund-1' },
    );
    expect(replay.id).toBe(first.id);

    const tooMuch = await f.stripe.refunds.create({ payment_intent: intentId, amount: 6_000 }).catch((e: unknown) => e);
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount' });

    const rest = await f.stripe.refunds.create({ charge: first.charge as string });
    expect(rest.amount).toBe(5_500);
    const intent = await f.stripe.paymentIntents.retrieve(intentId, { expand: ['latest_charge'] });
    expect(intent.latest_charge).toMatchObject({ amount_refunded: 11_000, refunded: true });

    const none = await f.stripe.refunds.create({ payment_intent: intentId }).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(none).toMatchObject({ code: 'charge_already_refunded' });

    const refundedEvents = await waitFor(() => {
      const events = f.receiver.deliveries.filter(
        (e) => e.type === 'charge.refunded' && e.data.object.payment_intent === intentId,
      );
      return events.length === 2 && events;
    });
    expect(refundedEvents.map((e) => (e.data.object as Stripe.Charge).amount_refunded)).toEqual([5_500, 11_000]);
    expect((refundedEvents[1]?.data.object as Stripe.Charge).refunded).toBe(true);
  });

  it('follows the konbini flow: completed unpaid, then async success or failure', async () => {
    // SDK 23 types the parameter as allowed_payment_method_types; the raw payment_method_types is accepted too.
    const session = await f.stripe.checkout.sessions.create(
      sessionParams({ allowed_payment_method_types: ['konbini'] }),
    );
    expect(session.payment_method_types).toEqual(['konbini']);
    const page = await fetch(session.url!, {
      method: 'POST',
      body: new URLSearchParams({ method: 'konbini' }),
      redirect: 'manual',
    });
    expect(page.status).toBe(303);
    expect(await f.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: 'complete',
      payment_status: 'unpaid',
    });

    const settle = (id: string, outcome: string) =>
      fetch(`${f.emulator.url}/_emulator/checkout/sessions/${id}/async`, {
        method: 'POST',
        body: JSON.stringify({ outcome }),
      });
    expect((await settle(session.id, 'succeeded')).status).toBe(200);
    expect(await f.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
    });
    const types = await waitFor(() => {
      const seen = f.receiver.deliveries
        .filter((e) => 'id' in e.data.object && e.data.object.id === session.id)
        .map((e) => e.type);
      return seen.length === 2 && seen;
    });
    expect(types).toEqual(['checkout.session.completed', 'checkout.session.async_payment_succeeded']);

    const other = await f.stripe.checkout.sessions.create({
      ...sessionParams(),
      payment_method_types: ['konbini'],
    } as Stripe.Checkout.SessionCreateParams);
    expect(other.payment_method_types).toEqual(['konbini']);
    expect((await settle(other.id, 'failed')).status).toBe(200);
    expect(await f.stripe.checkout.sessions.retrieve(other.id)).toMatchObject({
      status: 'complete',
      payment_status: 'unpaid',
    });
    await waitFor(() =>
      f.receiver.deliveries.find(
        (e) => e.type === 'checkout.session.async_payment_failed' && e.data.object.id === other.id,
      ),
    );
  });

  it('pays through the JSON test control as through the form', async () => {
    const session = await f.stripe.checkout.sessions.create(sessionParams());
    const pay = (card: string) =>
      fetch(`${f.emulator.url}/_emulator/checkout/sessions/${session.id}/pay`, {
        method: 'POST',
        body: JSON.stringify({ card }),
      });
    const declined = await pay('4000000000000002');
    expect(declined.status).toBe(402);
    expect(await declined.json()).toMatchObject({
      error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' },
    });
    const paid = await pay('4242424242424242');
    expect(await paid.json()).toMatchObject({
      session: { status: 'complete', payment_status: 'paid' },
      redirect_url: `http://localhost:3000/book/success?session_id=${session.id}`,
    });
    const events = (await (await fetch(`${f.emulator.url}/_emulator/events`)).json()) as { data: Stripe.Event[] };
    expect(events.data.some((e) => e.type === 'checkout.session.completed' && e.data.object.id === session.id)).toBe(
      true,
    );
  });
});

describe('expiry by the emulator clock', () => {
  it('expires an overdue session and emits checkout.session.expired', async () => {
    const fixed = Date.parse('2026-12-03T05:00:00Z');
    const f = await startEmulator({ now: () => fixed });
    try {
      const session = await f.stripe.checkout.sessions.create(sessionParams({ expires_at: fixed / 1000 + 30 * 60 }));
      expect(session.expires_at).toBe(fixed / 1000 + 1800);
      await fetch(`${f.emulator.url}/_emulator/clock`, {
        method: 'POST',
        body: JSON.stringify({ advanceSeconds: 1799 }),
      });
      expect((await f.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
      await fetch(`${f.emulator.url}/_emulator/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 1 }) });
      expect(await f.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'expired', url: null });
      const event = await waitFor(() => f.receiver.deliveries.find((e) => e.type === 'checkout.session.expired'));
      expect(event.data.object).toMatchObject({ id: session.id, status: 'expired' });
      const page = await fetch(`${f.emulator.url}/checkout/${session.id}`);
      expect(await page.text()).toContain('有効期限が切れました');
      expect((await submitCard(`${f.emulator.url}/checkout/${session.id}`, '4242424242424242')).status).toBe(409);
    } finally {
      await f.close();
    }
  });
});

describe('expiry without any request', () => {
  it('notices an overdue session within about a second', async () => {
    let now = Date.parse('2026-12-03T05:00:00Z');
    const f = await startEmulator({ now: () => now });
    try {
      const session = await f.stripe.checkout.sessions.create(sessionParams({ expires_at: now / 1000 + 1800 }));
      now += 1800 * 1000;
      const event = await waitFor(
        () => f.receiver.deliveries.find((e) => e.type === 'checkout.session.expired'),
        2_500,
      );
      expect(event.data.object).toMatchObject({ id: session.id, status: 'expired' });
    } finally {
      await f.close();
    }
  });
});

describe('webhook delivery', () => {
  it('retries a receiver that answers 500 twice, until it answers 200', async () => {
    const f = await startEmulator({ receiverStatus: (attempt) => (attempt <= 2 ? 500 : 200) });
    try {
      const session = await f.stripe.checkout.sessions.create(sessionParams());
      await f.stripe.checkout.sessions.expire(session.id);
      await waitFor(() => f.receiver.deliveries.length === 3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(f.receiver.deliveries).toHaveLength(3);
      expect(new Set(f.receiver.deliveries.map((e) => e.id)).size).toBe(1);
      expect(f.emulator.events()).toHaveLength(1);
    } finally {
      await f.close();
    }
  });
});

describe('safety', () => {
  it('refuses missing, malformed and live API keys with 401', async () => {
    const f = await startEmulator();
    try {
      const client = (key: string) =>
        new Stripe(key, { host: '127.0.0.1', port: f.emulator.port, protocol: 'http', maxNetworkRetries: 0 });
      for (const key of ['pk_test_abc', 'sk_test_', 'sk_live_abc123']) {
        const error = await client(key)
          .checkout.sessions.create(sessionParams())
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
        expect(error).toMatchObject({ statusCode: 401 });
      }
      const bare = await fetch(`${f.emulator.url}/v1/checkout/sessions/cs_test_x`);
      expect(bare.status).toBe(401);
    } finally {
      await f.close();
    }
  });

  it('will not start in production unless embedded defaults are asked for', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('EMBEDDED_DEFAULTS', '');
    try {
      await expect(createStripeEmulator({ webhookSecret })).rejects.toThrow(/production/);
      vi.stubEnv('EMBEDDED_DEFAULTS', '1');
      const emulator = await createStripeEmulator({ webhookSecret });
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await emulator.close();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
