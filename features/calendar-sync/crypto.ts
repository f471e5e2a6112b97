import 'server-only';
import { type Keyring, open, seal } from '@/features/intake/crypto';

/**
 * Her calendars' secret addresses are sealed like questionnaire answers and session notes: the
 * same AES-256-GCM and keyring (INTAKE_ENCRYPTION_KEYS), the row id bound in as associated data.
 */
export const importUrlAad = (importId: string) => `calendar_imports:${importId}`;

export function sealImportUrl(keyring: Keyring, importId: string, url: string) {
  const { keyId, payload } = seal(keyring, url, importUrlAad(importId));
  // A row saved before encryption loses its plaintext in the same update.
  return { keyId, urlEncrypted: payload, url: null };
}

/**
 * The address of an import: decrypted, or the plaintext of a row saved before encryption (sealed
 * on its next sync). Throws UnreadableCiphertextError when the keyring lacks its key.
 */
export function openImportUrl(
  keyring: Keyring,
  row: { id: string; url: string | null; urlEncrypted: string | null; keyId: string | null },
): string {
  if (row.urlEncrypted && row.keyId)
    return open(keyring, { keyId: row.keyId, payload: row.urlEncrypted }, importUrlAad(row.id));
  if (row.url) return row.url;
  throw new Error(`calendar import ${row.id} has no URL`);
}
