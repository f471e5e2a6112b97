import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accountTokens, mailOutbox, userSessions, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { AppError } from '@/lib/errors';
import { isEmailVerified } from './queries';
import { hitRateLimits, type RateLimitRule } from './rate-limit';
import * as accounts from './service';
import { createUserSession, idleTimeoutMs, revokeAllUserSessions, touchUserSession } from './sessions';
import { consumeAccountToken, issueAccountToken, tokenLifetimes } from './tokens';
import { sampleClientProfile as profile } from './testing';

let handle: DatabaseHandle;
const t0 = new Date('2026-11-22T10:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
let counter = 0;

async function newClient(verified = true) {
  counter += 1;
  const email = `client${counter}@example.jp`;
  await accounts.registerClient(
    { db: handle.db, now: t0, baseUrl: 'http://test' },
    { ...profile, email, password: 'correct horse battery' },
  );
  if (verified) await handle.db.update(users).set({ emailVerified: t0 }).where(eq(users.email, email));
  const [user] = await handle.db.select().from(users).where(eq(users.email, email));
  return user!;
}

async function mailsTo(email: string) {
  return handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
}

function tokenFromMail(text: string): string {
  return text.match(/token=([A-Za-z0-9_-]+)/)![1]!;
}

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe('rate limits, counted in PostgreSQL', () => {
  const rule: RateLimitRule = { name: 'test', limit: 5, windowSeconds: 900 };

  it('allows exactly the limit under concurrency, then refuses until the next window', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimits(handle.db, [{ rule, subject: 'a@example.jp' }], t0)),
    );
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(await hitRateLimits(handle.db, [{ rule, subject: 'a@example.jp' }], later(899_000))).toBe(false);
    expect(await hitRateLimits(handle.db, [{ rule, subject: 'a@example.jp' }], later(900_000))).toBe(true);
  });

  it('counts each subject separately, and refuses when any of several keys is over', async () => {
    const ipRule: RateLimitRule = { name: 'test-ip', limit: 2, windowSeconds: 900 };
    expect(
      await hitRateLimits(
        handle.db,
        [
          { rule, subject: 'b@example.jp' },
          { rule: ipRule, subject: '10.0.0.1' },
        ],
        t0,
      ),
    ).toBe(true);
    expect(
      await hitRateLimits(
        handle.db,
        [
          { rule, subject: 'c@example.jp' },
          { rule: ipRule, subject: '10.0.0.1' },
        ],
        t0,
      ),
    ).toBe(true);
    expect(
      await hitRateLimits(
        handle.db,
        [
          { rule, subject: 'd@example.jp' },
          { rule: ipRule, subject: '10.0.0.1' },
        ],
        t0,
      ),
    ).toBe(false);
    expect(
      await hitRateLimits(
        handle.db,
        [
          { rule, subject: 'd@example.jp' },
          { rule: ipRule, subject: '10.0.0.2' },
        ],
        t0,
      ),
    ).toBe(true);
  });
});

describe('mailed tokens', () => {
  it('work once, and not after they expire', async () => {
    const user = await newClient();
    const token = await issueAccountToken(handle.db, { userId: user.id, purpose: 'reset-password', now: t0 });
    expect(await consumeAccountToken(handle.db, { token, purpose: 'verify-email', now: t0 })).toBeUndefined();
    expect(await consumeAccountToken(handle.db, { token, purpose: 'reset-password', now: t0 })).toMatchObject({
      userId: user.id,
    });
    expect(await consumeAccountToken(handle.db, { token, purpose: 'reset-password', now: t0 })).toBeUndefined();

    const expiring = await issueAccountToken(handle.db, { userId: user.id, purpose: 'reset-password', now: t0 });
    expect(
      await consumeAccountToken(handle.db, {
        token: expiring,
        purpose: 'reset-password',
        now: later(tokenLifetimes['reset-password']),
      }),
    ).toBeUndefined();
  });

  it('cannot be used twice by concurrent requests', async () => {
    const user = await newClient();
    const token = await issueAccountToken(handle.db, { userId: user.id, purpose: 'verify-email', now: t0 });
    const uses = await Promise.all(
      Array.from({ length: 10 }, () => consumeAccountToken(handle.db, { token, purpose: 'verify-email', now: t0 })),
    );
    expect(uses.filter(Boolean)).toHaveLength(1);
  });

  it('are stored only as hashes', async () => {
    const user = await newClient();
    const token = await issueAccountToken(handle.db, { userId: user.id, purpose: 'verify-email', now: t0 });
    const rows = await handle.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });
});

