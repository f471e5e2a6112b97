import { describe, expect, it } from 'vitest';
import { canEditIntake, intakeWindow } from './window';

const startsAt = new Date('2026-12-10T05:00:00Z');
const hoursBefore = (h: number) => new Date(startsAt.getTime() - h * 60 * 60 * 1000);

describe('the edit window', () => {
  it('is open until 24 h before the session, for drafts and sent answers alike', () => {
    expect(intakeWindow({ startsAt, now: hoursBefore(24.01), bookingStatus: 'confirmed' })).toBe('open');
    expect(canEditIntake('open', 'submitted')).toBe(true);
    expect(canEditIntake('open', 'draft')).toBe(true);
  });

  it('in the last 24 h still takes a missing or unfinished questionnaire, but sent answers stand', () => {
    expect(intakeWindow({ startsAt, now: hoursBefore(24), bookingStatus: 'confirmed' })).toBe('late');
    expect(intakeWindow({ startsAt, now: hoursBefore(0.01), bookingStatus: 'confirmed' })).toBe('late');
    expect(canEditIntake('late', 'none')).toBe(true);
    expect(canEditIntake('late', 'draft')).toBe(true);
    expect(canEditIntake('late', 'submitted')).toBe(false);
  });

  it('locks once the session starts, and for a booking that is not confirmed', () => {
    expect(intakeWindow({ startsAt, now: startsAt, bookingStatus: 'confirmed' })).toBe('locked');
    expect(intakeWindow({ startsAt, now: hoursBefore(72), bookingStatus: 'cancelled' })).toBe('locked');
    expect(intakeWindow({ startsAt, now: hoursBefore(72), bookingStatus: 'held' })).toBe('locked');
    for (const status of ['none', 'draft', 'submitted'] as const) expect(canEditIntake('locked', status)).toBe(false);
  });
});
