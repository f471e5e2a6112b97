import 'server-only';
import { type Keyring, open, seal, UnreadableCiphertextError } from '@/features/intake/crypto';

/** The same AES-256-GCM and keyring as questionnaire answers; the row id binds each ciphertext. */
export const noteAad = (noteId: string) => `session_notes:${noteId}`;

export function sealNote(keyring: Keyring, noteId: string, body: string) {
  const { keyId, payload } = seal(keyring, JSON.stringify({ body }), noteAad(noteId));
  return { keyId, bodyEncrypted: payload };
}

export type NoteOutcome =
  { readable: true; body: string } | { readable: false; keyId: string; reason: UnreadableCiphertextError['reason'] };

/** A note the keys cannot open is reported (its id and key id only), never the page's end. */
export function openNote(keyring: Keyring, row: { id: string; keyId: string; bodyEncrypted: string }): NoteOutcome {
  try {
    const { body } = JSON.parse(open(keyring, { keyId: row.keyId, payload: row.bodyEncrypted }, noteAad(row.id))) as {
      body: string;
    };
    return { readable: true, body };
  } catch (err) {
    if (!(err instanceof UnreadableCiphertextError)) throw err;
    console.error(`[session-notes] note ${row.id} cannot be read: key ${err.keyId}, ${err.reason}`);
    return { readable: false, keyId: err.keyId, reason: err.reason };
  }
}
