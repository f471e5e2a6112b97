import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/** With SHOTS_DIR set, a full-page screenshot at 390 px and at 1280 px (then back to the phone). */
export async function shots(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const phone = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: phone.height });
  await page.screenshot({ path: path.join(dir, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(dir, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize(phone);
}
