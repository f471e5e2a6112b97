import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { type Role, type User, users } from '@/db/schema';
import { sendMail } from '@/features/mail/service';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '@/lib/service';
import { accountMails } from './mails';
import { hashPassword, verifyPassword } from './password';
import { hitRateLimits, rateLimitRules } from './rate-limit';
import type { Profile } from './schemas';
import { revokeAllUserSessions } from './sessions';
import { consumeAccountToken, issueAccountToken } from './tokens';

/** Mails carry links to `baseUrl`. */
type Context = ServiceContext & { baseUrl: string };

async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return user;
}

async function findUserOrThrow(db: Db, userId: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError('not_found');
  return user;
}

/**
 * Registers a client and mails a verification link. An address that already has an account
 * gets a notice instead, and the caller sees the same answer either way (no enumeration).
 * Returns the new client's id, or undefined when the address already had an account.
 */
export async function registerClient(
  ctx: Context,
  input: Profile & { email: string; password: string },
  returnTo?: string,
): Promise<string | undefined> {
  // Both paths hash the password and count a mail for the address, so that the time taken
  // does not tell whether the address is registered (issue #14: 40 ms against 121 ms).
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(ctx.db, input.email);
  const mayMail = await hitRateLimits(
    ctx.db,
    [{ rule: rateLimitRules.signUpMailPerEmail, subject: `${existing ? 'existing' : 'new'}:${input.email}` }],
    ctx.now,
  );
  if (existing) {
    // One "already registered" mail per address per hour: repeated sign-ups cannot flood a mailbox.
    if (!mayMail) return;
    await sendMail(ctx.db, {
      to: existing.email,
      ...accountMails.alreadyRegistered(`${ctx.baseUrl}/login`, `${ctx.baseUrl}/forgot-password`),
    });
    return;
  }
  const [user] = await ctx.db
    .insert(users)
    .values({
      email: input.email,
      passwordHash,
      name: `${input.familyName} ${input.givenName}`,
      familyName: input.familyName,
      givenName: input.givenName,
      familyNameKana: input.familyNameKana,
      givenNameKana: input.givenNameKana,
      phone: input.phone,
      timeZone: input.timeZone,
      role: 'client',
    })
    .onConflictDoNothing()
    .returning();
  if (!user) return undefined; // registered concurrently: the first registration's mail stands
  await sendVerificationMail(ctx, user, returnTo);
  return user.id;
}

/** `returnTo`: where the visitor was going (a chosen slot), carried through the mailed link. */
export async function sendVerificationMail(
  ctx: Context,
  user: Pick<User, 'id' | 'email'>,
  returnTo?: string,
): Promise<void> {
  const token = await issueAccountToken(ctx.db, { userId: user.id, purpose: 'verify-email', now: ctx.now });
  const next = returnTo ? `&next=${encodeURIComponent(returnTo)}` : '';
  await sendMail(ctx.db, {
    to: user.email,
    ...accountMails.verifyEmail(`${ctx.baseUrl}/verify-email?token=${token}${next}`),
  });
}

/** Resends the link to an unverified account; silent otherwise. */
export async function resendVerificationMail(ctx: Context, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (user && !user.emailVerified) await sendVerificationMail(ctx, user);
}

export async function verifyEmail(ctx: ServiceContext, token: string): Promise<void> {
  const used = await consumeAccountToken(ctx.db, { token, purpose: 'verify-email', now: ctx.now });
  if (!used) throw new AppError('token_invalid');
  await ctx.db.update(users).set({ emailVerified: ctx.now, updatedAt: ctx.now }).where(eq(users.id, used.userId));
}

/**
 * The user behind an email and password; one error for every way it can fail. An address not
 * yet verified signs in too (a new client books and pays before opening any mail, issue #12);
 * the pages holding sensitive data ask for the verified address instead (isEmailVerified).
 */
export async function authenticate(
  { db }: ServiceContext,
  { email, password }: { email: string; password: string },
): Promise<User> {
  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) throw new AppError('invalid_credentials');
  return user;
}

