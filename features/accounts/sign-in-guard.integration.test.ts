import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { mailOutbox, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { AppError } from '@/lib/errors';
import { deviceNonceFor, issueDeviceCookie } from './device';
import * as password from './password';
import { registerClient } from './service';
import { signInWithPassword } from './sign-in-guard';
import { sampleClientProfile as profile } from './testing';

vi.mock('./password', async (original) => {
  const actual = await original<typeof import('./password')>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});

let handle: DatabaseHandle;
const secret = 'test-secret';
const now = new Date('2026-11-22T10:00:00Z');
const right = 'correct horse battery';
let counter = 0;

async function verifiedClient() {
  counter += 1;
  const email = `guard${counter}@example.jp`;
  await registerClient({ db: handle.db, now, baseUrl: 'http://test' }, { ...profile, email, password: right });
  await handle.db.update(users).set({ emailVerified: now }).where(eq(users.email, email));
  return email;
}

function attempt(email: string, pass: string, ip = `198.51.100.${counter}`, deviceCookie?: string) {
  return signInWithPassword({ db: handle.db, now }, { email, password: pass, ip, deviceCookie, secret }).then(
    () => 'ok',
    (err: unknown) => (err instanceof AppError ? err.code : Promise.reject(err)),
  );
}

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe('password sign-in limits', () => {
  it('does not count successful sign-ins', async () => {
    const email = await verifiedClient();
    for (let i = 0; i < 8; i += 1) expect(await attempt(email, right)).toBe('ok');
  });

  it('locks an address after 5 failures, except for a browser that signed in to it before', async () => {
    const email = await verifiedClient();
    const device = issueDeviceCookie(secret, email);
    for (let i = 0; i < 5; i += 1)
      expect(await attempt(email, 'wrong password', `203.0.113.${i}`)).toBe('invalid_credentials');
    expect(await attempt(email, right, '192.0.2.50')).toBe('rate_limited');
    expect(await attempt(email, right, '192.0.2.50', device)).toBe('ok');
    // A cookie for another address, or a forged one, is no key.
    expect(await attempt(email, right, '192.0.2.51', issueDeviceCookie(secret, 'other@example.jp'))).toBe(
      'rate_limited',
    );
    expect(await attempt(email, right, '192.0.2.52', issueDeviceCookie('another-secret', email))).toBe('rate_limited');
  });

  it('limits failures from a trusted browser on their own', async () => {
    const email = await verifiedClient();
    const device = issueDeviceCookie(secret, email);
    for (let i = 0; i < 5; i += 1)
      expect(await attempt(email, 'wrong password', undefined, device)).toBe('invalid_credentials');
    expect(await attempt(email, right, undefined, device)).toBe('rate_limited');
    expect(await attempt(email, right, '192.0.2.60')).toBe('ok');
  });

  it('keeps the per-IP limit over many addresses', async () => {
    const results: string[] = [];
    for (let i = 0; i < 21; i += 1)
      results.push(await attempt(`nobody${i}@example.jp`, 'wrong password', '192.0.2.99'));
    expect(results.slice(0, 20).every((r) => r === 'invalid_credentials')).toBe(true);
    expect(results[20]).toBe('rate_limited');
  });

  it('verifies device cookies', () => {
    const cookie = issueDeviceCookie(secret, 'A@example.jp');
    expect(deviceNonceFor(secret, cookie, 'a@example.jp')).toBeTruthy();
    expect(deviceNonceFor(secret, `${cookie}x`, 'a@example.jp')).toBeNull();
    expect(deviceNonceFor(secret, undefined, 'a@example.jp')).toBeNull();
    expect(deviceNonceFor(secret, 'a.b', 'a@example.jp')).toBeNull();
  });
});

describe('registration of an address that exists', () => {
  it('hashes the password as for a new address and mails "already registered" once an hour', async () => {
    const email = await verifiedClient();
    const hash = vi.mocked(password.hashPassword);
    hash.mockClear();
    for (let i = 0; i < 5; i += 1) {
      await registerClient({ db: handle.db, now, baseUrl: 'http://test' }, { ...profile, email, password: right });
    }
    expect(hash).toHaveBeenCalledTimes(5);
    const mails = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
    // The verification mail from the first registration, and one "already registered".
    expect(mails).toHaveLength(2);
    const hourLater = new Date(now.getTime() + 60 * 60 * 1000);
    await registerClient(
      { db: handle.db, now: hourLater, baseUrl: 'http://test' },
      { ...profile, email, password: right },
    );
    expect(await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email))).toHaveLength(3);
  });
});
