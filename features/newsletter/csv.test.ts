import { describe, expect, it } from 'vitest';
import { subscribersCsv } from './csv';

describe('subscriber CSV', () => {
  it('has a header, Japan times, quoted cells, and defuses formulas', () => {
    const csv = subscribersCsv([
      {
        email: 'a@example.jp',
        status: 'active',
        sourcePath: '/articles/x',
        requestedAt: new Date('2026-11-22T22:00:00Z'),
        confirmedAt: new Date('2026-11-22T22:05:00Z'),
        unsubscribedAt: null,
      },
      {
        email: '=cmd@example.jp',
        status: 'unsubscribed',
        sourcePath: '/newsletter',
        requestedAt: new Date('2026-01-01T00:00:00Z'),
        confirmedAt: null,
        unsubscribedAt: null,
      },
    ]);
    const [header, first, second] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('"メールアドレス","状態"');
    expect(first).toBe('"a@example.jp","配信中","/articles/x","2026-11-23 07:00:00","2026-11-23 07:05:00",""');
    expect(second!.startsWith(`"'=cmd@example.jp","停止"`)).toBe(true);
  });
});