export async function requestPasswordReset(ctx: Context, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) return;
  const token = await issueAccountToken(ctx.db, { userId: user.id, purpose: 'reset-password', now: ctx.now });
  await sendMail(ctx.db, {
    to: user.email,
    ...accountMails.resetPassword(`${ctx.baseUrl}/reset-password?token=${token}`),
  });
}

/** Sets a new password from a mailed link; every session is signed out. */
export async function resetPassword(ctx: ServiceContext, token: string, password: string): Promise<void> {
  const used = await consumeAccountToken(ctx.db, { token, purpose: 'reset-password', now: ctx.now });
  if (!used) throw new AppError('token_invalid');
  // Following the link proves the mailbox, so it also verifies the address.
  await ctx.db
    .update(users)
    .set({ passwordHash: await hashPassword(password), updatedAt: ctx.now, emailVerified: ctx.now })
    .where(eq(users.id, used.userId));
  await revokeAllUserSessions(ctx.db, used.userId, ctx.now);
}

export async function changePassword(
  ctx: ServiceContext,
  input: { userId: string; sessionId: string; currentPassword: string; password: string },
): Promise<void> {
  const user = await findUserOrThrow(ctx.db, input.userId);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('wrong_password');
  await ctx.db
    .update(users)
    .set({ passwordHash: await hashPassword(input.password), updatedAt: ctx.now })
    .where(eq(users.id, user.id));
  await revokeAllUserSessions(ctx.db, user.id, ctx.now, input.sessionId);
}

export async function updateProfile(ctx: ServiceContext, userId: string, profile: Profile): Promise<void> {
  await ctx.db
    .update(users)
    .set({ ...profile, name: `${profile.familyName} ${profile.givenName}`, updatedAt: ctx.now })
    .where(eq(users.id, userId));
}

/** Mails a link to the new address; the change happens only when that link is opened. */
export async function requestEmailChange(
  ctx: Context,
  input: { userId: string; email: string; currentPassword: string },
): Promise<void> {
  const user = await findUserOrThrow(ctx.db, input.userId);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('wrong_password');
  if (await findUserByEmail(ctx.db, input.email)) return; // taken: say nothing that reveals it
  const token = await issueAccountToken(ctx.db, {
    userId: user.id,
    purpose: 'change-email',
    now: ctx.now,
    email: input.email,
  });
  await sendMail(ctx.db, {
    to: input.email,
    ...accountMails.changeEmail(`${ctx.baseUrl}/verify-email?change=1&token=${token}`),
  });
}

export async function confirmEmailChange(ctx: ServiceContext, token: string): Promise<void> {
  const used = await consumeAccountToken(ctx.db, { token, purpose: 'change-email', now: ctx.now });
  if (!used?.email) throw new AppError('token_invalid');
  if (await findUserByEmail(ctx.db, used.email)) throw new AppError('token_invalid');
  await ctx.db
    .update(users)
    .set({ email: used.email, emailVerified: ctx.now, updatedAt: ctx.now })
    .where(eq(users.id, used.userId));
}

/** Deletes the account and everything that hangs off it (sessions, tokens). */
export async function deleteAccount(
  ctx: ServiceContext,
  input: { userId: string; currentPassword: string },
): Promise<void> {
  const user = await findUserOrThrow(ctx.db, input.userId);
  if (user.role === 'counselor') throw new AppError('forbidden');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('wrong_password');
  await ctx.db.delete(users).where(eq(users.id, user.id));
}

/** Creates or updates the counselor account (seed). */
export async function ensureAccount(
  { db, now }: ServiceContext,
  input: { email: string; password: string; role: Role; familyName: string; givenName: string },
): Promise<'created' | 'exists'> {
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    if (existing.role !== input.role) await db.update(users).set({ role: input.role }).where(eq(users.id, existing.id));
    return 'exists';
  }
  await db.insert(users).values({
    email: input.email.toLowerCase(),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    familyName: input.familyName,
    givenName: input.givenName,
    name: `${input.familyName} ${input.givenName}`,
    emailVerified: now,
  });
  return 'created';
}
