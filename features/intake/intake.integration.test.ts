import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, bookings, intakeResponses, mailOutbox, sessionTypes, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { messages } from '@/lib/messages';
import { seedBooking } from '@/features/booking/seed';
import { withNewKey } from './crypto';
import { exportClientIntakes, getClientIntake, listAuditEntries } from './queries';
import { sendDueIntakeReminders } from './reminders';
import {
  consentToIntake,
  readClientIntakesAsCounselor,
  readIntakeAsCounselor,
  reencryptIntakes,
  saveIntakeDraft,
  submitIntake,
} from './service';

let handle: DatabaseHandle;
const now = new Date('2026-12-01T00:00:00Z');
const hour = 60 * 60 * 1000;
const keyring = withNewKey(undefined, 'k1');
let counter = 0;

async function client(role: 'client' | 'counselor' = 'client') {
  counter += 1;
  const [row] = await handle.db
    .insert(users)
    .values({ email: `intake${counter}@example.jp`, familyName: '佐藤', givenName: '花', role })
    .returning();
  return row!;
}

async function booking(
  clientId: string,
  input: { startsIn?: number; theme?: string; status?: 'confirmed' | 'cancelled'; createdAgo?: number } = {},
) {
  const [type] = await handle.db.select().from(sessionTypes).where(eq(sessionTypes.slug, 'online-60'));
  // Spread over distinct days so that the exclusion constraint never sees two of them overlap.
  const startsAt = new Date(now.getTime() + (input.startsIn ?? 96 * hour) + counter * 7 * 24 * hour);
  const [row] = await handle.db
    .insert(bookings)
    .values({
      clientId,
      sessionTypeId: type!.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + hour),
      blockedUntil: new Date(startsAt.getTime() + hour),
      status: input.status ?? 'confirmed',
      priceYen: 11000,
      theme: input.theme ?? 'abandonment-anxiety',
      createdAt: new Date(now.getTime() - (input.createdAgo ?? 48 * hour)),
    })
    .returning();
  counter += 1;
  return row!;
}

/** Rows of a raw query, from either driver (PGlite answers `{ rows }`, postgres.js an array). */
async function rowsOf<T>(query: ReturnType<typeof sql.raw>): Promise<T[]> {
  const result: unknown = await handle.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Every row of every table, as PostgreSQL prints it. */
async function wholeDatabaseAsText(): Promise<string> {
  const tables = await rowsOf<{ table_name: string }>(
    sql.raw(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const [dump] = await rowsOf<{ text: string }>(
      sql.raw(`select coalesce(string_agg(t::text, E'\\n'), '') as text from "${table_name}" t`),
    );
    parts.push(dump!.text);
  }
  return parts.join('\n');
}

/** A view or an exported entry whose answers were read; the test fails here otherwise. */
function readable<T extends object>(value: T | null | undefined): Extract<T, { answers: unknown }> {
  expect(value).toHaveProperty('answers');
  return value as Extract<T, { answers: unknown }>;
}

const answers = (goal: string) => ({
  g_goal: goal,
  g_distress: '4',
  g_call_name: 'はなさん',
  g_prior_counseling: 'none',
  g_medical: 'no',
  g_medical_note: '',
  g_safety: 'sometimes',
  aa_loss: 'within_month',
  aa_fear: '5',
  aa_urge: '4',
  aa_acts: ['repeat', 'apology'],
  aa_confidants: 'none',
  aa_naming: '2',
  aa_love_or_need: 'need',
  aa_note: '',
});

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedBooking(handle.db);
});
afterAll(() => handle?.close());

