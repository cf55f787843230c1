// What a reader downloads: an article page's HTML + CSS (gzip), and every byte a first search
// query fetches; and how long a reader waits for a first query's results (Debian's Chromium,
// served from the built site on localhost).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { serveStatic } from '../server/static-server.ts';

/** The built site served on localhost and one Chromium; every measurement opens its own context (empty cache). */
export interface WeightSite {
  url: string;
  browser: Browser;
}

/** Serves `dist` and starts Chromium for the measurements below, and stops both after `measure`. */
export async function withWeightSite<T>(dist: string, measure: (site: WeightSite) => Promise<T>): Promise<T> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    return await measure({ url: server.url, browser });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** First queries measured: the budget's (first), then a street, a topic, a reporter, and the campaign's own words. */
export const WEIGHT_QUERIES = ['网格化', '莲湖', '疫情', '鲁燕', '志愿服务', '党建'] as const;

/** gzip KB of the largest of a sample of article pages plus the stylesheets it links. */
export function articleWeightKB(dist: string, sample = 200): number {
  // Article pages only: dist/articles/ also holds the /articles/ list (index.html, page/<n>/).
  const ids = readdirSync(join(dist, 'articles'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'page').map((d) => d.name).sort();
  const step = Math.max(1, Math.floor(ids.length / sample));
  let worst = 0;
  for (let i = 0; i < ids.length; i += step) {
    const html = readFileSync(join(dist, 'articles', ids[i], 'index.html'));
    const css = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(dist, m[1])));
    const bytes = [html, ...css].reduce((n, b) => n + gzipSync(b, { level: 6 }).byteLength, 0);
    worst = Math.max(worst, bytes);
  }
  return Math.round((worst / 1024) * 10) / 10;
}

/** KB transferred (after the page itself loaded) by a first search for `query`, as the browser counts it. */
export async function firstQueryKB(site: WeightSite, query: string): Promise<number> {
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    let bytes = 0;
    page.on('requestfinished', async (req) => {
      if (!req.url().includes('/pagefind/')) return;
      const sizes = await req.sizes().catch(() => undefined);
      if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('#search-results[aria-busy="false"]', { timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    return Math.round(bytes / 1024);
  } finally {
    await context.close();
  }
}

/**
 * KB a phone (375 px wide, 2× screen) transfers for an article page with one photo, scrolled to the
 * end so lazy images load too: HTML, CSS and the photo rendition the browser picked. `articleId` is
 * such an article.
 */
export async function photoPageKB(site: WeightSite, articleId: string): Promise<{ kb: number; photo: string }> {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    let bytes = 0;
    let photo = '';
    page.on('requestfinished', async (req) => {
      const sizes = await req.sizes().catch(() => undefined);
      if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      if (/\.(webp|avif|jpg)$/.test(req.url()) && !photo) photo = req.url().replace(site.url, '');
    });
    await page.goto(`${site.url}/articles/${articleId}/`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    return { kb: Math.round(bytes / 1024), photo };
  } finally {
    await context.close();
  }
}

export interface FirstResults {
  /** ms from pressing Enter on the open search page (loaded, idle) until the results are drawn. */
  enterMs: number;
  /** ms from opening /search/?q=… (navigation start) until the results are drawn. */
  linkMs: number;
}

/** Time to a first query's results, each way measured in a fresh browser context (empty cache). */
export async function firstResultsMs(site: WeightSite, query: string): Promise<FirstResults> {
  const { browser } = site;
  const drawn = `new Promise((resolve) => {
    const region = document.getElementById('search-results');
    const done = () => region.getAttribute('aria-busy') === 'false' && location.search !== '' && region.dataset.rendered === location.search;
    if (done()) return resolve(performance.now());
    new MutationObserver((_, obs) => { if (done()) { obs.disconnect(); resolve(performance.now()); } }).observe(region, { attributes: true });
  })`;
  const typed = await browser.newContext();
  let enterMs: unknown;
  try {
    const page = await typed.newPage();
    await page.goto(`${site.url}/search/`);
    await page.waitForSelector('#search-results[aria-busy="false"]', { timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    await page.fill('#search-q', query);
    // Enter submits the form; the clock starts as it does.
    enterMs = await page.evaluate(`(async () => {
      const start = performance.now();
      const end = ${drawn};
      document.getElementById('search-form').requestSubmit();
      return (await end) - start;
    })()`);
  } finally {
    await typed.close();
  }
  const linked = await browser.newContext();
  try {
    const page = await linked.newPage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`);
    const linkMs = await page.evaluate(drawn);
    return { enterMs: Math.round(Number(enterMs)), linkMs: Math.round(Number(linkMs)) };
  } finally {
    await linked.close();
  }
}
