import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { availabilityOverrides, availabilityRules, bookingSettings, sessionTypes } from '@/db/schema';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { messages } from '@/lib/messages';
import type { ServiceContext } from '@/lib/service';
import { minutesFromTime } from './admin-schemas';
import { forgetBookingConfig } from './queries';

/** Replaces the weekly hours in one transaction: readers see the old set or the new, never half. */
export async function replaceWeeklyRules(
  { db }: ServiceContext,
  rules: { weekday: number; start: string; end: string }[],
): Promise<void> {
  await db.transaction(async (tx) => {
    // Every rule: the whole weekly set is replaced by the one submitted.
    await tx.delete(availabilityRules).where(sql`true`);
    if (rules.length > 0) {
      await tx.insert(availabilityRules).values(
        rules.map((r) => ({
          weekday: r.weekday,
          startMinute: minutesFromTime(r.start),
          endMinute: minutesFromTime(r.end),
        })),
      );
    }
  });
  forgetBookingConfig(db);
}

/**
 * Adds a day off or extra hours. The same one twice, or extra hours overlapping others on that
 * day, is refused with a message; the unique constraint (date, kind, minutes) holds even if two
 * saves race.
 */
export async function addOverride(
  { db }: ServiceContext,
  input: { kind: 'closed' | 'extra'; date: string; start?: string; end?: string; note: string },
): Promise<void> {
  const values =
    input.kind === 'closed'
      ? { kind: 'closed' as const, date: input.date, note: input.note }
      : {
          kind: 'extra' as const,
          date: input.date,
          startMinute: minutesFromTime(input.start!),
          endMinute: minutesFromTime(input.end!),
          note: input.note,
        };
  const sameDay = await db
    .select()
    .from(availabilityOverrides)
    .where(and(eq(availabilityOverrides.date, input.date), eq(availabilityOverrides.kind, input.kind)));
  if (values.kind === 'closed' && sameDay.length > 0)
    throw new AppError('override_duplicate', messages.errors.dayOffDuplicate);
  if (values.kind === 'extra') {
    for (const o of sameDay) {
      if (o.startMinute === values.startMinute && o.endMinute === values.endMinute)
        throw new AppError('override_duplicate');
      if (o.startMinute! < values.endMinute && values.startMinute < o.endMinute!)
        throw new AppError('override_duplicate', messages.errors.overrideOverlaps);
    }
  }
  try {
    await db.insert(availabilityOverrides).values(values);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError(
        'override_duplicate',
        values.kind === 'closed' ? messages.errors.dayOffDuplicate : messages.errors.overrideDuplicate,
      );
    throw err;
  }
  forgetBookingConfig(db);
}

export async function deleteOverride({ db }: ServiceContext, id: string): Promise<void> {
  await db.delete(availabilityOverrides).where(eq(availabilityOverrides.id, id));
  forgetBookingConfig(db);
}

export async function updateBookingSettings(
  { db, now }: ServiceContext,
  input: {
    bufferMinutes: number;
    minNoticeHours: number;
    horizonDays: number;
    stepMinutes: number;
    meetingLinkLeadHours: number;
  },
): Promise<void> {
  const values = {
    meetingLinkLeadHours: input.meetingLinkLeadHours,
    bufferMinutes: input.bufferMinutes,
    minNoticeMinutes: input.minNoticeHours * 60,
    horizonDays: input.horizonDays,
    stepMinutes: input.stepMinutes,
    updatedAt: now,
  };
  await db
    .insert(bookingSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: bookingSettings.id, set: values });
  forgetBookingConfig(db);
}

/** Creates or updates a session type; a slug already in use is a friendly error, not a 500. */
export async function saveSessionType(
  { db }: ServiceContext,
  input: {
    id?: string;
    slug: string;
    name: string;
    mode: 'online' | 'phone' | 'in_person';
    durationMinutes: number;
    priceYen: number;
    description: string;
    active: boolean;
    sortOrder: number;
    defaultMeetingUrl: string;
  },
): Promise<void> {
  const { id, defaultMeetingUrl, ...rest } = input;
  const values = { ...rest, defaultMeetingUrl: defaultMeetingUrl || null };
  const [clash] = await db
    .select({ id: sessionTypes.id })
    .from(sessionTypes)
    .where(eq(sessionTypes.slug, values.slug))
    .limit(1);
  if (clash && clash.id !== id)
    throw new AppError('invalid_input', 'このURLの末尾はすでに使われています。別の言葉にしてください。');
  if (id) {
    await db.update(sessionTypes).set(values).where(eq(sessionTypes.id, id));
  } else {
    await db.insert(sessionTypes).values(values);
  }
  forgetBookingConfig(db);
}
