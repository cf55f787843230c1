// The people registry: ids that never move when content is added, same-pinyin names numbered in
// registry order, aliases, former ids, and the file the tools append to.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadRegistries } from '../../src/io/registries.ts';
import { appendPeople, createPeopleRegistry, newPeople, withPeople } from '../../src/lib/people.ts';
import { RegistryError } from '../../src/lib/registry-error.ts';
import { buildSiteIndex } from '../../src/lib/site-index.ts';
import type { Article } from '../../src/lib/article.ts';
import { ROOT } from '../helpers/build-site.ts';

const registries = loadRegistries(join(ROOT, 'content'));
let n = 0;
const art = (date: string, reporters: string[], correspondents: string[] = []): Article => ({
  id: `a${++n}`, title: `t${n}`, date, place: 'lianhu', stars: [], reporters, correspondents, photo: undefined, draft: false, summary: '',
});

describe('person addresses', () => {
  it('stay what they are when older stories by same-pinyin names are added', () => {
    const before = buildSiteIndex([art('2022-09-08', ['鲁燕']), art('2023-05-16', ['鲁燕'], ['魏少杰'])], registries.places, registries.stars, registries.people);
    expect(before.personId('鲁燕')).toBe('luyan');
    // A 2021 story by 路艳 and a 2020 one by 卢燕: npm run new / import add them at the end of the registry.
    const older = [art('2021-03-01', ['路艳']), art('2020-01-01', ['卢燕'])];
    const added = newPeople(registries.people, older.flatMap((a) => a.reporters.map((name) => ({ name, role: 'reporter' as const }))));
    expect(added.map((p) => [p.name, p.id])).toEqual([['路艳', 'luyan-2'], ['卢燕', 'luyan-3']]);
    const people = withPeople(registries.people, added);
    const after = buildSiteIndex([...older, art('2022-09-08', ['鲁燕']), art('2023-05-16', ['鲁燕'], ['魏少杰'])], registries.places, registries.stars, people);
    expect(after.personId('鲁燕')).toBe('luyan');
    expect(after.personId('魏少杰')).toBe(before.personId('魏少杰'));
    expect(after.person('luyan')!.articles.map((a) => a.date)).toEqual(['2023-05-16', '2022-09-08']);
    expect(after.person('luyan-2')!.name).toBe('路艳');
  });

  it('gives every committed byline name the id its page has always had', () => {
    const ids = Object.fromEntries(registries.people.all.map((p) => [p.name, p.id]));
    expect(ids).toMatchObject({ 鲁燕: 'luyan', 魏少杰: 'weishaojie', 崔永捷: 'cuiyongjie', 张倩倩: 'zhangqianqian', 李博艺: 'liboyi' });
  });

  it('files an alias (魯燕) under the person, and suggests same-sounding names for an unknown one', () => {
    expect(registries.people.resolve('魯燕')?.id).toBe('luyan');
    const index = buildSiteIndex([art('2022-01-01', ['魯燕']), art('2022-02-01', ['鲁燕'])], registries.places, registries.stars, registries.people);
    expect(index.people.find((p) => p.id === 'luyan')!.articles).toHaveLength(2);
    expect(registries.people.unknownMessage('路燕')).toMatch(/^expected a person in content\/people\.yaml, found 路燕 \(did you mean 鲁燕\?\)/);
  });

  it('never reuses an id or a former id, and refuses an address in use as a redirect', () => {
    const reg = createPeopleRegistry([{ id: 'luyan', name: '鲁燕', formerIds: ['luyan-2'] }]);
    expect(newPeople(reg, [{ name: '路艳', role: 'reporter' }]).map((p) => p.id)).toEqual(['luyan-3']);
    expect(reg.redirects.get('luyan-2')?.name).toBe('鲁燕');
    expect(() => createPeopleRegistry([{ id: 'luyan', name: '鲁燕' }, { id: 'lu', name: '路艳', formerIds: ['luyan'] }])).toThrow(RegistryError);
    expect(() => createPeopleRegistry([{ id: 'luyan', name: '鲁燕' }, { id: 'luyan', name: '路艳' }])).toThrow('id luyan: expected a unique id, found it twice');
  });

  it('appends entries to people.yaml, keeping what is there and quoting what needs it', () => {
    const existing = '# people\n- id: luyan\n  name: 鲁燕\n';
    const text = appendPeople(existing, [{ id: 'zhangsan', name: '张三', roles: ['reporter', 'correspondent'] }, { id: 'x', name: 'a: b', roles: ['photographer'] }]);
    expect(text.startsWith(existing)).toBe(true);
    expect(text.slice(existing.length)).toBe('- id: zhangsan\n  name: 张三\n  roles: [reporter, correspondent]\n- id: x\n  name: "a: b"\n  roles: [photographer]\n');
    expect(parse(text)).toHaveLength(3);
  });
});

describe('npm run new and the people registry', () => {
  it('adds a newcomer with a fresh id after the registered ones, warns on a star outside the place\'s sets, and leaves every other id alone', async () => {
    const { mkdtempSync, cpSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { PassThrough } = await import('node:stream');
    const { runNew } = await import('../../scripts/new.ts');
    const dir = mkdtempSync(join(tmpdir(), 'jiexun-people-'));
    const content = join(dir, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const before = readFileSync(join(content, 'people.yaml'), 'utf8');
    const [stdin, stdout, stderr] = [Object.assign(new PassThrough(), { isTTY: false }), new PassThrough(), new PassThrough()];
    let err = '';
    stderr.on('data', (d) => (err += d));
    const code = await runNew(['--content', content, '--street', '建设路街道', '--title', '微更新 大变化', '--reporter', '路艳', '--correspondent', '魏少杰', '--star', '产业兴旺星', '--date', '2021-03-01'], { cwd: dir, env: {}, stdin, stdout, stderr });
    expect(code).toBe(0);
    const after = readFileSync(join(content, 'people.yaml'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe('- id: luyan-2\n  name: 路艳\n  roles: [reporter]\n');
    expect(err).toContain('已登记新人员：路艳，个人页 /reporters/luyan-2/');
    expect(err).toContain('warning: --star: expected a star of 建设路街道\'s set (community (城市社区)), found 产业兴旺星');
    expect(readFileSync(join(content, 'articles/2021/2021-03-01-jianshelu-weigengxin-dabianhua.md'), 'utf8')).toContain('reporter: 路艳');
    const people = loadRegistries(content).people;
    expect(people.resolve('鲁燕')?.id).toBe('luyan');
    rmSync(dir, { recursive: true, force: true });
  });
});