describe('privacy at rest', () => {
  it('never stores a known answer in plain text, draft or sent', async () => {
    const me = await client();
    const b = await booking(me.id);
    const secret = '深夜に元恋人へ十回以上メッセージを送ってしまった件';
    await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: me.id });
    await saveIntakeDraft(
      { db: handle.db, keyring, now },
      { bookingId: b.id, clientId: me.id, theme: 'abandonment-anxiety', answers: { g_goal: secret } },
    );
    expect(await wholeDatabaseAsText()).not.toContain(secret);
    await submitIntake(
      { db: handle.db, keyring, now },
      { bookingId: b.id, clientId: me.id, theme: 'abandonment-anxiety', answers: answers(secret) },
    );
    const text = await wholeDatabaseAsText();
    expect(text, 'the dump reads every table').toContain(me.email);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('十回以上');
    // …and yet the client reads it back.
    const mine = await getClientIntake(handle.db, keyring, { bookingId: b.id, clientId: me.id, now });
    expect(readable(mine!.response).answers.g_goal).toBe(secret);
    expect(mine!.response!.status).toBe('submitted');
  });

  it('stores nothing before the client consents', async () => {
    const me = await client();
    const b = await booking(me.id);
    await expect(
      saveIntakeDraft(
        { db: handle.db, keyring, now },
        { bookingId: b.id, clientId: me.id, theme: null, answers: { g_goal: 'x' } },
      ),
    ).rejects.toMatchObject({ code: 'consent_required' });
    expect(await handle.db.$count(intakeResponses, eq(intakeResponses.bookingId, b.id))).toBe(0);
    await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: me.id });
    const [row] = await handle.db.select().from(intakeResponses).where(eq(intakeResponses.bookingId, b.id));
    expect(row!.consentedAt).toEqual(now);
    expect(row!.theme).toBe('abandonment-anxiety');
  });

  it('keeps every response readable through a key rotation, and then needs only the new key', async () => {
    const texts: Record<string, string> = {};
    for (let i = 0; i < 5; i += 1) {
      const me = await client();
      const b = await booking(me.id);
      texts[b.id] = `回転テスト${i}`;
      await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: me.id });
      await saveIntakeDraft(
        { db: handle.db, keyring, now },
        { bookingId: b.id, clientId: me.id, theme: null, answers: { g_goal: texts[b.id] } },
      );
    }
    const rotated = withNewKey(keyring, 'k2');
    // Small batches: the loop must go round more than once.
    expect((await reencryptIntakes({ db: handle.db, keyring: rotated, now }, 2)).reencrypted).toBeGreaterThanOrEqual(5);
    expect(await handle.db.$count(intakeResponses, eq(intakeResponses.keyId, 'k1'))).toBe(0);
    const onlyNew = { currentId: 'k2', keys: new Map([['k2', rotated.keys.get('k2')!]]) };
    const counselor = await client();
    for (const [bookingId, goal] of Object.entries(texts)) {
      const view = await readIntakeAsCounselor(
        { db: handle.db, keyring: onlyNew, now },
        { bookingId, counselorId: counselor.id },
      );
      expect(readable(view).answers.g_goal).toBe(goal);
    }
    expect(await reencryptIntakes({ db: handle.db, keyring: rotated, now })).toEqual({
      reencrypted: 0,
      unreadable: [],
    });
  });
});

