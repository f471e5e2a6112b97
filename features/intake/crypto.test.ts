import { describe, expect, it } from 'vitest';
import { formatKeyring, open, parseKeyring, seal, UnreadableCiphertextError, withNewKey } from './crypto';

const keyring = withNewKey(undefined, 'k1');
const secret = '元恋人に何度も連絡してしまう';

describe('intake encryption', () => {
  it('round-trips, with a fresh IV every time, and no plain text in the payload', () => {
    const a = seal(keyring, secret, 'row-1');
    const b = seal(keyring, secret, 'row-1');
    expect(a.keyId).toBe('k1');
    expect(a.payload).not.toBe(b.payload);
    expect(a.payload).not.toContain(secret);
    expect(Buffer.from(a.payload.slice(3), 'base64url').toString('utf8')).not.toContain(secret);
    expect(open(keyring, a, 'row-1')).toBe(secret);
  });

  it('refuses a ciphertext moved to another row, tampered with, cut short or under another key of the same id', () => {
    const sealed = seal(keyring, secret, 'row-1');
    const notAuthentic = new UnreadableCiphertextError('k1', 'not_authentic');
    expect(() => open(keyring, sealed, 'row-2')).toThrow(notAuthentic);
    const bytes = Buffer.from(sealed.payload.slice(3), 'base64url');
    bytes[14]! ^= 1;
    expect(() => open(keyring, { ...sealed, payload: `v1.${bytes.toString('base64url')}` }, 'row-1')).toThrow(
      notAuthentic,
    );
    expect(() =>
      open(keyring, { ...sealed, payload: `v1.${bytes.subarray(0, 20).toString('base64url')}` }, 'row-1'),
    ).toThrow(notAuthentic);
    expect(() => open(keyring, { ...sealed, payload: 'v9.AAAA' }, 'row-1')).toThrow(notAuthentic);
    expect(() => open(withNewKey(undefined, 'k1'), sealed, 'row-1')).toThrow(notAuthentic);
  });

  it('reads old rows after a new key is added, and encrypts new ones with the new key', () => {
    const old = seal(keyring, secret, 'row-1');
    const rotated = parseKeyring(formatKeyring(withNewKey(keyring, 'k2')));
    expect(rotated.currentId).toBe('k2');
    expect(open(rotated, old, 'row-1')).toBe(secret);
    expect(seal(rotated, secret, 'row-1').keyId).toBe('k2');
    expect(() => open(withNewKey(undefined, 'other'), old, 'row-1')).toThrow(
      expect.objectContaining({
        name: 'UnreadableCiphertextError',
        keyId: 'k1',
        reason: 'key_not_configured',
        message: expect.stringMatching(/k1 is not configured/),
      }),
    );
  });

  it('says what is wrong with a badly written key', () => {
    expect(() => parseKeyring('')).toThrow(/no intake encryption key/);
    expect(() => parseKeyring('k1:c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => parseKeyring(`bad id:${Buffer.alloc(32).toString('base64')}`)).toThrow(/id:base64key/);
  });
});
