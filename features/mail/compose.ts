import 'server-only';
import { siteConfig } from '@/lib/site-config';

export type MailContent = { subject: string; paragraphs: string[]; action?: { label: string; url: string } };

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Sender details that every message carries (特定電子メール法 / the client's peace of mind). */
export function senderSignature(): string[] {
  const { seller, name } = siteConfig;
  return ['――――――――――', name, `${seller.postalCode} ${seller.address}`, `お問い合わせ：${seller.email}`];
}

/** Plain text and HTML versions of one Japanese message, with the sender details. */
export function composeMail(content: MailContent): { subject: string; text: string; html: string } {
  const signature = senderSignature();
  const textParts = [...content.paragraphs];
  if (content.action) textParts.push(`${content.action.label}：\n${content.action.url}`);
  const text = [...textParts, '', ...signature].join('\n\n').replace(/\n{3,}/g, '\n\n');
  const html = [
    '<!doctype html><html lang="ja"><body style="font-family:sans-serif;line-height:1.8;color:#2a2723">',
    ...content.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    content.action
      ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#2f5d50;color:#fff;padding:10px 20px;border-radius:999px;text-decoration:none">${escapeHtml(content.action.label)}</a></p><p style="font-size:12px;color:#5c5650">ボタンが使えない場合は次のURLを開いてください：<br>${escapeHtml(content.action.url)}</p>`
      : '',
    `<hr><p style="font-size:12px;color:#5c5650">${signature.slice(1).map(escapeHtml).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: content.subject, text, html };
}
