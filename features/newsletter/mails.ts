import 'server-only';
import { renderMarkdown } from '@/features/library/domain/markdown';
import { composeMail, escapeHtml, senderSignature } from '@/features/mail/compose';
import type { OutgoingMail } from '@/features/mail/service';
import { siteConfig } from '@/lib/site-config';

const brand = `【${siteConfig.name}】`;

export const subscriptionMails = {
  confirm: (url: string) =>
    composeMail({
      subject: `${brand}メールマガジン登録の確認`,
      paragraphs: [
        'メールマガジンへのご登録のお申し込みをありがとうございます。',
        '下のリンクを開き、表示されるページのボタンを押すと登録が完了します。お心当たりがない場合は、このメールを破棄してください。登録はされません。',
        'リンクの有効期限は48時間です。',
      ],
      action: { label: '登録を完了する', url },
    }),
  alreadySubscribed: (unsubscribeUrl: string) =>
    composeMail({
      subject: `${brand}メールマガジンのご登録について`,
      paragraphs: [
        'このアドレスでメールマガジンの登録のお申し込みがありましたが、すでにご登録いただいています。引き続き配信日にお届けします。',
        `配信を停止する場合は、次のリンクから手続きできます：\n${unsubscribeUrl}`,
      ],
    }),
};

export type Recipient = { email: string; unsubscribePageUrl: string; oneClickUrl: string };

/**
 * An issue as sent: the counselor's Markdown rendered by the same pipeline as the articles,
 * the sender details, why the reader gets it, a one-click unsubscribe link in the body, and
 * the RFC 8058 headers so that mail apps can offer their own unsubscribe button.
 */
export type RenderedIssue = { subject: string; bodyMarkdown: string; bodyHtml: string };

/** An issue's body rendered once, for as many recipients as it goes to. */
export function renderIssue(issue: { subject: string; bodyMarkdown: string }): RenderedIssue {
  return {
    subject: issue.subject,
    bodyMarkdown: issue.bodyMarkdown,
    bodyHtml: renderMarkdown(issue.bodyMarkdown).html,
  };
}

export function issueMail(issue: RenderedIssue, to: Recipient): OutgoingMail {
  const { bodyHtml } = issue;
  const signature = senderSignature();
  const why = `このメールは、メールマガジンの受信に同意いただいた ${to.email} 宛にお送りしています。`;
  const stop = `配信の停止（ワンクリック・ログイン不要）：`;
  const text = [issue.bodyMarkdown.trim(), '', why, `${stop}\n${to.unsubscribePageUrl}`, '', ...signature]
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n');
  const html = [
    '<!doctype html><html lang="ja"><body style="font-family:sans-serif;line-height:1.8;color:#2a2723;max-width:640px">',
    bodyHtml,
    `<hr><p style="font-size:12px;color:#5c5650">${escapeHtml(why)}<br>${escapeHtml(stop)}<a href="${escapeHtml(to.unsubscribePageUrl)}">配信を停止する</a></p>`,
    `<p style="font-size:12px;color:#5c5650">${signature.slice(1).map(escapeHtml).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return {
    to: to.email,
    subject: issue.subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${to.oneClickUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

export function recipientUrls(baseUrl: string, email: string, unsubscribeToken: string): Recipient {
  const token = encodeURIComponent(unsubscribeToken);
  return {
    email,
    unsubscribePageUrl: `${baseUrl}/newsletter/unsubscribe?token=${token}`,
    oneClickUrl: `${baseUrl}/api/newsletter/unsubscribe?token=${token}`,
  };
}
