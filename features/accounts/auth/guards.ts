import 'server-only';
import { notFound, redirect } from 'next/navigation';
import type { Role } from '@/db/schema';
import { auth } from './index';

export type CurrentUser = { id: string; email: string; name: string; role: Role; sessionId: string };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  if (!session?.user?.id || !session.sessionId) return null;
  return { ...session.user, sessionId: session.sessionId };
}

export function loginUrl(returnTo: string): string {
  return `/login?callbackUrl=${encodeURIComponent(returnTo)}`;
}

/** For pages: a signed-out visitor is sent to sign in and brought back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl(returnTo));
  return user;
}

/** For counselor pages: clients get the same 404 as a page that does not exist. */
export async function requireCounselor(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (user.role !== 'counselor') notFound();
  return user;
}

/** For records: the owner or the counselor may see it; anyone else gets 404. */
export function assertCanSee(user: CurrentUser, ownerId: string): void {
  if (user.role !== 'counselor' && user.id !== ownerId) notFound();
}
