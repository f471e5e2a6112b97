import 'server-only';
import nodemailer from 'nodemailer';
import type { Db } from '@/db/client';
import { type OutboxAttachment, mailOutbox } from '@/db/schema';
import { getEnv } from '@/lib/env';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: OutboxAttachment[];
};

export const defaultSender = 'こころの整理室 <no-reply@localhost>';

type Transport = { sendMail(message: Record<string, unknown>): Promise<unknown> };
const state = globalThis as unknown as { __smtpTransports?: Map<string, Transport> };

function smtpTransport(url: string): Transport {
  state.__smtpTransports ??= new Map();
  let transport = state.__smtpTransports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    state.__smtpTransports.set(url, transport);
  }
  return transport;
}

/**
 * The one way features send mail: over SMTP when SMTP_URL is set, otherwise into the
 * outbox table (read at /dev/mail and by the tests).
 */
export async function sendMail(
  db: Db,
  mail: OutgoingMail,
  options: { smtpUrl?: string; from?: string } = {},
): Promise<void> {
  const env = getEnv();
  const smtpUrl = options.smtpUrl ?? env.SMTP_URL;
  const from = options.from ?? env.MAIL_FROM ?? defaultSender;
  if (smtpUrl) {
    await smtpTransport(smtpUrl).sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      attachments: mail.attachments?.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.contentBase64, 'base64'),
      })),
    });
    return;
  }
  await db.insert(mailOutbox).values({
    to: mail.to,
    from,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers ?? {},
    attachments: mail.attachments ?? [],
  });
}
