import fs from 'node:fs';
import { chromium } from '@playwright/test';

export const debianChromium = '/usr/bin/chromium';

/**
 * Debian's Chromium where present (Playwright cannot download its own browser here),
 * otherwise Playwright's own build if it was installed; otherwise say what to install.
 */
export function findBrowser(): { executablePath?: string } {
  if (fs.existsSync(debianChromium)) return { executablePath: debianChromium };
  if (fs.existsSync(chromium.executablePath())) return {};
  throw new Error(
    'No browser for the end-to-end tests. Install one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get install chromium   (used from /usr/bin/chromium)\n' +
      "  - elsewhere:     npx playwright install chromium   (Playwright's own build)",
  );
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
