// deploy/headers.json is the one list of response headers: deploy/nginx.conf must add exactly
// those (and the same Cache-Control map), and the local server sends them.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheControlFor, requestPath, SITE_HEADERS } from '../../scripts/server/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const conf = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8').replace(/#[^\n]*/g, '');

describe('deploy/nginx.conf against deploy/headers.json', () => {
  it('adds exactly the headers of deploy/headers.json, always, plus Cache-Control from the map', () => {
    const added = [...conf.matchAll(/add_header\s+(\S+)\s+("([^"]*)"|(\S+))\s+always\s*;/g)].map((m) => [m[1], m[3] ?? m[4]]);
    const fixed = Object.fromEntries(added.filter(([name]) => name !== 'Cache-Control'));
    expect(fixed).toEqual(SITE_HEADERS.headers);
    expect(added.filter(([name]) => name === 'Cache-Control')).toEqual([['Cache-Control', '$jiexun_cache_control']]);
    expect(conf.match(/add_header/g)).toHaveLength(Object.keys(SITE_HEADERS.headers).length + 1);
  });

  it('maps paths to Cache-Control with the same rules, in the same order', () => {
    const map = /map\s+\$uri\s+\$jiexun_cache_control\s*\{([^}]*)\}/.exec(conf)![1];
    const rules = [...map.matchAll(/^\s*(\S+)\s+"([^"]*)"\s*;/gm)].map((m) => ({ uri: m[1], value: m[2] }));
    expect(rules.filter((r) => r.uri !== 'default')).toEqual(SITE_HEADERS.cacheControl.rules.map((r) => ({ uri: `~${r.uri}`, value: r.value })));
    expect(rules.find((r) => r.uri === 'default')?.value).toBe(SITE_HEADERS.cacheControl.default);
    expect(cacheControlFor('/_astro/BaseLayout.CqyJXz4b.css')).toMatch(/immutable/);
    expect(cacheControlFor('/pagefind/pagefind.zh-cn_2637672041458.pf_meta')).toMatch(/immutable/);
    expect(cacheControlFor('/articles/x/')).toBe('no-cache');
  });

  it('refuses symbolic links below the document root', () => {
    expect(conf).toMatch(/^\s*disable_symlinks\s+on\s+from=\$document_root\s*;/m);
  });
});

describe('request paths', () => {
  it('are decoded and normalised to one leading slash, as nginx looks files up', () => {
    expect(requestPath('//evil.com/%2e%2e%2fstreets')).toBe('/streets');
    expect(requestPath('//evil.com')).toBe('/evil.com');
    expect(requestPath('/%5Cevil.com/')).toBe('/evil.com/');
    expect(requestPath('/../../etc/passwd')).toBe('/etc/passwd');
    expect(requestPath('/streets/lianhu?q=1')).toBe('/streets/lianhu');
    expect(requestPath('/%E8%8E%B2%E6%B9%96/')).toBe('/莲湖/');
    expect(requestPath('/a%00b')).toBeUndefined();
    expect(requestPath('/%E0%A4%A')).toBeUndefined();
  });
});