describe('registration and sign-in', () => {
  it('mails a verification link; the password signs in before it is used, and the address counts as verified only after', async () => {
    const user = await newClient(false);
    // A new client books and pays before opening any mail (issue #12); sensitive pages wait instead.
    await expect(
      accounts.authenticate(
        { db: handle.db, now: new Date() },
        { email: user.email, password: 'correct horse battery' },
      ),
    ).resolves.toMatchObject({
      id: user.id,
      emailVerified: null,
    });
    expect(await isEmailVerified(handle.db, user.id)).toBe(false);
    const [mail] = await mailsTo(user.email);
    expect(mail?.subject).toBe('【こころの整理室】メールアドレスの確認');
    expect(mail?.text).toContain('お問い合わせ：');
    await accounts.verifyEmail({ db: handle.db, now: t0 }, tokenFromMail(mail!.text));
    expect(await isEmailVerified(handle.db, user.id)).toBe(true);
  });

  it('gives one error for a wrong password and for an unknown address', async () => {
    const user = await newClient();
    const wrong = await accounts
      .authenticate({ db: handle.db, now: new Date() }, { email: user.email, password: 'wrong password' })
      .catch((e: AppError) => e.code);
    const unknown = await accounts
      .authenticate({ db: handle.db, now: new Date() }, { email: 'nobody@example.jp', password: 'wrong password' })
      .catch((e: AppError) => e.code);
    expect(wrong).toBe('invalid_credentials');
    expect(unknown).toBe('invalid_credentials');
  });

  it('registering a taken address changes nothing and tells the owner by mail', async () => {
    const user = await newClient();
    await accounts.registerClient(
      { db: handle.db, now: t0, baseUrl: 'http://test' },
      { ...profile, familyName: '別人', email: user.email, password: 'another password!' },
    );
    const [after] = await handle.db.select().from(users).where(eq(users.id, user.id));
    expect(after?.passwordHash).toBe(user.passwordHash);
    expect(after?.familyName).toBe('山田');
    expect((await mailsTo(user.email)).map((m) => m.subject)).toContain('【こころの整理室】ご登録について');
  });
});

describe('sessions', () => {
  it('end after the idle time, and activity keeps them alive', async () => {
    const user = await newClient();
    const sid = await createUserSession(handle.db, user.id, t0);
    expect(await touchUserSession(handle.db, sid, later(idleTimeoutMs - 1000))).toMatchObject({
      userId: user.id,
      role: 'client',
    });
    // Active 29 min after the last request: still signed in, though 58 min after sign-in.
    expect(await touchUserSession(handle.db, sid, later(2 * idleTimeoutMs - 2000))).toBeDefined();
    expect(await touchUserSession(handle.db, sid, later(3 * idleTimeoutMs))).toBeUndefined();
    expect(await touchUserSession(handle.db, sid, later(3 * idleTimeoutMs + 1))).toBeUndefined();
  });

  it('sign out everywhere ends every session; a password change keeps only the current one', async () => {
    const user = await newClient();
    const a = await createUserSession(handle.db, user.id, t0);
    const b = await createUserSession(handle.db, user.id, t0);
    await accounts.changePassword(
      { db: handle.db, now: t0 },
      { userId: user.id, sessionId: a, currentPassword: 'correct horse battery', password: 'a new long password' },
    );
    expect(await touchUserSession(handle.db, a, t0)).toBeDefined();
    expect(await touchUserSession(handle.db, b, t0)).toBeUndefined();
    await revokeAllUserSessions(handle.db, user.id, t0);
    expect(await touchUserSession(handle.db, a, t0)).toBeUndefined();
  });

  it('a password reset signs out every session', async () => {
    const user = await newClient();
    const sid = await createUserSession(handle.db, user.id, t0);
    await accounts.requestPasswordReset({ db: handle.db, now: t0, baseUrl: 'http://test' }, user.email);
    const mail = (await mailsTo(user.email)).find((m) => m.subject.includes('パスワードの再設定'));
    await accounts.resetPassword({ db: handle.db, now: t0 }, tokenFromMail(mail!.text), 'a reset password!');
    expect(await touchUserSession(handle.db, sid, t0)).toBeUndefined();
    await expect(
      accounts.authenticate({ db: handle.db, now: new Date() }, { email: user.email, password: 'a reset password!' }),
    ).resolves.toBeDefined();
  });

  it('an email change happens only through the link sent to the new address', async () => {
    const user = await newClient();
    const ctx = { db: handle.db, now: t0, baseUrl: 'http://test' };
    await expect(
      accounts.requestEmailChange(ctx, { userId: user.id, email: 'new@example.jp', currentPassword: 'wrong' }),
    ).rejects.toMatchObject({ code: 'wrong_password' });
    await accounts.requestEmailChange(ctx, {
      userId: user.id,
      email: 'new@example.jp',
      currentPassword: 'correct horse battery',
    });
    const [mail] = await mailsTo('new@example.jp');
    expect((await handle.db.select().from(users).where(eq(users.id, user.id)))[0]?.email).toBe(user.email);
    await accounts.confirmEmailChange(ctx, tokenFromMail(mail!.text));
    expect((await handle.db.select().from(users).where(eq(users.id, user.id)))[0]?.email).toBe('new@example.jp');
  });
});

describe('account deletion', () => {
  it('needs the password and removes the profile, sessions and tokens', async () => {
    const user = await newClient();
    await createUserSession(handle.db, user.id, t0);
    await expect(
      accounts.deleteAccount({ db: handle.db, now: t0 }, { userId: user.id, currentPassword: 'nope' }),
    ).rejects.toMatchObject({ code: 'wrong_password' });
    await accounts.deleteAccount(
      { db: handle.db, now: t0 },
      { userId: user.id, currentPassword: 'correct horse battery' },
    );
    expect(await handle.db.$count(users, eq(users.id, user.id))).toBe(0);
    expect(await handle.db.$count(userSessions, eq(userSessions.userId, user.id))).toBe(0);
    expect(await handle.db.$count(accountTokens, eq(accountTokens.userId, user.id))).toBe(0);
  });
});
