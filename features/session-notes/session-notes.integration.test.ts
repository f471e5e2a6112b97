import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, bookings, sessionNotes, sessionTypes, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { seedBooking } from '@/features/booking/seed';
import { formatKeyring, withNewKey } from '@/features/intake/crypto';
import { listAuditEntries } from '@/features/intake/queries';
import { AppError } from '@/lib/errors';
import { exportSessionNoteSummary } from './queries';
import { readSessionNoteAsCounselor, reencryptSessionNotes, saveSessionNote } from './service';

let handle: DatabaseHandle;
let counselorId: string;
const now = new Date('2026-12-01T00:00:00Z');
const hour = 60 * 60 * 1000;
const keyring = withNewKey(undefined, 'k1');
let counter = 0;

async function client() {
  counter += 1;
  const [row] = await handle.db
    .insert(users)
    .values({ email: `notes${counter}@example.jp`, familyName: '田中', givenName: '葵', role: 'client' })
    .returning();
  return row!;
}

async function booking(clientId: string) {
  counter += 1;
  const [type] = await handle.db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60'));
  const startsAt = new Date(now.getTime() + counter * 7 * 24 * hour);
  const [row] = await handle.db
    .insert(bookings)
    .values({
      clientId,
      sessionTypeId: type!.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + hour),
      blockedUntil: new Date(startsAt.getTime() + hour),
      status: 'confirmed',
      priceYen: 11000,
    })
    .returning();
  return row!;
}

const ctx = (k = keyring, at = now) => ({ db: handle.db, keyring: k, now: at });

async function auditOf(subjectId: string) {
  return handle.db
    .select({ action: auditLog.action, actorId: auditLog.actorId, clientId: auditLog.clientId })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'session_note'), eq(auditLog.subjectId, subjectId)));
}

async function errorCodeOf(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
  const [counselor] = await handle.db
    .insert(users)
    .values({ email: 'notes-counselor@example.jp', familyName: '山本', givenName: '恵', role: 'counselor' })
    .returning();
  counselorId = counselor!.id;
});
afterAll(() => handle?.close());

describe('session notes at rest', () => {
  it('stores a note only as ciphertext under the intake keyring, and reads it back for the counselor', async () => {
    const me = await client();
    const b = await booking(me.id);
    const secret = '母親との電話のあと三日眠れなかったと話された';
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: b.id, counselorId, body: secret, version: 0 });

    const [row] = await handle.db.select().from(sessionNotes).where(eq(sessionNotes.bookingId, b.id));
    expect(row!.keyId).toBe('k1');
    expect(row!.bodyEncrypted).toMatch(/^v1\./);
    const dump = (await handle.db.execute(sql`select t::text as text from session_notes t`)) as unknown;
    const text = JSON.stringify(dump);
    expect(text, 'the dump reads the row').toContain(row!.id);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(Buffer.from(secret).toString('base64'));

    const note = await readSessionNoteAsCounselor(ctx(), { clientId: me.id, bookingId: b.id, counselorId });
    expect(note).toMatchObject({ readable: true, body: secret, version: 1 });
  });

  it('keeps one running note per client beside one note per session', async () => {
    const me = await client();
    const b = await booking(me.id);
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: null, counselorId, body: '経過：睡眠', version: 0 });
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: b.id, counselorId, body: '初回', version: 0 });
    const running = await readSessionNoteAsCounselor(ctx(), { clientId: me.id, bookingId: null, counselorId });
    const session = await readSessionNoteAsCounselor(ctx(), { clientId: me.id, bookingId: b.id, counselorId });
    expect(running).toMatchObject({ readable: true, body: '経過：睡眠' });
    expect(session).toMatchObject({ readable: true, body: '初回' });
    // A second "first" running note would be a second running note: refused, the first kept.
    expect(
      await errorCodeOf(
        saveSessionNote(ctx(), { clientId: me.id, bookingId: null, counselorId, body: '別の端末から', version: 0 }),
      ),
    ).toBe('note_changed');
    expect(await handle.db.$count(sessionNotes, eq(sessionNotes.clientId, me.id))).toBe(2);
  });

  it('refuses a save from a page opened before the last save, and keeps the newer note', async () => {
    const me = await client();
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: null, counselorId, body: '一回目', version: 0 });
    const second = await saveSessionNote(ctx(), {
      clientId: me.id,
      bookingId: null,
      counselorId,
      body: '二回目',
      version: 1,
    });
    expect(second.version).toBe(2);
    expect(
      await errorCodeOf(
        saveSessionNote(ctx(), { clientId: me.id, bookingId: null, counselorId, body: '古い画面から', version: 1 }),
      ),
    ).toBe('note_changed');
    const note = await readSessionNoteAsCounselor(ctx(), { clientId: me.id, bookingId: null, counselorId });
    expect(note).toMatchObject({ body: '二回目', version: 2 });
  });

  it("never files a note under another client's booking or a counselor", async () => {
    const me = await client();
    const other = await client();
    const theirs = await booking(other.id);
    expect(
      await errorCodeOf(
        saveSessionNote(ctx(), { clientId: me.id, bookingId: theirs.id, counselorId, body: 'x', version: 0 }),
      ),
    ).toBe('not_found');
    expect(
      await errorCodeOf(
        saveSessionNote(ctx(), { clientId: counselorId, bookingId: null, counselorId, body: 'x', version: 0 }),
      ),
    ).toBe('not_found');
    expect(await handle.db.$count(sessionNotes, eq(sessionNotes.clientId, me.id))).toBe(0);
  });
});

