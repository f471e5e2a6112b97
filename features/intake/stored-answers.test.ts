import { afterEach, describe, expect, it, vi } from 'vitest';
import type { intakeResponses } from '@/db/schema';
import { withNewKey } from './crypto';
import { describeResponse, readAnswers, sealAnswers } from './stored-answers';

const keyA = withNewKey(undefined, 'kA');
// The keyring after kA was dropped too early.
const withoutA = withNewKey(undefined, 'kB');
const secret = '元恋人に何度も連絡してしまう';

function row(id: string, keyring = keyA): typeof intakeResponses.$inferSelect {
  const at = new Date('2026-12-01T00:00:00Z');
  return {
    id,
    bookingId: `booking-${id}`,
    clientId: 'client-1',
    theme: 'abandonment-anxiety',
    generalVersion: 1,
    themeVersion: 1,
    status: 'submitted',
    consentedAt: at,
    submittedAt: at,
    flaggedAt: at,
    createdAt: at,
    updatedAt: at,
    ...sealAnswers(keyring, id, { g_goal: secret, g_safety: 'sometimes' }),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('reading stored answers', () => {
  it('gives the answers when the row’s key is in the keyring', () => {
    expect(readAnswers(keyA, row('r1'))).toEqual({
      readable: true,
      answers: { g_goal: secret, g_safety: 'sometimes' },
    });
  });

  it('says which key is missing, logging the row and key once and never an answer', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(readAnswers(withoutA, row('r1'))).toEqual({ readable: false, keyId: 'kA', reason: 'key_not_configured' });
    expect(log).toHaveBeenCalledTimes(1);
    const logged = log.mock.calls.flat().join(' ');
    expect(logged).toContain('r1');
    expect(logged).toContain('kA');
    expect(logged).not.toContain(secret);
  });

  it('tells a ciphertext that does not authenticate (moved from another row) from a missing key', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const moved = { ...row('r1'), answersEncrypted: row('r2').answersEncrypted };
    expect(readAnswers(keyA, moved)).toEqual({ readable: false, keyId: 'kA', reason: 'not_authentic' });
  });

  it('describes an unreadable response by what is stored in the clear, with no answers, flag or summary', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = describeResponse(withoutA, row('r1'));
    expect(view).toEqual({
      id: 'r1',
      bookingId: 'booking-r1',
      clientId: 'client-1',
      status: 'submitted',
      theme: 'abandonment-anxiety',
      themeLabel: '縋る恋愛・見捨てられ不安',
      consentedAt: expect.any(Date),
      submittedAt: expect.any(Date),
      updatedAt: expect.any(Date),
      readable: false,
      keyId: 'kA',
      reason: 'key_not_configured',
    });
    expect(describeResponse(keyA, row('r1'))).toMatchObject({
      readable: true,
      flagged: true,
      answers: { g_goal: secret },
    });
  });
});
