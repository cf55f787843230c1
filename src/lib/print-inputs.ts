// What a printed bulletin page loads besides its HTML — its stylesheets and images — so the PDF
// cache can key each PDF on everything the print depends on. Pure: HTML text in, site paths out.
// Hand-written attribute matching: the pages are Astro's own output, and a full HTML parser per
// bulletin would cost more than the print it saves on a cache hit.

const TAG = /<(link|img|source)\b([^>]*)>/gi;
const ATTR = /([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(ATTR)) found.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? '');
  return found;
}

/**
 * The site paths (leading "/", no query or fragment) of the stylesheets and images the page at
 * `pagePath` loads from its own site, sorted, once each. Data URIs are part of the HTML already.
 */
export function printedAssets(html: string, pagePath = '/'): string[] {
  const urls = new Set<string>();
  const add = (url: string) => {
    let u: URL;
    try {
      u = new URL(url.trim(), `http://site.invalid${pagePath}`);
    } catch {
      return;
    }
    if (u.protocol === 'http:' && u.host === 'site.invalid') urls.add(decodeURIComponent(u.pathname));
  };
  for (const [, tag, rest] of html.matchAll(TAG)) {
    const a = attributes(rest!);
    if (tag!.toLowerCase() === 'link') {
      if (/(^|\s)stylesheet(\s|$)/i.test(a.get('rel') ?? '') && a.has('href')) add(a.get('href')!);
      continue;
    }
    if (a.has('src')) add(a.get('src')!);
    for (const candidate of (a.get('srcset') ?? '').split(',')) if (candidate.trim()) add(candidate.trim().split(/\s+/)[0]!);
  }
  return [...urls].sort();
}
