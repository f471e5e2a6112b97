import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  bookings,
  mailOutbox,
  packageCredits,
  packagePurchases,
  payments,
  refunds,
  sessionPackageTypes,
  sessionPackages,
  sessionTypes,
  users,
} from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { seedBooking } from '@/features/booking/seed';
import '@/features/fulfilments';
import { reconcileCheckoutSession, reconcileForClient, sessionExpand } from '@/features/payments/service';
import { payOnEmulator, startAppStripeEmulator } from '@/features/payments/testing';
import { handleStripeEvent } from '@/features/payments/webhooks';
import { paymentsCsv } from '@/features/revenue/csv';
import { summarize } from '@/features/revenue/domain/ledger';
import { periodOf } from '@/features/revenue/domain/period';
import { listLedger } from '@/features/revenue/queries';
import { getStripe } from '@/lib/stripe';
import { HOUR_MS, japanDate } from '@/lib/time';
import { packageExpiresAt } from './domain/rules';
import { purchaseBalance, spendCredit } from './ledger';
import { listClientPackages } from './queries';
import { previewUnusedRefund, refundUnusedCredits, startPackageCheckout } from './purchase';

const db = vi.hoisted(() => ({ handle: undefined as unknown as DatabaseHandle }));
vi.mock('@/db', () => ({ getDb: async () => db.handle.db }));

let emulator: Awaited<ReturnType<typeof startAppStripeEmulator>>;
let covered: string;
let counter = 0;
const d = () => db.handle.db;

async function newClient() {
  counter += 1;
  const [user] = await d()
    .insert(users)
    .values({
      email: `pack-buyer${counter}@example.jp`,
      familyName: '佐藤',
      givenName: `${counter}`,
      emailVerified: new Date(),
      timeZone: 'Asia/Tokyo',
    })
    .returning();
  return user!;
}

async function newPackage(values: { priceYen: number; sessionCount: number; name?: string }) {
  const [definition] = await d()
    .insert(sessionPackages)
    .values({ name: values.name ?? `${values.sessionCount}回券`, validityMonths: 3, ...values })
    .returning();
  await d().insert(sessionPackageTypes).values({ packageId: definition!.id, sessionTypeId: covered });
  return definition!;
}

const sessionIdOf = (url: string) => url.split('/').pop()!;
const paymentOf = async (sessionId: string) =>
  (await d().select().from(payments).where(eq(payments.stripeCheckoutSessionId, sessionId)))[0]!;
const mailsTo = async (email: string) =>
  (await d().select().from(mailOutbox).where(eq(mailOutbox.to, email))).map((m) => m.subject);
const ledgerOf = (purchaseId: string) =>
  d().select().from(packageCredits).where(eq(packageCredits.purchaseId, purchaseId));

/** A client with a checkout opened for a package: the Stripe session and the purchase it pays for. */
async function checkout(packageId: string, client?: Awaited<ReturnType<typeof newClient>>) {
  const buyer = client ?? (await newClient());
  const url = await startPackageCheckout(
    { db: d(), now: new Date() },
    { packageId, clientId: buyer.id, baseUrl: 'http://test' },
  );
  const sessionId = sessionIdOf(url);
  const payment = await paymentOf(sessionId);
  return { client: buyer, url, sessionId, purchaseId: payment.referenceId };
}

async function boughtPackage(packageId: string) {
  const bought = await checkout(packageId);
  expect(await payOnEmulator(emulator.url, bought.sessionId)).toBe(200);
  const session = await getStripe().checkout.sessions.retrieve(bought.sessionId, { expand: sessionExpand });
  expect(await reconcileCheckoutSession({ db: d(), now: new Date() }, session)).toBe('confirmed');
  return bought;
}

let bookingHour = 0;
async function newBooking(clientId: string) {
  bookingHour += 2;
  const startsAt = new Date(Date.UTC(2027, 0, 1) + bookingHour * HOUR_MS);
  const [row] = await d()
    .insert(bookings)
    .values({
      clientId,
      sessionTypeId: covered,
      startsAt,
      endsAt: new Date(startsAt.getTime() + HOUR_MS),
      blockedUntil: new Date(startsAt.getTime() + HOUR_MS),
      status: 'confirmed',
      priceYen: 11000,
    })
    .returning({ id: bookings.id });
  return row!.id;
}

beforeAll(async () => {
  db.handle = await createTestDatabase();
  await seedBooking(d());
  [{ id: covered }] = (await d()
    .select({ id: sessionTypes.id })
    .from(sessionTypes)
    .orderBy(sessionTypes.sortOrder)) as [{ id: string }];
  // The counselor, so that her notice of a purchase has someone to go to.
  await d().insert(users).values({ email: 'counselor-pack@example.jp', role: 'counselor', emailVerified: new Date() });
  emulator = await startAppStripeEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await db.handle?.close();
});