describe('audit log', () => {
  it('writes an entry for every save and every read, and none when there is nothing to read', async () => {
    const me = await client();
    const b = await booking(me.id);
    expect(await readSessionNoteAsCounselor(ctx(), { clientId: me.id, bookingId: b.id, counselorId })).toBeNull();
    expect(await handle.db.$count(auditLog, eq(auditLog.clientId, me.id))).toBe(0);

    await saveSessionNote(ctx(), { clientId: me.id, bookingId: b.id, counselorId, body: 'メモ', version: 0 });
    const [row] = await handle.db.select().from(sessionNotes).where(eq(sessionNotes.bookingId, b.id));
    await readSessionNoteAsCounselor(ctx(), { clientId: me.id, bookingId: b.id, counselorId });
    await readSessionNoteAsCounselor(ctx(), { clientId: me.id, bookingId: b.id, counselorId });
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: b.id, counselorId, body: '追記', version: 1 });

    const entries = await auditOf(row!.id);
    expect(entries.map((e) => e.action).sort()).toEqual(['note.read', 'note.read', 'note.write', 'note.write']);
    expect(entries.every((e) => e.actorId === counselorId && e.clientId === me.id)).toBe(true);
    // The audit page links a session note's entries to its booking.
    const listed = await listAuditEntries(handle.db, { clientId: me.id });
    expect(listed.map((e) => e.bookingId)).toEqual([b.id, b.id, b.id, b.id]);
  });

  it('writes no entry for a refused save', async () => {
    const me = await client();
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: null, counselorId, body: 'a', version: 0 });
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: null, counselorId, body: 'b', version: 7 }).catch(
      () => {},
    );
    expect(await handle.db.$count(auditLog, eq(auditLog.clientId, me.id))).toBe(1);
  });
});

