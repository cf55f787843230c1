// Debian's Chromium (its headless shell) driven by playwright-core. npm test installs it when missing
// (scripts/system-packages.ts); here we only fail clearly if it is not there.
import { chromium, type Browser } from 'playwright-core';
import { requireSystemFile } from '../../scripts/system-packages.ts';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireSystemFile('chromium-headless-shell'),
    headless: true,
    // The machine has no network: keep Chromium from dialling out at start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
