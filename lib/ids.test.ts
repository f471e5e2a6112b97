import { describe, expect, it } from 'vitest';
import { isUuid } from './ids';

describe('isUuid', () => {
  it('accepts the ids the database makes, in either case', () => {
    expect(isUuid('0b6f3c2e-5d1a-4f7e-9c3b-2a1d0e9f8c7b')).toBe(true);
    expect(isUuid('0B6F3C2E-5D1A-4F7E-9C3B-2A1D0E9F8C7B')).toBe(true);
  });

  it('refuses what PostgreSQL would reject as a uuid (a mangled link)', () => {
    for (const bad of [
      '------------------------------------',
      '0b6f3c2e5d1a4f7e9c3b2a1d0e9f8c7b0000',
      '0b6f3c2e-5d1a-4f7e-9c3b-2a1d0e9f8c7',
      'g b6f3c2e-5d1a-4f7e-9c3b-2a1d0e9f8c7b',
      '',
    ]) {
      expect(isUuid(bad), bad).toBe(false);
    }
  });
});
