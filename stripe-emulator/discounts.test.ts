import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionParams, startEmulator, submitCard } from './test-support';

type Fixture = Awaited<ReturnType<typeof startEmulator>>;

describe('coupons, promotion codes and discounted sessions (through the real SDK)', () => {
  let f: Fixture;
  let nowMs = Date.UTC(2026, 11, 3, 9, 0, 0);
  beforeAll(async () => {
    f = await startEmulator({ now: () => nowMs });
  });
  afterAll(() => f.close());

  async function promo(
    code: string,
    coupon: Stripe.CouponCreateParams,
    extra: Partial<Stripe.PromotionCodeCreateParams> = {},
  ) {
    const created = await f.stripe.coupons.create({ duration: 'once', ...coupon });
    return f.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: created.id }, code, ...extra });
  }

  it('a 10% code on 11,000円: subtotal 11,000, discount 1,100, total 9,900, and the charge is 9,900', async () => {
    const code = await promo('WELCOME10', { percent_off: 10 });
    expect(code).toMatchObject({ object: 'promotion_code', code: 'WELCOME10', active: true, times_redeemed: 0 });
    expect(code.promotion.coupon).toMatchObject({ percent_off: 10, valid: true });
    const session = await f.stripe.checkout.sessions.create(
      sessionParams({ discounts: [{ promotion_code: code.id }] }),
    );
    expect(session).toMatchObject({
      amount_subtotal: 11_000,
      amount_total: 9_900,
      total_details: { amount_discount: 1_100 },
      discounts: [{ promotion_code: code.id }],
    });
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain('割引（WELCOME10）');
    expect(html).toContain('9,900円（税込）');
    expect((await submitCard(session.url!, '4242424242424242')).status).toBe(303);
    const paid = await f.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] });
    const intent = paid.payment_intent as Stripe.PaymentIntent;
    expect(intent.amount).toBe(9_900);
    expect((intent.latest_charge as Stripe.Charge).amount).toBe(9_900);
    expect((await f.stripe.promotionCodes.retrieve(code.id)).times_redeemed).toBe(1);
    // A refund can never exceed what was charged.
    await expect(f.stripe.refunds.create({ payment_intent: intent.id, amount: 11_000 })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
  });

  it('rounds a percent to the nearest yen and caps an amount off at the subtotal’s minimum charge', async () => {
    const fifteen = await promo('FIFTEEN', { percent_off: 15 });
    const items = (amount: number) => [
      { quantity: 1, price_data: { currency: 'jpy', unit_amount: amount, product_data: { name: 'x' } } },
    ];
    const s = await f.stripe.checkout.sessions.create(
      sessionParams({ line_items: items(3_333), discounts: [{ promotion_code: fifteen.id }] }),
    );
    expect(s).toMatchObject({ amount_total: 2_833, total_details: { amount_discount: 500 } });
    const big = await promo('BIG', { amount_off: 3_000, currency: 'jpy' });
    await expect(
      f.stripe.checkout.sessions.create(
        sessionParams({ line_items: items(3_000), discounts: [{ promotion_code: big.id }] }),
      ),
    ).rejects.toMatchObject({ code: 'amount_too_small' });
  });

  it('refuses inactive, expired and used-up codes with Stripe-shaped errors', async () => {
    const off = await promo('OFF', { amount_off: 1_000, currency: 'jpy' });
    await f.stripe.promotionCodes.update(off.id, { active: false });
    await expect(
      f.stripe.checkout.sessions.create(sessionParams({ discounts: [{ promotion_code: off.id }] })),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'promotion_code_inactive' });

    const soon = await promo('SOON', { percent_off: 5 }, { expires_at: Math.floor(nowMs / 1000) + 60 });
    nowMs += 61_000;
    await expect(
      f.stripe.checkout.sessions.create(sessionParams({ discounts: [{ promotion_code: soon.id }] })),
    ).rejects.toMatchObject({ code: 'promotion_code_expired' });
    expect((await f.stripe.promotionCodes.retrieve(soon.id)).active).toBe(false);

    const once = await promo('ONCE', { percent_off: 20 }, { max_redemptions: 1 });
    const first = await f.stripe.checkout.sessions.create(sessionParams({ discounts: [{ promotion_code: once.id }] }));
    await submitCard(first.url!, '4242424242424242');
    await expect(
      f.stripe.checkout.sessions.create(sessionParams({ discounts: [{ promotion_code: once.id }] })),
    ).rejects.toMatchObject({ code: 'promotion_code_max_redemptions' });
  });

  it('finds a code by list, and refuses discounts together with allow_promotion_codes', async () => {
    const list = await f.stripe.promotionCodes.list({ code: 'welcome10', active: true });
    expect(list.data.map((p) => p.code)).toEqual(['WELCOME10']);
    const code = list.data[0]!;
    await expect(
      f.stripe.checkout.sessions.create(
        sessionParams({ allow_promotion_codes: true, discounts: [{ promotion_code: code.id }] }),
      ),
    ).rejects.toMatchObject({ param: 'discounts' });
  });

  it('allow_promotion_codes: the client types a code on the hosted page and the total drops', async () => {
    const session = await f.stripe.checkout.sessions.create(sessionParams({ allow_promotion_codes: true }));
    expect(session).toMatchObject({ allow_promotion_codes: true, amount_total: 11_000 });
    const form = (code: string) =>
      fetch(session.url!, {
        method: 'POST',
        body: new URLSearchParams({ method: 'promotion_code', promotion_code: code }),
      });
    const bad = await form('NOPE');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('このコードは無効です。');
    const good = await form('welcome10');
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('9,900円（税込）');
    expect(await f.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      amount_total: 9_900,
      total_details: { amount_discount: 1_100 },
    });
  });
});
