/**
 * Draws the images shared links and home screens show — app/opengraph-image.png (1200×630,
 * og:image and twitter:image) and app/apple-icon.png (180×180, apple-touch-icon) — from HTML
 * in Debian's Chromium with the system's Noto Sans CJK, so the Japanese is real text.
 * Run after changing the site's name or tagline: `npx tsx scripts/make-share-images.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findBrowser } from '../e2e/browser';
import { siteConfig } from '../lib/site-config';

const heart =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 24c-5-3.2-8-6.3-8-9.6A4.4 4.4 0 0 1 16 12a4.4 4.4 0 0 1 8 2.4c0 3.3-3 6.4-8 9.6z" fill="#fbf9f5"/></svg>';
// A line break after each 、 keeps the tagline's phrases whole (no lone 学 on the last line).
const font = `font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif;`;

const card = `<!doctype html><html lang="ja"><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:80px 96px;background:#fbf9f5;${font}
  display:flex;flex-direction:column;justify-content:space-between;border-bottom:24px solid #2f5d50">
  <div style="display:flex;align-items:center;gap:24px">
    <div style="width:96px;height:96px;border-radius:24px;background:#2f5d50">${heart}</div>
    <div style="font-size:64px;font-weight:700;color:#2a2723">${siteConfig.name}</div>
  </div>
  <div style="font-size:44px;line-height:1.5;color:#2a2723;font-weight:500">${siteConfig.tagline.replace(/、/g, '、<br>')}</div>
  <div style="font-size:32px;color:#5c5650">${siteConfig.counselor.title}　${siteConfig.counselor.name}</div>
</div></body></html>`;

const icon = `<!doctype html><html><body style="margin:0">
<div style="width:180px;height:180px;background:#2f5d50">${heart}</div></body></html>`;

const browser = await chromium.launch({ ...findBrowser(), args: chromiumArgs });
for (const [file, html, width, height] of [
  ['app/opengraph-image.png', card, 1200, 630],
  ['app/twitter-image.png', card, 1200, 630],
  ['app/apple-icon.png', icon, 180, 180],
] as const) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.setContent(html);
  const out = path.join(process.cwd(), file);
  fs.writeFileSync(out, await page.screenshot({ type: 'png' }));
  console.log(`${file} (${width}×${height})`);
  await page.close();
}
await browser.close();
