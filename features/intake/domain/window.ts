/**
 * When an intake may be changed. Until 24 h before the session it is open (drafts and
 * submitted answers alike); in the last 24 h a missing or unfinished one may still be sent,
 * but sent answers stand as the counselor prepares; once the session starts it is locked.
 */
export const editDeadlineHours = 24;

export type IntakeWindow = 'open' | 'late' | 'locked';
export type IntakeStatus = 'none' | 'draft' | 'submitted';

export function intakeWindow(input: { startsAt: Date; now: Date; bookingStatus: string }): IntakeWindow {
  if (input.bookingStatus !== 'confirmed' || input.now >= input.startsAt) return 'locked';
  if (input.startsAt.getTime() - input.now.getTime() <= editDeadlineHours * 60 * 60 * 1000) return 'late';
  return 'open';
}

export function canEditIntake(window: IntakeWindow, status: IntakeStatus): boolean {
  if (window === 'open') return true;
  if (window === 'late') return status !== 'submitted';
  return false;
}
