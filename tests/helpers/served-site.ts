// A built site served on localhost and a Chromium to look at it, for one test file or describe
// block: opened before its tests, closed after them.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/server/static-server.ts';
import { launchBrowser } from './browser.ts';

export interface ServedSite {
  readonly browser: Browser;
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
}

/** `headers` are added to every response (the CSP tests). */
export function servedSite(dist: string, headers: Record<string, string> = {}): ServedSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(dist, 0, headers);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
  };
}
