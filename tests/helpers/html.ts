// Reading built pages in tests.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function page(dist: string, urlPath: string): string {
  const p = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return readFileSync(join(dist, p), 'utf8');
}

export function htmlFiles(dist: string): string[] {
  return (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).map((f) => f.split('\\').join('/'));
}

/** Every href/src attribute value in a page. */
export function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

/** Executable scripts: every <script> element except JSON data blocks. Tags are read whole, so
 * "<script>" inside a quoted attribute value (an editor's title in a meta tag) is not a script. */
export function executableScripts(html: string): string[] {
  const tag = /<!--[\s\S]*?-->|<([a-zA-Z][\w-]*)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
  const found: string[] = [];
  for (const m of html.matchAll(tag)) {
    if (m[1]?.toLowerCase() === 'script' && !/type="application\/(ld\+)?json"/.test(m[2])) found.push(m[0]);
  }
  return found;
}
