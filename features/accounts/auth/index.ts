import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import Nodemailer from 'next-auth/providers/nodemailer';
import { cache } from 'react';
import { getDb } from '@/db';
import { accounts, type Role, users, verificationTokens } from '@/db/schema';
import { accountMails } from '@/features/accounts/mails';
import { hitRateLimits, rateLimitRules } from '@/features/accounts/rate-limit';
import { emailSchema, signInSchema } from '@/features/accounts/schemas';
import { cookieFrom, deviceCookieName } from '@/features/accounts/device';
import { signInWithPassword } from '@/features/accounts/sign-in-guard';
import { createUserSession, revokeUserSession, touchUserSession } from '@/features/accounts/sessions';
import { findUserIdByEmail } from '@/features/accounts/queries';
import { sendMail } from '@/features/mail/service';
import { AppError } from '@/lib/errors';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { getAuthSecret, getAuthSecrets } from '@/lib/auth/secret';
import { logFor } from '@/lib/log';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    sessionId: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    sid?: string;
    role?: Role;
  }
}

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

function baseUrlOf(url: string): string {
  return new URL(url).origin;
}

// Links in sign-in mail must use the public address, never a forgeable Host header.
if (process.env.SITE_URL && !process.env.AUTH_URL) process.env.AUTH_URL = process.env.SITE_URL;

// The configuration is built on the first request (never at import or during `next build`).
const nextAuth = NextAuth(async () => {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      verificationTokensTable: verificationTokens,
    }),
    secret: getAuthSecrets(),
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/login', verifyRequest: '/login/check-email', error: '/login' },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) throw new SignInRefused('invalid_credentials');
          const { email, password } = parsed.data;
          try {
            const user = await signInWithPassword(
              { db, now: new Date() },
              {
                email,
                password,
                ip: clientIpFrom(request.headers),
                deviceCookie: cookieFrom(request.headers.get('cookie'), deviceCookieName),
                secret: getAuthSecret(),
              },
            );
            return { id: user.id, email: user.email, name: `${user.familyName} ${user.givenName}`.trim() };
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            // No address in the line: the IP and the reason are what an attack shows.
            logFor(request.headers).warn(
              { event: 'sign_in_refused', reason: err.code, ip: clientIpFrom(request.headers) },
              'password sign-in refused',
            );
            throw new SignInRefused(err.code);
          }
        },
      }),
      Nodemailer({
        // Mail goes through the app's own mail module; this server setting is never used.
        server: 'smtp://unused.invalid',
        maxAge: 15 * 60,
        async sendVerificationRequest({ identifier, url, request }) {
          const email = emailSchema.parse(identifier);
          const allowed = await hitRateLimits(
            db,
            [
              { rule: rateLimitRules.mailLinkPerIp, subject: clientIpFrom(request.headers) },
              { rule: rateLimitRules.mailLinkPerEmail, subject: email },
            ],
            new Date(),
          );
          if (!allowed) return; // the visitor sees the same page; the mailbox is spared
          const exists = await findUserIdByEmail(db, email);
          const content = exists ? accountMails.loginLink(url) : accountMails.noAccount(`${baseUrlOf(url)}/register`);
          await sendMail(db, { to: email, ...content });
        },
      }),
    ],
    callbacks: {
      // A one-time link only ever signs in an existing account; it never creates one.
      async signIn({ user, account }) {
        if (account?.provider !== 'nodemailer') return true;
        return Boolean(user.email && (await findUserIdByEmail(db, user.email)));
      },
      async jwt({ token, user }) {
        const now = new Date();
        if (user?.id) {
          token.uid = user.id;
          token.sid = await createUserSession(db, user.id, now);
        }
        if (!token.sid) return null;
        const active = await touchUserSession(db, token.sid, now);
        if (!active) return null;
        token.role = active.role;
        token.email = active.email;
        token.name = active.name;
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          sessionId: token.sid ?? '',
          user: {
            ...session.user,
            id: token.uid ?? '',
            email: token.email ?? '',
            name: token.name ?? '',
            role: token.role ?? 'client',
          },
        };
      },
    },
    events: {
      async signOut(message) {
        if ('token' in message && message.token?.sid) await revokeUserSession(db, message.token.sid, new Date());
      },
    },
  };
});

export const { handlers, signIn, signOut } = nextAuth;

/** The current session, once per request. */
export const auth = cache(nextAuth.auth);