describe('who may read', () => {
  it('writes an audit row each time the counselor opens an intake, and shows the counselor the flag and the summary', async () => {
    const me = await client();
    const counselor = await client('counselor');
    const b = await booking(me.id);
    await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: me.id });
    await submitIntake(
      { db: handle.db, keyring, now },
      { bookingId: b.id, clientId: me.id, theme: 'abandonment-anxiety', answers: answers('話したいこと') },
    );
    // The positive safety answer is also a note in her mail, once, without any answer in it.
    await submitIntake(
      { db: handle.db, keyring, now },
      { bookingId: b.id, clientId: me.id, theme: 'abandonment-anxiety', answers: answers('話したいこと（追記）') },
    );
    const notes = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, counselor.email));
    expect(notes.map((m) => m.subject)).toEqual(['【こころの整理室】事前アンケートの確認のお願い']);
    expect(notes[0]!.text).toContain(`/admin/bookings/${b.id}`);
    expect(notes[0]!.text).not.toMatch(/話したいこと|ときどき|死|傷つけ|見捨て/);
    const before = await handle.db.$count(auditLog);
    const view = await readIntakeAsCounselor(
      { db: handle.db, keyring, now },
      { bookingId: b.id, counselorId: counselor.id },
    );
    await readIntakeAsCounselor(
      { db: handle.db, keyring, now: new Date(now.getTime() + 1000) },
      { bookingId: b.id, counselorId: counselor.id },
    );
    expect(await handle.db.$count(auditLog)).toBe(before + 2);
    const [entry] = await listAuditEntries(handle.db, { clientId: me.id });
    expect(entry).toMatchObject({
      action: 'intake.read',
      subjectType: 'intake_response',
      subjectId: view!.id,
      clientId: me.id,
      bookingId: b.id,
      actorEmail: counselor.email,
    });
    expect(readable(view).flagged).toBe(true);
    expect(readable(view).scores.find((s) => s.id === 'fear')!.level).toBe('high');
  });

  it('the client page reads all of a client’s questionnaires and audits each one, and none of another client’s', async () => {
    const me = await client();
    const someoneElse = await client();
    const counselor = await client('counselor');
    const mine = [await booking(me.id), await booking(me.id)];
    const theirs = await booking(someoneElse.id);
    for (const b of mine) await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: me.id });
    await consentToIntake({ db: handle.db, keyring, now }, { bookingId: theirs.id, clientId: someoneElse.id });
    await saveIntakeDraft(
      { db: handle.db, keyring, now },
      { bookingId: mine[0]!.id, clientId: me.id, theme: null, answers: { g_goal: '一件目' } },
    );
    const before = await handle.db.$count(auditLog);
    const views = await readClientIntakesAsCounselor(
      { db: handle.db, keyring, now },
      { clientId: me.id, counselorId: counselor.id },
    );
    expect(views.map((v) => v.bookingId).sort()).toEqual(mine.map((b) => b.id).sort());
    expect(readable(views.find((v) => v.bookingId === mine[0]!.id)).answers).toMatchObject({ g_goal: '一件目' });
    expect(await handle.db.$count(auditLog)).toBe(before + 2);
    const entries = await handle.db.select().from(auditLog).where(eq(auditLog.actorId, counselor.id));
    expect(entries.map((e) => e.clientId)).toEqual([me.id, me.id]);
  });

  it('answers another client as if the intake did not exist', async () => {
    const owner = await client();
    const other = await client();
    const b = await booking(owner.id);
    await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: owner.id });
    expect(await getClientIntake(handle.db, keyring, { bookingId: b.id, clientId: other.id, now })).toBeUndefined();
    await expect(
      saveIntakeDraft(
        { db: handle.db, keyring, now },
        { bookingId: b.id, clientId: other.id, theme: null, answers: { g_goal: '乗っ取り' } },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: other.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('exports the client’s own answers in plain words', async () => {
    const me = await client();
    const b = await booking(me.id);
    await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: me.id });
    await submitIntake(
      { db: handle.db, keyring, now },
      { bookingId: b.id, clientId: me.id, theme: 'abandonment-anxiety', answers: answers('書き出しの答え') },
    );
    const [exported, ...more] = await exportClientIntakes(handle.db, keyring, me.id);
    expect(more).toHaveLength(0);
    expect(readable(exported).answers).toContainEqual({
      question: 'このセッションで話したいこと、整理したいことを教えてください',
      answer: '書き出しの答え',
    });
    expect(readable(exported).answers).toContainEqual({
      question: '気持ちを打ち明けられる人はいますか',
      answer: 'いない',
    });
  });
});

describe('account deletion', () => {
  it('removes the client’s answers; the audit log keeps the read, without the person', async () => {
    const me = await client();
    const counselor = await client();
    const b = await booking(me.id);
    await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: me.id });
    await saveIntakeDraft(
      { db: handle.db, keyring, now },
      { bookingId: b.id, clientId: me.id, theme: null, answers: { g_goal: '消える答え' } },
    );
    await readIntakeAsCounselor({ db: handle.db, keyring, now }, { bookingId: b.id, counselorId: counselor.id });
    await handle.db.delete(users).where(eq(users.id, me.id));
    expect(await handle.db.$count(intakeResponses, eq(intakeResponses.clientId, me.id))).toBe(0);
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.actorId, counselor.id));
    expect(entry).toMatchObject({ action: 'intake.read', clientId: null });
  });
});

