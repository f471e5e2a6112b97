import type { Logger } from 'pino';
import { log } from './log';
import { messages } from './messages';

/** Errors the user can act on carry a code; everything else is unexpected and logged. */
export const errorCodes = {
  invalid_input: { status: 400, message: messages.errors.invalidInput },
  invalid_credentials: { status: 401, message: messages.errors.invalidCredentials },
  email_not_verified: { status: 403, message: messages.errors.emailNotVerified },
  email_registered: { status: 409, message: messages.errors.emailRegistered },
  wrong_password: { status: 400, message: messages.errors.wrongPassword },
  token_invalid: { status: 400, message: messages.errors.tokenInvalid },
  rate_limited: { status: 429, message: messages.errors.rateLimited },
  forbidden: { status: 403, message: messages.errors.forbidden },
  not_found: { status: 404, message: messages.errors.notFound },
  slot_taken: { status: 409, message: messages.errors.slotTaken },
  slot_unavailable: { status: 409, message: messages.errors.slotUnavailable },
  hold_expired: { status: 409, message: messages.errors.holdExpired },
  not_cancellable: { status: 409, message: messages.errors.notCancellable },
  reschedule_not_allowed: { status: 409, message: messages.errors.rescheduleNotAllowed },
  cancellation_terms_changed: { status: 409, message: messages.errors.cancellationTermsChanged },
  payment_unavailable: { status: 503, message: messages.errors.paymentUnavailable },
  intake_locked: { status: 409, message: messages.errors.intakeLocked },
  consent_required: { status: 409, message: messages.intake.validation.consent },
  intake_unreadable: { status: 409, message: messages.errors.intakeUnreadable },
  registration_closed: { status: 409, message: messages.errors.registrationClosed },
  seat_hold_expired: { status: 409, message: messages.errors.seatHoldExpired },
  enrollment_not_cancellable: { status: 409, message: messages.errors.enrollmentNotCancellable },
  enrollment_already_cancelled: { status: 409, message: messages.errors.enrollmentAlreadyCancelled },
  capacity_below_taken: { status: 409, message: messages.errors.capacityBelowTaken },
  already_paid: { status: 409, message: messages.errors.alreadyPaid },
  slug_taken: { status: 409, message: messages.errors.slugTaken },
  no_credits: { status: 409, message: messages.errors.noCredits },
  package_expired: { status: 409, message: messages.errors.packageExpired },
  package_not_covered: { status: 409, message: messages.errors.packageNotCovered },
  package_refunded: { status: 409, message: messages.errors.packageRefunded },
  schedule_in_past: { status: 400, message: messages.errors.scheduleInPast },
  issue_not_editable: { status: 409, message: messages.errors.issueNotEditable },
  override_duplicate: { status: 409, message: messages.errors.overrideDuplicate },
  note_changed: { status: 409, message: messages.errors.noteChanged },
  note_unreadable: { status: 409, message: messages.errors.noteUnreadable },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = errorCodes[code].message,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function userMessageFor(
  err: unknown,
  logger: Logger = log,
): { code: ErrorCode | 'unexpected'; message: string; status: number } {
  if (err instanceof AppError) return { code: err.code, message: err.message, status: errorCodes[err.code].status };
  logger.error({ err }, 'unexpected error');
  return { code: 'unexpected', message: messages.errors.unexpected, status: 500 };
}

/** Whether a database error (drizzle keeps the driver's error as `cause`) carries a PostgreSQL code. */
export function hasPgCode(err: unknown, code: string): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === code) return true;
  }
  return false;
}

/** An exclusion-constraint violation (23P01). */
export const isExclusionViolation = (err: unknown) => hasPgCode(err, '23P01');

/** A unique-constraint violation (23505). */
export const isUniqueViolation = (err: unknown) => hasPgCode(err, '23505');