describe('buying a package through Stripe Checkout', () => {
  it('grants exactly its sessions once, whatever order and however often the events and the success page come', async () => {
    const pkg = await newPackage({ priceYen: 30_000, sessionCount: 3 });
    const before = emulator.events().length;
    const bought = await checkout(pkg.id);
    // Nothing is granted before the payment: her portal shows no package yet.
    expect(await listClientPackages(d(), bought.client.id, new Date())).toEqual([]);
    expect(await payOnEmulator(emulator.url, bought.sessionId)).toBe(200);
    const events = emulator.events().slice(before) as Stripe.Event[];
    expect(events.map((e) => e.type)).toContain('checkout.session.completed');
    const deliveries = [...events, ...events, ...events].sort(() => Math.random() - 0.5);
    // The success page's reconcile, twice (a reload), racing the redelivered events.
    const successPage = () =>
      reconcileForClient(
        { db: d(), now: new Date() },
        { checkoutSessionId: bought.sessionId, clientId: bought.client.id },
      );
    await Promise.all([
      successPage(),
      ...deliveries.map((e) => handleStripeEvent({ db: d(), now: new Date() }, e)),
      successPage(),
    ]);
    expect((await successPage())?.outcome).toBe('already');

    const rows = await ledgerOf(bought.purchaseId);
    expect(rows.map((r) => [r.kind, r.delta])).toEqual([['grant', 3]]);
    const payment = await paymentOf(bought.sessionId);
    expect(payment.status).toBe('paid');
    expect(payment.purpose).toBe('package');
    expect(payment.amountYen).toBe(30_000);
    // Valid from the payment's time, for the package's months.
    expect(rows[0]!.expiresAt).toEqual(packageExpiresAt(payment.paidAt!, 3));
    const [view] = await listClientPackages(d(), bought.client.id, new Date());
    expect(view).toMatchObject({ name: '3回券', sessionCount: 3, balance: { remaining: 3, granted: 3 }, used: 0 });
    expect(await mailsTo(bought.client.email)).toEqual(['【こころの整理室】回数券ご購入の確認']);
    expect(await mailsTo('counselor-pack@example.jp')).toEqual(['【こころの整理室】回数券のご購入']);
    // After its last day, what was left shows as lapsed (期限切れ), before any expiry row is written.
    const [later] = await listClientPackages(d(), bought.client.id, rows[0]!.expiresAt!);
    expect(later).toMatchObject({ balance: { remaining: 0, expired: true, lapsed: 3 } });
    expect(later!.history.map((h) => [h.kind, h.delta])).toEqual([
      ['grant', 3],
      ['expire', -3],
    ]);
  });

  it('a second press opens the same checkout; the purchase keeps the terms it was sold on', async () => {
    const pkg = await newPackage({ priceYen: 50_000, sessionCount: 5 });
    const first = await checkout(pkg.id);
    const again = await checkout(pkg.id, first.client);
    expect(again.url).toBe(first.url);
    expect(again.purchaseId).toBe(first.purchaseId);
    // The counselor raises the price meanwhile: what she is paying for stays what she saw.
    await d().update(sessionPackages).set({ priceYen: 55_000 }).where(eq(sessionPackages.id, pkg.id));
    expect(await payOnEmulator(emulator.url, first.sessionId)).toBe(200);
    const session = await getStripe().checkout.sessions.retrieve(first.sessionId, { expand: sessionExpand });
    expect(await reconcileCheckoutSession({ db: d(), now: new Date() }, session)).toBe('confirmed');
    const [purchase] = await d().select().from(packagePurchases).where(eq(packagePurchases.id, first.purchaseId));
    expect(purchase!.priceYen).toBe(50_000);
    expect((await paymentOf(first.sessionId)).amountYen).toBe(50_000);
    // After paying, a new purchase of the same package is a new one, at today's price.
    const next = await checkout(pkg.id, first.client);
    expect(next.purchaseId).not.toBe(first.purchaseId);
    expect((await paymentOf(next.sessionId)).amountYen).toBe(55_000);
  });

  it('two presses at the same time make one purchase and one checkout', async () => {
    const pkg = await newPackage({ priceYen: 33_000, sessionCount: 3 });
    const client = await newClient();
    const press = () =>
      startPackageCheckout(
        { db: d(), now: new Date() },
        { packageId: pkg.id, clientId: client.id, baseUrl: 'http://test' },
      ).then(
        (url) => url,
        (err: { code?: string }) => err.code,
      );
    const outcomes = await Promise.all([press(), press(), press()]);
    // Each press either opens the one checkout or is asked to try again in a moment.
    for (const o of outcomes) expect(o === 'payment_unavailable' || o!.startsWith('http')).toBe(true);
    expect(new Set(outcomes.filter((o) => o!.startsWith('http'))).size).toBe(1);
    expect(await d().$count(packagePurchases, eq(packagePurchases.clientId, client.id))).toBe(1);
    expect(await d().$count(payments, eq(payments.clientId, client.id))).toBe(1);
  });

  it('a package no longer sold, or an unknown one, cannot be bought', async () => {
    const pkg = await newPackage({ priceYen: 20_000, sessionCount: 2 });
    await d().update(sessionPackages).set({ active: false }).where(eq(sessionPackages.id, pkg.id));
    const client = await newClient();
    await expect(
      startPackageCheckout(
        { db: d(), now: new Date() },
        { packageId: pkg.id, clientId: client.id, baseUrl: 'http://t' },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await d().$count(packagePurchases, eq(packagePurchases.clientId, client.id))).toBe(0);
  });

  it('a second payment for a purchase already paid (two checkouts) is refunded in full; the credits stay granted once', async () => {
    const pkg = await newPackage({ priceYen: 24_000, sessionCount: 3 });
    const first = await checkout(pkg.id);
    expect(await payOnEmulator(emulator.url, first.sessionId)).toBe(200);
    // Our side thought the first checkout given up before hearing of its payment, and opened another.
    await d().update(payments).set({ status: 'expired' }).where(eq(payments.stripeCheckoutSessionId, first.sessionId));
    const second = await checkout(pkg.id, first.client);
    expect(second.purchaseId).toBe(first.purchaseId);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await payOnEmulator(emulator.url, second.sessionId)).toBe(200);
    const retrieve = (id: string) => getStripe().checkout.sessions.retrieve(id, { expand: sessionExpand });
    expect(await reconcileCheckoutSession({ db: d(), now: new Date() }, await retrieve(second.sessionId))).toBe(
      'confirmed',
    );
    expect(await reconcileCheckoutSession({ db: d(), now: new Date() }, await retrieve(first.sessionId))).toBe('lost');
    expect(await reconcileCheckoutSession({ db: d(), now: new Date() }, await retrieve(first.sessionId))).toBe('lost');
    expect((await ledgerOf(first.purchaseId)).map((r) => r.kind)).toEqual(['grant']);
    const lostPayment = await paymentOf(first.sessionId);
    const [refund] = await d().select().from(refunds).where(eq(refunds.paymentId, lostPayment.id));
    expect(refund).toMatchObject({ amountYen: 24_000 });
    expect(refund!.stripeRefundId).toBeTruthy();
    expect((await mailsTo(first.client.email)).sort()).toEqual([
      '【こころの整理室】回数券ご購入の確認',
      '【こころの整理室】回数券の重複したお支払いの返金',
    ]);
  });
});