describe('the edit window', () => {
  it('takes sent answers until 24 h before, then holds them; a missing one may still be sent until the start', async () => {
    const me = await client();
    const b = await booking(me.id, { startsIn: 30 * hour });
    const at = (h: number) => new Date(b.startsAt.getTime() - h * hour);
    const save = (when: Date, goal: string) =>
      submitIntake(
        { db: handle.db, keyring, now: when },
        { bookingId: b.id, clientId: me.id, theme: 'abandonment-anxiety', answers: answers(goal) },
      );
    await consentToIntake({ db: handle.db, keyring, now: at(30) }, { bookingId: b.id, clientId: me.id });
    await save(at(25), '最初');
    await expect(save(at(23), '変更')).rejects.toMatchObject({ code: 'intake_locked' });
    const late = await booking(me.id, { startsIn: 30 * hour });
    const lateAt = (h: number) => new Date(late.startsAt.getTime() - h * hour);
    await consentToIntake({ db: handle.db, keyring, now: lateAt(2) }, { bookingId: late.id, clientId: me.id });
    await submitIntake(
      { db: handle.db, keyring, now: lateAt(1) },
      { bookingId: late.id, clientId: me.id, theme: null, answers: answers('間際') },
    );
    await expect(
      saveIntakeDraft(
        { db: handle.db, keyring, now: late.startsAt },
        { bookingId: late.id, clientId: me.id, theme: null, answers: {} },
      ),
    ).rejects.toMatchObject({ code: 'intake_locked' });
    const [row] = await handle.db.select().from(bookings).where(eq(bookings.id, late.id));
    expect(row!.theme).toBeNull();
  });
});

describe('the 48-hour reminder', () => {
  it('goes once to a client whose questionnaire is missing, never naming the theme, and not to one who has sent it', async () => {
    const missing = await client();
    const done = await client();
    const far = await client();
    const b1 = await booking(missing.id, { theme: 'unrequited-love' });
    // booking() spreads starts by weeks; move these back into the next 48 hours.
    await handle.db
      .update(bookings)
      .set({
        startsAt: new Date(now.getTime() + 40 * hour),
        endsAt: new Date(now.getTime() + 41 * hour),
        blockedUntil: new Date(now.getTime() + 41 * hour),
      })
      .where(eq(bookings.id, b1.id));
    const b2 = await booking(done.id);
    await handle.db
      .update(bookings)
      .set({
        startsAt: new Date(now.getTime() + 30 * hour),
        endsAt: new Date(now.getTime() + 31 * hour),
        blockedUntil: new Date(now.getTime() + 31 * hour),
      })
      .where(eq(bookings.id, b2.id));
    await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b2.id, clientId: done.id });
    await submitIntake(
      { db: handle.db, keyring, now },
      { bookingId: b2.id, clientId: done.id, theme: 'abandonment-anxiety', answers: answers('済み') },
    );
    await booking(far.id, { startsIn: 60 * hour });

    await Promise.all([sendDueIntakeReminders(handle.db, now), sendDueIntakeReminders(handle.db, now)]);
    await sendDueIntakeReminders(handle.db, new Date(now.getTime() + hour));
    const mailsTo = (email: string) => handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
    const [mail, ...more] = await mailsTo(missing.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('【こころの整理室】ご予約前のご案内');
    expect(mail!.text).toContain(`/portal/intake/${b1.id}`);
    expect(`${mail!.subject}${mail!.text}${mail!.html}`).not.toMatch(/片思い|進展|恋|見捨て/);
    expect(await mailsTo(done.email)).toHaveLength(0);
    expect(await mailsTo(far.email)).toHaveLength(0);
  });
});

