import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  type DeliveryStatus,
  type SubscriberStatus,
  newsletterDeliveries,
  newsletterIssues,
  newsletterSubscribers,
} from '@/db/schema';

export async function countSubscribers(db: Db): Promise<Record<SubscriberStatus, number>> {
  const rows = await db
    .select({ status: newsletterSubscribers.status, n: count() })
    .from(newsletterSubscribers)
    .groupBy(newsletterSubscribers.status);
  const counts = { pending: 0, active: 0, unsubscribed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Every address with its consent record (for the CSV export the law expects to be producible). */
export async function listSubscribersForExport(db: Db) {
  return db
    .select({
      email: newsletterSubscribers.email,
      status: newsletterSubscribers.status,
      sourcePath: newsletterSubscribers.sourcePath,
      requestedAt: newsletterSubscribers.requestedAt,
      confirmedAt: newsletterSubscribers.confirmedAt,
      unsubscribedAt: newsletterSubscribers.unsubscribedAt,
    })
    .from(newsletterSubscribers)
    .orderBy(asc(newsletterSubscribers.createdAt));
}

export type DeliveryCounts = Record<DeliveryStatus, number> & { total: number };

async function deliveryCountsFor(db: Db, issueIds: string[]): Promise<Map<string, DeliveryCounts>> {
  const out = new Map<string, DeliveryCounts>();
  if (issueIds.length === 0) return out;
  const rows = await db
    .select({ issueId: newsletterDeliveries.issueId, status: newsletterDeliveries.status, n: count() })
    .from(newsletterDeliveries)
    .where(inArray(newsletterDeliveries.issueId, issueIds))
    .groupBy(newsletterDeliveries.issueId, newsletterDeliveries.status);
  for (const id of issueIds)
    out.set(id, { pending: 0, sending: 0, sent: 0, skipped: 0, failed: 0, unknown: 0, total: 0 });
  for (const r of rows) {
    const c = out.get(r.issueId)!;
    c[r.status] = Number(r.n);
    c.total += Number(r.n);
  }
  return out;
}

/** Issues, newest first, each with how far its sending has come. */
export async function listIssues(db: Db) {
  const issues = await db
    .select()
    .from(newsletterIssues)
    .orderBy(desc(sql`coalesce(${newsletterIssues.scheduledAt}, ${newsletterIssues.updatedAt})`));
  const counts = await deliveryCountsFor(
    db,
    issues.map((i) => i.id),
  );
  return issues.map((i) => ({ ...i, deliveries: counts.get(i.id)! }));
}

export async function getIssue(db: Db, id: string) {
  const [issue] = await db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
  if (!issue) return undefined;
  return { ...issue, deliveries: (await deliveryCountsFor(db, [id])).get(id)! };
}

export async function listScheduledIssueTimes(db: Db, now: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: newsletterIssues.scheduledAt })
    .from(newsletterIssues)
    .where(gt(newsletterIssues.scheduledAt, now));
  return rows.flatMap((r) => (r.at ? [r.at] : []));
}

const inPublicArchive = and(eq(newsletterIssues.status, 'sent'), eq(newsletterIssues.inArchive, true));

/** Sent issues the counselor chose to show on the public archive, newest first. */
export async function listArchivedIssues(db: Db) {
  return db
    .select({ id: newsletterIssues.id, subject: newsletterIssues.subject, sentAt: newsletterIssues.startedAt })
    .from(newsletterIssues)
    .where(inPublicArchive)
    .orderBy(desc(newsletterIssues.startedAt));
}

export async function getArchivedIssue(db: Db, id: string) {
  const [row] = await db
    .select({
      id: newsletterIssues.id,
      subject: newsletterIssues.subject,
      bodyMarkdown: newsletterIssues.bodyMarkdown,
      sentAt: newsletterIssues.startedAt,
    })
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.id, id), inPublicArchive));
  return row;
}
