// The editor's pure parts: the configuration made from the schema and registries, and the
// rewriting of what Decap saves into the form `npm run new` writes.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadRegistries } from '../../src/io/registries.ts';
import { readArticleSource } from '../../src/io/articles.ts';
import { cmsConfig, placeOptions, requiredFields } from '../../src/lib/cms-config.ts';
import { articleFileId, canonicalArticle, photosBesideArticle, unwrapRegistry, wrapRegistry } from '../../src/lib/cms-entry.ts';
import { newArticle } from '../../src/lib/new-article.ts';
import { newPeople, withPeople } from '../../src/lib/people.ts';
import { articleSchema, BULLETIN_FIELDS } from '../../src/schema.ts';
import { cmsUi } from '../../src/ui/strings.ts';

const CONTENT = join(import.meta.dirname, '../fixtures/site/content');
const registries = loadRegistries(CONTENT);

describe('CMS configuration', () => {
  it('requires exactly what the schema requires', () => {
    expect([...requiredFields(articleSchema(registries))].sort()).toEqual(['date', 'reporter', 'street', 'title']);
  });

  it('lists every place once, each district followed by its streets', () => {
    const options = placeOptions(registries.places, cmsUi.levels);
    expect(options.map((o) => o.value).sort()).toEqual(registries.places.all.map((p) => p.name).sort());
    const zhongyuan = options.findIndex((o) => o.value === '中原区');
    const lianhu = options.findIndex((o) => o.value === '莲湖街道');
    if (registries.places.resolve('莲湖街道')!.parent === 'zhongyuan') expect(lianhu).toBeGreaterThan(zhongyuan);
    expect(options[lianhu].label).toContain('lianhu');
  });

  it('has a widget for every article field of the schema', () => {
    const config = cmsConfig({ wording: cmsUi, registries, peopleFile: false, today: '2026-11-30', apiUrl: '/api/v1', articleIdUrl: '/id' });
    const articles = (config.collections as { name: string; fields: { name: string; widget: string }[] }[])[0];
    expect(articles.fields.find((f) => f.name === 'street')!.widget).toBe('jiexun-place');
    const reporter = articles.fields.find((f) => f.name === 'reporter') as unknown as { widget: string; names: string[] };
    expect(reporter.widget).toBe('jiexun-names');
    // The names come from the people registry: everyone, the reporters first.
    expect([...reporter.names].sort()).toEqual(registries.people.all.map((p) => p.name).sort());
    const reporters = registries.people.all.filter((p) => p.roles.includes('reporter')).map((p) => p.name);
    expect(reporters.length).toBeGreaterThan(0);
    expect(reporter.names.slice(0, reporters.length)).toEqual(reporters);
  });


  it('gives bulletins a list of articles to pick and the fields of the schema, masthead and distribution included', () => {
    const config = cmsConfig({ wording: cmsUi, registries, peopleFile: false, today: '2026-11-30', apiUrl: '/api/v1', articleIdUrl: '/id' });
    const bulletins = (config.collections as { name: string; fields: { name: string; widget: string; fields?: { name: string }[] }[] }[])[1];
    const names = bulletins.fields.map((f) => f.name);
    for (const f of BULLETIN_FIELDS) expect(names).toContain(f);
    expect(bulletins.fields.find((f) => f.name === 'articles')).toMatchObject({ widget: 'relation', collection: 'articles', value_field: '{{slug}}', multiple: true });
    if ((BULLETIN_FIELDS as readonly string[]).includes('distribution')) {
      expect(bulletins.fields.find((f) => f.name === 'distribution')!.fields!.map((f) => f.name)).toEqual(['报', '送', '发']);
    }
  });
});

describe('what Decap saves, rewritten', () => {
  const decap = `---
title: 莲湖街道举办豫剧进社区演出
kicker: ""
street: 莲湖街道
star:
  - 支部过硬星
  - 平安法治星
date: 2022-09-15
reporter: 鲁燕、张三
correspondent: ""
cover: yuju.jpg
draft: false
file: 2022-09-15-lianhu-juban-yuju-jinshe
---
本报讯 ……

![居民观看豫剧演出](yuju.jpg)
`;

  it('writes the frontmatter the way npm run new does and passes the schema', () => {
    const text = canonicalArticle(decap)!;
    expect(text).toBe(`---
title: 莲湖街道举办豫剧进社区演出
street: 莲湖街道
star: [支部过硬星, 平安法治星]
date: 2022-09-15
reporter: [鲁燕, 张三]
cover: ./yuju.jpg
---

本报讯 ……

![居民观看豫剧演出](./yuju.jpg)
`);
    // 张三 is new to the people registry: unknown until the edit server registers him, as npm run new would.
    expect(readArticleSource('x.md', text, registries).problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.value])).toEqual([['unknown-person', '张三']]);
    const withNewcomer = { ...registries, people: withPeople(registries.people, newPeople(registries.people, [{ name: '张三', role: 'reporter' }])) };
    expect(readArticleSource('x.md', text, withNewcomer).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('gives the same frontmatter as npm run new for the same fields', () => {
    const made = newArticle({ title: '莲湖街道举办豫剧进社区演出', street: '莲湖街道', placeId: 'lianhu', stars: ['支部过硬星'], reporters: ['鲁燕'], date: '2022-09-15' });
    expect(canonicalArticle(made.source)!.split('---\n')[1]).toBe(made.source.split('---\n')[1]);
  });

  it('names the file as npm run new would', () => {
    const placeSpellings = registries.places.lineage('lianhu').flatMap((p) => [p.name, ...p.aliases]);
    const made = newArticle({ title: '莲湖街道举办豫剧进社区演出', street: '莲湖街道', placeId: 'lianhu', placeSpellings, stars: [], reporters: ['鲁燕'], date: '2022-09-15' });
    expect(articleFileId(registries, { title: '莲湖街道举办豫剧进社区演出', street: '莲湖', date: '2022-09-15' })).toBe(made.id);
    expect(articleFileId(registries, { title: '标题', street: '没有这个地方', date: '2022-09-15' })).toBeUndefined();
  });

  it('leaves web addresses and other folders alone', () => {
    expect(photosBesideArticle('![a](https://x.cn/a.jpg) ![b](../b.jpg) ![c](c.png)')).toBe('![a](https://x.cn/a.jpg) ![b](../b.jpg) ![c](./c.png)');
  });

  it('round-trips a registry file, keeping its opening comments', () => {
    const text = readFileSync(join(CONTENT, 'stars.yaml'), 'utf8');
    const back = unwrapRegistry('stars', wrapRegistry('stars', text), text);
    expect(back.split('\n- ')[0]).toBe(text.split('\n- ')[0]);
    expect(back).toMatch(/sets: \[village, community\]/);
  });
});