describe('the counselor refunds the unused part', () => {
  it('refunds price × unused ÷ sessions, rounded down, once even when pressed twice at the same time', async () => {
    const pkg = await newPackage({ priceYen: 10_000, sessionCount: 3 });
    const bought = await boughtPackage(pkg.id);
    const bookingId = await newBooking(bought.client.id);
    await d().transaction((tx) =>
      spendCredit(tx, {
        purchaseId: bought.purchaseId,
        clientId: bought.client.id,
        bookingId,
        sessionTypeId: covered,
        now: new Date(),
      }),
    );
    const ctx = { db: d(), now: new Date() };
    expect(await previewUnusedRefund(ctx, bought.purchaseId)).toEqual({ unused: 2, refundYen: 6_666 });
    // A confirmation that showed another count refunds nothing.
    await expect(refundUnusedCredits(ctx, { purchaseId: bought.purchaseId, expectedUnused: 3 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const paid = await paymentOf(bought.sessionId);
    expect(await d().$count(refunds, eq(refunds.paymentId, paid.id))).toBe(0);
    const outcomes = await Promise.all([
      refundUnusedCredits({ db: d(), now: new Date() }, { purchaseId: bought.purchaseId, expectedUnused: 2 }),
      refundUnusedCredits({ db: d(), now: new Date() }, { purchaseId: bought.purchaseId, expectedUnused: 2 }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already', 'refunded']);
    expect(outcomes.find((o) => o.status === 'refunded')).toMatchObject({ unused: 2, refundYen: 6_666 });
    const payment = await paymentOf(bought.sessionId);
    const recorded = await d().select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(recorded.map((r) => r.amountYen)).toEqual([6_666]);
    expect(recorded[0]!.stripeRefundId).toBeTruthy();
    const after = await paymentOf(bought.sessionId);
    expect(after).toMatchObject({ status: 'partially_refunded', refundedYen: 6_666 });
    expect((await ledgerOf(bought.purchaseId)).map((r) => [r.kind, r.delta])).toEqual([
      ['grant', 3],
      ['use', -1],
      ['refund', -2],
    ]);
    expect((await purchaseBalance(d(), bought.purchaseId, new Date())).remaining).toBe(0);
    const [view] = await listClientPackages(d(), bought.client.id, new Date());
    expect(view).toMatchObject({ used: 1, refundedCredits: 2, refundedYen: 6_666 });
    expect(await mailsTo(bought.client.email)).toContain('【こころの整理室】回数券の未使用分の返金');
    // Pressed again later: nothing more.
    expect(await refundUnusedCredits(ctx, { purchaseId: bought.purchaseId, expectedUnused: 2 })).toMatchObject({
      status: 'already',
    });
    expect(await d().$count(refunds, eq(refunds.paymentId, payment.id))).toBe(1);
  });

  it('never refunds more than is left of the payment', async () => {
    const pkg = await newPackage({ priceYen: 30_000, sessionCount: 3 });
    const bought = await boughtPackage(pkg.id);
    // ¥25,000 of it already given back some other way (as if refunded outside the app).
    await d()
      .update(payments)
      .set({ refundedYen: 25_000, refundedOutsideYen: 25_000, status: 'partially_refunded' })
      .where(eq(payments.stripeCheckoutSessionId, bought.sessionId));
    const ctx = { db: d(), now: new Date() };
    expect(await previewUnusedRefund(ctx, bought.purchaseId)).toEqual({ unused: 3, refundYen: 5_000 });
    expect(await refundUnusedCredits(ctx, { purchaseId: bought.purchaseId, expectedUnused: 3 })).toMatchObject({
      status: 'refunded',
      unused: 3,
      refundYen: 5_000,
    });
    const payment = await paymentOf(bought.sessionId);
    expect((await d().select().from(refunds).where(eq(refunds.paymentId, payment.id))).map((r) => r.amountYen)).toEqual(
      [5_000],
    );
  });

  it('a refund made in the Stripe dashboard closes what is left of the package for booking', async () => {
    const pkg = await newPackage({ priceYen: 12_000, sessionCount: 3 });
    const bought = await boughtPackage(pkg.id);
    const payment = await paymentOf(bought.sessionId);
    const before = emulator.events().length;
    await getStripe().refunds.create({ payment_intent: payment.stripePaymentIntentId!, amount: 4_000 });
    for (const e of emulator.events().slice(before) as Stripe.Event[])
      await handleStripeEvent({ db: d(), now: new Date() }, e);
    expect((await ledgerOf(bought.purchaseId)).map((r) => [r.kind, r.delta])).toEqual([
      ['grant', 3],
      ['refund', -3],
    ]);
    expect(await previewUnusedRefund({ db: d(), now: new Date() }, bought.purchaseId)).toEqual({
      unused: 0,
      refundYen: 0,
    });
  });
});

describe('the money page', () => {
  it('shows package sales as their own line, with their refunds, and in the CSV', async () => {
    const pkg = await newPackage({ priceYen: 9_999, sessionCount: 3, name: '売上テスト3回券' });
    const bought = await boughtPackage(pkg.id);
    await refundUnusedCredits({ db: d(), now: new Date() }, { purchaseId: bought.purchaseId, expectedUnused: 3 });
    const today = japanDate(new Date());
    const lines = (await listLedger(d(), periodOf(today, today))).filter((l) => l.groupLabel === '売上テスト3回券');
    expect(lines.map((l) => [l.kind, l.purpose, l.amountYen])).toEqual([
      ['payment', 'package', 9_999],
      ['refund', 'package', 9_999],
    ]);
    expect(lines[0]!.href).toBe(`/admin/clients/${bought.client.id}`);
    const overview = summarize(lines);
    expect(overview.package).toMatchObject({ paidYen: 9_999, refundedYen: 9_999, netYen: 0 });
    expect(overview.package.groups.map((g) => g.label)).toEqual(['売上テスト3回券']);
    expect(overview.booking.paidYen).toBe(0);
    const csv = paymentsCsv(lines);
    const rows = csv.split(/\r?\n/).filter((row) => row.includes('"回数券","売上テスト3回券"'));
    expect(rows.map((row) => row.split(',').slice(0, 1).concat(row.split(',')[6]!))).toEqual([
      ['"入金"', '9999'],
      ['"返金"', '-9999'],
    ]);
    // Everything sold today: the package line is part of the total.
    const all = summarize(await listLedger(d(), periodOf(today, today)));
    expect(all.total.paidYen).toBe(all.booking.paidYen + all.course.paidYen + all.package.paidYen);
    expect(all.package.paidYen).toBeGreaterThan(0);
    expect(
      await d().$count(
        packageCredits,
        and(eq(packageCredits.purchaseId, bought.purchaseId), eq(packageCredits.kind, 'refund')),
      ),
    ).toBe(1);
  });
});
