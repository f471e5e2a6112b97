import 'server-only';
import crypto from 'node:crypto';

/**
 * AES-256-GCM for intake answers. Every write gets a fresh 96-bit IV; the row's id is the
 * additional authenticated data, so a ciphertext moved to another row does not decrypt. The
 * key id is stored beside each ciphertext, so old rows stay readable while keys rotate.
 *
 * A keyring is written `id:base64key[,id:base64key…]`; the first key encrypts, every key
 * listed decrypts.
 */
export type Keyring = { currentId: string; keys: ReadonlyMap<string, Buffer> };
export type Sealed = { keyId: string; payload: string };

/**
 * A ciphertext that cannot be opened: its key is not in the keyring (dropped too early in a
 * rotation), or it does not authenticate under that key (a wrong key value, or damaged data).
 */
export class UnreadableCiphertextError extends Error {
  constructor(
    readonly keyId: string,
    readonly reason: 'key_not_configured' | 'not_authentic',
  ) {
    super(
      reason === 'key_not_configured'
        ? `intake key ${keyId} is not configured (INTAKE_ENCRYPTION_KEYS)`
        : `intake ciphertext does not authenticate under key ${keyId}`,
    );
    this.name = 'UnreadableCiphertextError';
  }
}

const version = 'v1';
const ivBytes = 12;
const tagBytes = 16;
const keyIdPattern = /^[A-Za-z0-9_-]{1,40}$/;

export function parseKeyring(spec: string): Keyring {
  const entries = spec
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':');
      const id = entry.slice(0, at);
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      if (at <= 0 || !keyIdPattern.test(id))
        throw new Error(
          `intake key "${entry.slice(0, 12)}…": expected id:base64key with an id of letters, digits, - or _`,
        );
      if (key.length !== 32)
        throw new Error(`intake key ${id}: must be 32 bytes (base64 of 32 random bytes), got ${key.length}`);
      return [id, key] as const;
    });
  if (entries.length === 0) throw new Error('no intake encryption key given');
  const keys = new Map(entries);
  if (keys.size !== entries.length) throw new Error('intake key ids must be unique');
  return { currentId: entries[0]![0], keys };
}

export function formatKeyring(keyring: Keyring): string {
  const ordered = [keyring.currentId, ...[...keyring.keys.keys()].filter((id) => id !== keyring.currentId)];
  return ordered.map((id) => `${id}:${keyring.keys.get(id)!.toString('base64')}`).join(',');
}

/** A new random key, put first so that it encrypts from now on; the older keys still decrypt. */
export function withNewKey(
  keyring: Keyring | undefined,
  id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${crypto.randomBytes(3).toString('hex')}`,
): Keyring {
  const keys = new Map<string, Buffer>([[id, crypto.randomBytes(32)], ...(keyring?.keys ?? [])]);
  return { currentId: id, keys };
}

export function seal(keyring: Keyring, plaintext: string, aad: string): Sealed {
  const key = keyring.keys.get(keyring.currentId)!;
  const iv = crypto.randomBytes(ivBytes);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const payload = `${version}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  return { keyId: keyring.currentId, payload };
}

export function open(keyring: Keyring, sealed: Sealed, aad: string): string {
  const key = keyring.keys.get(sealed.keyId);
  if (!key) throw new UnreadableCiphertextError(sealed.keyId, 'key_not_configured');
  const [v, data] = sealed.payload.split('.');
  const raw = Buffer.from(data ?? '', 'base64url');
  if (v !== version || raw.length < ivBytes + tagBytes)
    throw new UnreadableCiphertextError(sealed.keyId, 'not_authentic');
  const iv = raw.subarray(0, ivBytes);
  const tag = raw.subarray(raw.length - tagBytes);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  const body = decipher.update(raw.subarray(ivBytes, raw.length - tagBytes));
  try {
    return Buffer.concat([body, decipher.final()]).toString('utf8');
  } catch {
    // GCM's final() is where a wrong key, another row's AAD or a changed byte shows.
    throw new UnreadableCiphertextError(sealed.keyId, 'not_authentic');
  }
}
