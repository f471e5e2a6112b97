import { describe, expect, it } from 'vitest';
import { sessionTypeLabel } from './session-label';

describe('sessionTypeLabel', () => {
  it('says the length once when the name already carries it', () => {
    expect(sessionTypeLabel({ name: 'オンラインセッション（60分）', durationMinutes: 60 })).toBe(
      'オンラインセッション（60分）',
    );
    // Full-width digits, as a counselor may type them, count as the same length.
    expect(sessionTypeLabel({ name: '電話セッション（６０分）', durationMinutes: 60 })).toBe(
      '電話セッション（６０分）',
    );
  });

  it('adds the length, without brackets, when the name does not say it or says another', () => {
    expect(sessionTypeLabel({ name: '初回相談', durationMinutes: 50 })).toBe('初回相談・50分');
    expect(sessionTypeLabel({ name: 'オンラインセッション（60分）', durationMinutes: 90 })).toBe(
      'オンラインセッション（60分）・90分',
    );
  });
});