describe('drafts on two devices', () => {
  it('a page left open behind a newer save is refused as stale and never overwrites it', async () => {
    const me = await client();
    const b = await booking(me.id);
    await consentToIntake({ db: handle.db, keyring, now }, { bookingId: b.id, clientId: me.id });
    const opened = (await getClientIntake(handle.db, keyring, { bookingId: b.id, clientId: me.id, now }))!.response!
      .updatedAt;
    // The phone and the PC both opened the same draft; the phone saves first.
    const phone = await saveIntakeDraft(
      { db: handle.db, keyring, now: new Date(now.getTime() + 60_000) },
      { bookingId: b.id, clientId: me.id, theme: null, answers: { g_goal: 'スマホで書いた続き' }, basedOn: opened },
    );
    expect(phone.outcome).toBe('saved');
    const pc = await saveIntakeDraft(
      { db: handle.db, keyring, now: new Date(now.getTime() + 120_000) },
      { bookingId: b.id, clientId: me.id, theme: null, answers: { g_goal: '古い画面の内容' }, basedOn: opened },
    );
    expect(pc).toEqual({ outcome: 'stale' });
    // The phone goes on from its own save.
    const again = await saveIntakeDraft(
      { db: handle.db, keyring, now: new Date(now.getTime() + 180_000) },
      { bookingId: b.id, clientId: me.id, theme: null, answers: { g_goal: 'さらに続き' }, basedOn: phone.savedAt },
    );
    expect(again.outcome).toBe('saved');
    expect(
      readable((await getClientIntake(handle.db, keyring, { bookingId: b.id, clientId: me.id, now }))!.response)
        .answers,
    ).toMatchObject({ g_goal: 'さらに続き' });
  });
});

