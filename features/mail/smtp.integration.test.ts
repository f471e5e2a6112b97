import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { composeMail } from './compose';
import { sendMail } from './service';

let handle: DatabaseHandle;
let server: SMTPServer;
let port: number;
const received: { from: string; to: string[]; raw: string }[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle?.close();
});

describe('mail over SMTP', () => {
  it('delivers a Japanese message with its sender details to a real SMTP server, and keeps nothing in the outbox', async () => {
    const content = composeMail({
      subject: '【こころの整理室】テスト',
      paragraphs: ['こんにちは。'],
      action: { label: '開く', url: 'https://example.jp/a' },
    });
    await sendMail(
      handle.db,
      { to: 'client@example.jp', ...content },
      { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'info@example.jp' },
    );
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(['client@example.jp']);
    expect(received[0]?.from).toBe('info@example.jp');
    expect(received[0]?.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(received[0]?.raw).toContain('multipart/alternative');
    expect(await handle.db.$count(mailOutbox)).toBe(0);
  });

  it('without SMTP_URL the message goes to the outbox', async () => {
    await sendMail(handle.db, { to: 'client@example.jp', ...composeMail({ subject: '件名', paragraphs: ['本文'] }) });
    const [row] = await handle.db.select().from(mailOutbox);
    expect(row?.subject).toBe('件名');
    expect(row?.text).toContain('本文');
    expect(row?.text).toContain('お問い合わせ：');
  });
});
