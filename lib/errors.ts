import { messages } from './messages';

/** Errors the user can act on carry a code; everything else is unexpected and logged. */
export const errorCodes = {
  invalid_input: { status: 400, message: messages.errors.invalidInput },
  invalid_credentials: { status: 401, message: messages.errors.invalidCredentials },
  email_not_verified: { status: 403, message: messages.errors.emailNotVerified },
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
  payment_unavailable: { status: 503, message: messages.errors.paymentUnavailable },
  slug_taken: { status: 409, message: messages.errors.slugTaken },
  schedule_in_past: { status: 400, message: messages.errors.scheduleInPast },
  issue_not_editable: { status: 409, message: messages.errors.issueNotEditable },
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

export function userMessageFor(err: unknown): { code: ErrorCode | 'unexpected'; message: string; status: number } {
  if (err instanceof AppError) return { code: err.code, message: err.message, status: errorCodes[err.code].status };
  console.error(err);
  return { code: 'unexpected', message: messages.errors.unexpected, status: 500 };
}

/** PostgreSQL's code for an exclusion-constraint violation (drizzle keeps the driver error as `cause`). */
export function isExclusionViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23P01') return true;
  }
  return false;
}