describe('answers under a key that is no longer configured', () => {
  const keyA = withNewKey(undefined, 'kA');
  // kA was dropped from the keyring too early: kB is the only key left.
  const withoutA = withNewKey(undefined, 'kB');

  /** A client with a draft written under kA and another questionnaire under kB. */
  async function clientWithLostKey() {
    const me = await client();
    const lost = await booking(me.id);
    const kept = await booking(me.id);
    await consentToIntake({ db: handle.db, keyring: keyA, now }, { bookingId: lost.id, clientId: me.id });
    await saveIntakeDraft(
      { db: handle.db, keyring: keyA, now },
      { bookingId: lost.id, clientId: me.id, theme: 'abandonment-anxiety', answers: { g_goal: '鍵Aの下書き' } },
    );
    await consentToIntake({ db: handle.db, keyring: withoutA, now }, { bookingId: kept.id, clientId: me.id });
    await submitIntake(
      { db: handle.db, keyring: withoutA, now },
      { bookingId: kept.id, clientId: me.id, theme: 'abandonment-anxiety', answers: answers('鍵Bの答え') },
    );
    const lostRow = (await handle.db.select().from(intakeResponses).where(eq(intakeResponses.bookingId, lost.id)))[0]!;
    return { me, lost, kept, lostRow };
  }

  let log: MockInstance<typeof console.error>;
  beforeEach(() => {
    log = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('the counselor’s client page marks that questionnaire unreadable and still shows the other; both reads are audited, the failure logged once', async () => {
    const { me, lost, kept, lostRow } = await clientWithLostKey();
    const counselor = await client('counselor');
    const before = await handle.db.$count(auditLog);
    const views = await readClientIntakesAsCounselor(
      { db: handle.db, keyring: withoutA, now },
      { clientId: me.id, counselorId: counselor.id },
    );
    expect(views.find((v) => v.bookingId === lost.id)).toMatchObject({
      readable: false,
      keyId: 'kA',
      reason: 'key_not_configured',
      status: 'draft',
    });
    expect(views.find((v) => v.bookingId === lost.id)).not.toHaveProperty('answers');
    expect(readable(views.find((v) => v.bookingId === kept.id)).answers).toMatchObject({ g_goal: '鍵Bの答え' });
    expect(await handle.db.$count(auditLog)).toBe(before + 2);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]!.join(' ')).toMatch(new RegExp(`${lostRow.id}.*kA`));
  });

  it('the booking page in the admin shows the marker and the read is audited; a ciphertext that does not authenticate is told apart', async () => {
    const { lost, kept, lostRow } = await clientWithLostKey();
    const counselor = await client('counselor');
    const before = await handle.db.$count(auditLog);
    expect(
      await readIntakeAsCounselor(
        { db: handle.db, keyring: withoutA, now },
        { bookingId: lost.id, counselorId: counselor.id },
      ),
    ).toMatchObject({ readable: false, keyId: 'kA', id: lostRow.id });
    expect(await handle.db.$count(auditLog, eq(auditLog.subjectId, lostRow.id))).toBe(1);
    // Another row's ciphertext under a key that is configured: bound to that row, it does not open here.
    const [keptRow] = await handle.db.select().from(intakeResponses).where(eq(intakeResponses.bookingId, kept.id));
    await handle.db
      .update(intakeResponses)
      .set({ keyId: keptRow!.keyId, answersEncrypted: keptRow!.answersEncrypted })
      .where(eq(intakeResponses.id, lostRow.id));
    expect(
      await readIntakeAsCounselor(
        { db: handle.db, keyring: withoutA, now },
        { bookingId: lost.id, counselorId: counselor.id },
      ),
    ).toMatchObject({ readable: false, keyId: 'kB', reason: 'not_authentic' });
    expect(await handle.db.$count(auditLog)).toBe(before + 2);
  });

  it('the account export lists that questionnaire with a note instead of answers', async () => {
    const { me, lost, kept } = await clientWithLostKey();
    const exported = await exportClientIntakes(handle.db, withoutA, me.id);
    const unreadableEntry = exported.find((e) => e.bookingId === lost.id);
    expect(unreadableEntry).toMatchObject({
      status: 'draft',
      theme: '縋る恋愛・見捨てられ不安',
      note: messages.intake.unreadable.exportNote,
    });
    expect(unreadableEntry).not.toHaveProperty('answers');
    expect(readable(exported.find((e) => e.bookingId === kept.id)).answers).toContainEqual({
      question: '気持ちを打ち明けられる人はいますか',
      answer: 'いない',
    });
  });

  it('the client sees it as unreadable, and neither a draft nor a send replaces the stored answers', async () => {
    const { me, lost, lostRow } = await clientWithLostKey();
    const draft = { bookingId: lost.id, clientId: me.id, theme: null, answers: { g_goal: '上書き' } };
    const later = new Date(now.getTime() + 60_000);
    await expect(
      saveIntakeDraft({ db: handle.db, keyring: withoutA, now: later }, { ...draft, basedOn: lostRow.updatedAt }),
    ).rejects.toMatchObject({
      code: 'intake_unreadable',
    });
    await expect(
      submitIntake({ db: handle.db, keyring: withoutA, now: later }, { ...draft, answers: answers('上書き') }),
    ).rejects.toMatchObject({
      code: 'intake_unreadable',
    });
    expect((await handle.db.select().from(intakeResponses).where(eq(intakeResponses.id, lostRow.id)))[0]).toEqual(
      lostRow,
    );
    expect(
      (await getClientIntake(handle.db, withoutA, { bookingId: lost.id, clientId: me.id, now }))!.response,
    ).toMatchObject({ readable: false, keyId: 'kA' });
    // Once kA is back, the draft is there as it was written.
    expect(
      readable(
        (await getClientIntake(handle.db, withNewKey(keyA, 'kB'), { bookingId: lost.id, clientId: me.id, now }))!
          .response,
      ).answers,
    ).toEqual({ g_goal: '鍵Aの下書き' });
  });

  it('key rotation re-encrypts what it can read and reports, without touching, what it cannot', async () => {
    const { kept, lostRow } = await clientWithLostKey();
    const next = withNewKey(withoutA, 'kC');
    // Small batches: the rows left unread must not come round again.
    const { reencrypted, unreadable } = await reencryptIntakes({ db: handle.db, keyring: next, now }, 2);
    expect(reencrypted).toBeGreaterThanOrEqual(1);
    expect(unreadable).toContainEqual({ id: lostRow.id, keyId: 'kA' });
    expect(new Set(unreadable.map((u) => u.id)).size).toBe(unreadable.length);
    const [keptRow] = await handle.db.select().from(intakeResponses).where(eq(intakeResponses.bookingId, kept.id));
    expect(keptRow!.keyId).toBe('kC');
    expect((await handle.db.select().from(intakeResponses).where(eq(intakeResponses.id, lostRow.id)))[0]).toEqual(
      lostRow,
    );
  });
});
