import { describe, expect, it } from 'vitest';
import { issueEditorSchema, subscribeSchema } from './schemas';

describe('newsletter sign-up', () => {
  it('lower-cases the address and keeps the page it came from', () => {
    expect(
      subscribeSchema.parse({
        email: ' Hanako@Example.JP ',
        consent: true,
        sourcePath: '/articles/kataomoi-renraku-yameru',
      }),
    ).toEqual({
      email: 'hanako@example.jp',
      consent: true,
      sourcePath: '/articles/kataomoi-renraku-yameru',
    });
  });

  it('requires consent and a valid address', () => {
    const result = subscribeSchema.safeParse({ email: 'not-an-address', consent: false, sourcePath: '/newsletter' });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['email', 'consent']));
    expect(result.error!.issues.find((i) => i.path[0] === 'consent')?.message).toBe(
      'メールマガジン受信への同意が必要です',
    );
  });

  it('records only a site path, never an outside URL', () => {
    for (const sourcePath of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)']) {
      expect(subscribeSchema.parse({ email: 'a@example.jp', consent: true, sourcePath }).sourcePath).toBe(
        '/newsletter',
      );
    }
  });
});

describe('newsletter issue', () => {
  it('needs a time only when scheduled', () => {
    expect(issueEditorSchema.safeParse({ subject: '件名', bodyMarkdown: '本文', timing: 'draft' }).success).toBe(true);
    const missing = issueEditorSchema.safeParse({
      subject: '件名',
      bodyMarkdown: '本文',
      timing: 'schedule',
      scheduledAt: '',
    });
    expect(missing.error?.issues[0]).toMatchObject({ path: ['scheduledAt'], message: '配信日時を選んでください' });
    expect(
      issueEditorSchema.safeParse({
        subject: '件名',
        bodyMarkdown: '本文',
        timing: 'schedule',
        scheduledAt: '2026-11-24T07:00',
      }).success,
    ).toBe(true);
  });

  it('rejects an empty subject or body', () => {
    const result = issueEditorSchema.safeParse({ subject: '  ', bodyMarkdown: '', timing: 'now' });
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['bodyMarkdown', 'subject']);
  });
});