describe('key rotation', () => {
  it('re-encrypts notes under the new key, after which the old key is not needed', async () => {
    const me = await client();
    const b = await booking(me.id);
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: b.id, counselorId, body: '回転前のメモ', version: 0 });
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: null, counselorId, body: '経過', version: 0 });
    const rotated = withNewKey(keyring, 'k2');
    const { reencrypted, unreadable } = await reencryptSessionNotes(ctx(rotated), 1);
    expect(reencrypted).toBeGreaterThanOrEqual(2);
    expect(unreadable).toEqual([]);
    expect(await handle.db.$count(sessionNotes, eq(sessionNotes.keyId, 'k1'))).toBe(0);
    const onlyNew = { currentId: 'k2', keys: new Map([['k2', rotated.keys.get('k2')!]]) };
    const note = await readSessionNoteAsCounselor(ctx(onlyNew), { clientId: me.id, bookingId: b.id, counselorId });
    expect(note).toMatchObject({ readable: true, body: '回転前のメモ' });
    // A second run has nothing left to do.
    expect(await reencryptSessionNotes(ctx(rotated))).toEqual({ reencrypted: 0, unreadable: [] });
  });

  it('leaves a note no key opens as it is, reports it, and refuses to overwrite it', async () => {
    const me = await client();
    const lost = withNewKey(undefined, 'lost');
    await saveSessionNote(ctx(lost), {
      clientId: me.id,
      bookingId: null,
      counselorId,
      body: '鍵のないメモ',
      version: 0,
    });
    const [before] = await handle.db.select().from(sessionNotes).where(eq(sessionNotes.clientId, me.id));
    const { unreadable } = await reencryptSessionNotes(ctx(withNewKey(keyring, 'k3')));
    expect(unreadable).toContainEqual({ id: before!.id, keyId: 'lost' });
    expect(await readSessionNoteAsCounselor(ctx(), { clientId: me.id, bookingId: null, counselorId })).toMatchObject({
      readable: false,
      keyId: 'lost',
    });
    expect(
      await errorCodeOf(
        saveSessionNote(ctx(), { clientId: me.id, bookingId: null, counselorId, body: '上書き', version: 1 }),
      ),
    ).toBe('note_unreadable');
    const [after] = await handle.db.select().from(sessionNotes).where(eq(sessionNotes.clientId, me.id));
    expect(after!.bodyEncrypted).toBe(before!.bodyEncrypted);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'is done by `npm run intake:rotate-key` together with the answers',
    async () => {
      const me = await client();
      await saveSessionNote(ctx(), {
        clientId: me.id,
        bookingId: null,
        counselorId,
        body: 'スクリプトで回す',
        version: 0,
      });
      const next = withNewKey(keyring, 'k4');
      // Earlier tests left notes under keys this keyring lacks: the script reports them and exits 1.
      const run = await promisify(execFile)('npx', ['tsx', 'scripts/intake-rotate-key.ts'], {
        env: {
          ...process.env,
          TSX_TSCONFIG_PATH: 'tsconfig.scripts.json',
          DATABASE_URL: handle.url,
          INTAKE_ENCRYPTION_KEYS: formatKeyring(next),
        },
      }).catch((err: { stdout: string; stderr: string }) => err);
      expect(run.stderr).toMatch(/session note\(s\) could not be read and were left as they are \(key [^)]*lost/);
      expect(run.stdout).toMatch(/re-encrypted \d+ session note\(s\) under key k4/);
      const [row] = await handle.db.select().from(sessionNotes).where(eq(sessionNotes.clientId, me.id));
      expect(row!.keyId).toBe('k4');
    },
    60_000,
  );
});

describe("the client's side", () => {
  it('exports that notes exist, when and how to ask for them, never their text', async () => {
    const me = await client();
    const b = await booking(me.id);
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: b.id, counselorId, body: '開示前の所見', version: 0 });
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: null, counselorId, body: '経過の記録', version: 0 });
    const exported = await exportSessionNoteSummary(handle.db, me.id);
    expect(exported.count).toBe(2);
    expect(exported.notes.map((n) => n.about).sort()).toEqual(['client', 'session']);
    expect(exported.notes.find((n) => n.about === 'session')?.sessionStartsAt).toEqual(b.startsAt);
    expect(exported.howToRequest).toContain('開示');
    const json = JSON.stringify(exported);
    expect(json).not.toContain('開示前の所見');
    expect(json).not.toContain('経過の記録');
    expect(json).not.toContain('v1.');
    // Another client's export says nothing about these notes.
    expect((await exportSessionNoteSummary(handle.db, (await client()).id)).count).toBe(0);
  });

  it('goes with the account: deleting the client deletes their notes', async () => {
    const me = await client();
    await saveSessionNote(ctx(), { clientId: me.id, bookingId: null, counselorId, body: 'x', version: 0 });
    await handle.db.delete(users).where(eq(users.id, me.id));
    expect(await handle.db.$count(sessionNotes, eq(sessionNotes.clientId, me.id))).toBe(0);
  });
});
