import { describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { loadRegistries } from '../../src/io/registries.ts';
import { listMarkdownFiles, readArticleFile, readArticleSource } from '../../src/io/articles.ts';
import { formatProblem } from '../../src/io/problems.ts';
import { ROOT } from '../helpers/build-site.ts';

const registries = loadRegistries(join(ROOT, 'content'));
const check = (frontmatter: string, body = '正文。') => readArticleSource('content/articles/2022/2022-09-08-test.md', `---\n${frontmatter}\n---\n${body}\n`, registries);
const messages = (frontmatter: string, body?: string) => check(frontmatter, body).problems.map(formatProblem);
const base = 'title: 测试标题\nstreet: 莲湖街道\ndate: 2022-09-08\nreporter: 鲁燕';

describe('article schema', () => {
  it('accepts every committed article', () => {
    const files = listMarkdownFiles(join(ROOT, 'content/articles'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) {
      const r = readArticleFile(f, registries, ROOT);
      expect(r.problems.map(formatProblem), relative(ROOT, f)).toEqual([]);
    }
  });

  it('normalises single values and lists, aliases and star names', () => {
    const a = check('title: 标题\nstreet: 莲湖\nstar: 支部过硬星\ndate: "2022-09-08"\nreporter: 鲁燕\ncorrespondent: [魏少杰, 李博艺]\nphoto: true').article!;
    expect(a).toMatchObject({ place: 'lianhu', stars: ['zhibu-guoying'], date: '2022-09-08', reporters: ['鲁燕'], correspondents: ['魏少杰', '李博艺'], photo: true, draft: false, id: '2022-09-08-test' });
    expect(a.summary).toBe('正文。');
    const b = check(`${base}\nstar: [宜业兴业星, 共建共享星]`).article!;
    expect(b.stars).toEqual(['yiye-xingye', 'gongjian-gongxiang']);
    expect(b.correspondents).toEqual([]);
  });

  it('accepts a district or a city as the place of an area-wide story', () => {
    expect(check('title: 标题\nstreet: 二七区\ndate: 2022-09-08\nreporter: 鲁燕').article!.place).toBe('erqi');
    expect(check('title: 标题\nstreet: 孟州市\ndate: 2022-09-08\nreporter: 鲁燕').article!.place).toBe('mengzhou');
  });

  it('names the field, the bad value and the closest names for an unknown place or star', () => {
    expect(messages('title: 标题\nstreet: 莲胡街道\ndate: 2022-09-08\nreporter: 鲁燕')).toEqual([
      'content/articles/2022/2022-09-08-test.md:3:9  street: expected a place from content/places.yaml (name or alias), found 莲胡街道 (did you mean 莲湖街道?)',
    ]);
    expect(messages(`${base}\nstar: [支部过硬星, 宜业新业星]`)).toEqual([
      'content/articles/2022/2022-09-08-test.md:6:7  star: expected a star from content/stars.yaml, found 宜业新业星 (did you mean 宜业兴业星?)',
    ]);
  });

  it('refuses impossible dates instead of rolling them over, quoted or not', () => {
    expect(messages('title: 标题\nstreet: 莲湖\ndate: 2022-13-45\nreporter: 鲁燕')).toEqual([
      'content/articles/2022/2022-09-08-test.md:4:7  date: expected a real calendar date (YYYY-MM-DD), found 2022-13-45, which does not exist',
    ]);
    expect(messages('title: 标题\nstreet: 莲湖\ndate: "2023-02-29"\nreporter: 鲁燕')[0]).toContain('date: expected a real calendar date (YYYY-MM-DD), found 2023-02-29');
    expect(messages('title: 标题\nstreet: 莲湖\ndate: 2022/09/08\nreporter: 鲁燕')[0]).toContain('date: expected a date written YYYY-MM-DD, found 2022/09/08');
  });

  it('reports every missing required field at once', () => {
    expect(messages('kicker: 引题')).toEqual([
      'content/articles/2022/2022-09-08-test.md:1:1  title: expected a headline, found nothing (the field is missing)',
      'content/articles/2022/2022-09-08-test.md:1:1  street: expected a place from content/places.yaml such as 莲湖街道, found nothing (the field is missing)',
      'content/articles/2022/2022-09-08-test.md:1:1  date: expected a date written YYYY-MM-DD, found nothing (the field is missing)',
      'content/articles/2022/2022-09-08-test.md:1:1  reporter: expected the reporter (记者) (at least one name), found nothing (the field is missing)',
    ]);
  });

  it('rejects wrong types, unknown fields and an empty body', () => {
    expect(messages(`${base}\ndraft: "yes"`)).toEqual(['content/articles/2022/2022-09-08-test.md:6:8  draft: expected true or false, found yes']);
    expect(messages(`${base}\nphoto: maybe`)).toEqual(["content/articles/2022/2022-09-08-test.md:6:8  photo: expected the photographer's name(s), or true for 文/图 by the reporters, found maybe"]);
    expect(messages(`${base}\nauthor: 鲁燕`)[0]).toContain('author: expected one of the fields title, kicker, subtitle, street, star, date, reporter');
    expect(messages(`${base}\nreporter: []`.replace('reporter: 鲁燕\n', ''))[0]).toContain('reporter: expected the reporter (记者) (at least one name), found []');
    expect(messages(base, '')).toEqual(['content/articles/2022/2022-09-08-test.md:7:1  body: expected the article text below the frontmatter, found an empty body']);
  });
});
