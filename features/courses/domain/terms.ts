/**
 * The course terms (DESIGN.md): a full refund until `fullRefundUntilDaysBefore` days before the
 * first lesson, that instant included (7 days before a 19:00 lesson: until 19:00 a week earlier);
 * none after. A cohort the counselor cancels is refunded in full. Yen are integers.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export type CourseRefund = { refundYen: number; full: boolean; refundUntil: Date };

export function courseRefund(input: {
  fullRefundUntilDaysBefore: number;
  firstLessonAt: Date;
  now: Date;
  priceYen: number;
  cancelledBy?: 'client' | 'counselor';
}): CourseRefund {
  const { fullRefundUntilDaysBefore, firstLessonAt, now, priceYen } = input;
  if (!Number.isSafeInteger(priceYen) || priceYen < 0)
    throw new RangeError(`yen amounts are non-negative integers, got ${priceYen}`);
  if (!Number.isFinite(fullRefundUntilDaysBefore) || fullRefundUntilDaysBefore < 0) {
    throw new RangeError(`fullRefundUntilDaysBefore must be zero or more, got ${fullRefundUntilDaysBefore}`);
  }
  const deadline = firstLessonAt.getTime() - fullRefundUntilDaysBefore * DAY_MS;
  if (Number.isNaN(deadline) || Number.isNaN(now.getTime())) throw new RangeError('invalid date');
  const full = input.cancelledBy === 'counselor' || now.getTime() <= deadline;
  return { refundYen: full ? priceYen : 0, full, refundUntil: new Date(deadline) };
}

export type RegistrationState = 'open' | 'full' | 'closed' | 'cancelled';

/** Whether a cohort takes registrations now: before its deadline, with a seat free. */
export function registrationState(input: {
  status: 'open' | 'cancelled';
  capacity: number;
  seatsTaken: number;
  deadline: Date;
  now: Date;
}): RegistrationState {
  if (input.status === 'cancelled') return 'cancelled';
  if (input.now.getTime() >= input.deadline.getTime()) return 'closed';
  return input.seatsTaken >= input.capacity ? 'full' : 'open';
}

export function seatsLeft(capacity: number, seatsTaken: number): number {
  return Math.max(0, capacity - seatsTaken);
}

const MINUTE_MS = 60 * 1000;
export const seatHoldMinutes = 30;
export const waitlistOfferHours = 24;

/**
 * When the Checkout Session of a held seat expires, and the hold with it: the hold's own end,
 * but never sooner than Stripe's minimum (30 minutes, plus one of slack) nor later than its
 * maximum (24 hours). A waitlist offer's hold keeps its remaining hours.
 */
export function checkoutExpiry(holdExpiresAt: Date, now: Date): Date {
  const min = now.getTime() + 31 * MINUTE_MS;
  const max = now.getTime() + 24 * 60 * MINUTE_MS - MINUTE_MS;
  return new Date(Math.min(max, Math.max(min, holdExpiresAt.getTime())));
}
