import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionParams, startEmulator, waitFor } from './test-support';

type Fixture = Awaited<ReturnType<typeof startEmulator>>;

describe('konbini in Checkout (a voucher, paid later or expired)', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startEmulator();
  });
  afterAll(() => f.close());

  const open = (days?: number) =>
    f.stripe.checkout.sessions.create(
      sessionParams({
        allowed_payment_method_types: ['card', 'konbini'],
        ...(days ? { payment_method_options: { konbini: { expires_after_days: days } } } : {}),
      }),
    );
  const chooseKonbini = (url: string) =>
    fetch(url, { method: 'POST', body: new URLSearchParams({ method: 'konbini' }), redirect: 'manual' });
  const eventsFor = (id: string) =>
    f.receiver.deliveries.filter((e) => (e.data.object as { id?: string }).id === id).map((e) => e.type);
  async function voucherOf(sessionId: string) {
    const session = await f.stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] });
    const intent = session.payment_intent as import('stripe').Stripe.PaymentIntent;
    return { session, intent, voucher: intent.next_action!.konbini_display_details! };
  }

  it('completes the session unpaid and issues a voucher as Stripe shapes it, due 23:59:59 JST N days on', async () => {
    const session = await open(2);
    expect((await chooseKonbini(session.url!)).status).toBe(303);
    const { session: done, intent, voucher } = await voucherOf(session.id);
    expect(done).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    expect(intent).toMatchObject({ status: 'requires_action', payment_method_types: ['konbini'] });
    expect(intent.next_action!.type).toBe('konbini_display_details');
    const jst = new Date((voucher.expires_at + 1) * 1000 + 9 * 3600_000);
    expect([jst.getUTCHours(), jst.getUTCMinutes(), jst.getUTCSeconds()]).toEqual([0, 0, 0]);
    const todayJst = new Date(Date.now() + 9 * 3600_000);
    todayJst.setUTCHours(0, 0, 0, 0);
    expect(jst.getTime() - todayJst.getTime()).toBe(3 * 24 * 3600_000); // the end of the 2nd day after today
    expect(voucher.hosted_voucher_url).toBe(`${f.emulator.url}/voucher/${intent.id}`);
    expect(voucher.stores.lawson!.confirmation_number).toMatch(/^\d{11}$/);
    expect(voucher.stores.familymart!.payment_code).toMatch(/^\d{6}$/);
    await waitFor(() => eventsFor(session.id).includes('checkout.session.completed'));
  });

  it('refuses expires_after_days outside 1–60', async () => {
    await expect(open(61)).rejects.toMatchObject({ param: 'payment_method_options[konbini][expires_after_days]' });
  });

  it('the voucher page shows the number and deadline, and marking it paid sends the signed async success once', async () => {
    const session = await open();
    await chooseKonbini(session.url!);
    const { voucher } = await voucherOf(session.id);
    const page = await (await fetch(voucher.hosted_voucher_url!)).text();
    expect(page).toContain(voucher.stores.lawson!.confirmation_number);
    expect(page).toContain('お支払い期限');
    expect(page).toContain('>支払ったことにする</button>');
    const paid = await fetch(voucher.hosted_voucher_url!, {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'succeeded' }),
    });
    expect(await paid.text()).toContain('このお支払いは完了しています。');
    const again = await fetch(voucher.hosted_voucher_url!, {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'succeeded' }),
    });
    expect(again.status).toBe(409);
    await waitFor(() => eventsFor(session.id).includes('checkout.session.async_payment_succeeded'));
    expect(eventsFor(session.id).filter((t) => t === 'checkout.session.async_payment_succeeded')).toHaveLength(1);
    const intent = (await f.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] }))
      .payment_intent as import('stripe').Stripe.PaymentIntent;
    expect(intent).toMatchObject({ status: 'succeeded', next_action: null });
  });

  it('a voucher past its deadline on the emulator clock fails with async_payment_failed; one of a completed session cannot be cancelled', async () => {
    const session = await open(1);
    await chooseKonbini(session.url!);
    await fetch(`${f.emulator.url}/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 3 * 24 * 3600 }),
    });
    await waitFor(() => eventsFor(session.id).includes('checkout.session.async_payment_failed'));

    const other = await open();
    await chooseKonbini(other.url!);
    const { intent } = await voucherOf(other.id);
    // As Stripe documents: a Checkout Session's PaymentIntent is not cancelled directly, and a
    // completed session cannot be expired, so the voucher stays payable until its deadline.
    await expect(f.stripe.paymentIntents.cancel(intent.id)).rejects.toMatchObject({
      message: 'You cannot perform this action on PaymentIntents created by Checkout.',
    });
    await expect(f.stripe.checkout.sessions.expire(other.id)).rejects.toMatchObject({
      message: expect.stringContaining('Only Checkout Sessions with a status in ["open"] can be expired'),
    });
    const page = await fetch(`${f.emulator.url}/voucher/${intent.id}`, {
      method: 'POST',
      body: new URLSearchParams({ outcome: 'succeeded' }),
    });
    expect(page.status).toBe(200);
  });
});
