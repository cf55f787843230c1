// Chinese text hygiene (half-width punctuation, straight quotes, the --fix rewrite), word-level
// slugs, and YAML mistakes said at their own line with a code.
import { describe, expect, it } from 'vitest';
import { applyFixes, chineseQuotes, findTextIssues, fixHeadline, fixProse, fixTextIssues, punctuationFixes } from '../../src/lib/zh-punctuation.ts';
import { headlineSlug } from '../../src/lib/new-article.ts';
import { parseMarkdown } from '../../src/io/frontmatter.ts';
import { parseYamlFile } from '../../src/io/yaml-file.ts';
import { withoutComment } from '../../src/lib/yaml-mistakes.ts';
import { markdownFile } from '../../src/lib/frontmatter-text.ts';

const fix = (s: string) => applyFixes(s, punctuationFixes(s));

describe('half-width punctuation in Chinese text', () => {
  it('makes marks next to Chinese text full-width, brackets in pairs', () => {
    expect(fix('本报讯 7月15日下午,建设路街道(村)召开推进会;会议由刘春峰主持.')).toBe('本报讯 7月15日下午，建设路街道（村）召开推进会；会议由刘春峰主持。');
    expect(fix('注:以下内容!对吗?')).toBe('注：以下内容！对吗？');
    expect(fix('街道, 社区')).toBe('街道，社区'); // the space a half-width comma wanted goes too
  });

  it('leaves numbers, times, English, links, code and URLs alone', () => {
    for (const s of ['会议于10:30开始，共3,000人，增长3.5%', 'In English, a, b (c).', '见[链接](http://a.cn/x,y)和`a,b`', '网址 http://x.cn/a,b 可查', '<span title="a,b">文</span>']) expect(fix(s)).toBe(s);
  });

  it('turns straight quotes in Chinese text into Chinese quotes, every one of them', () => {
    expect(chineseQuotes('"五星"支部 "一星一专班"')).toBe('“五星”支部 “一星一专班”');
    expect(fixHeadline('开展"五星"创建月点评, 走稳"创星路"')).toBe('开展“五星”创建月点评，走稳“创星路”');
    expect(fix('居民说"好"')).toBe('居民说“好”');
  });

  it('skips fenced code and HTML blocks in a body', () => {
    expect(fixProse('第一段,好。\n\n```\na,b\n```\n\n<div>甲,乙</div>\n\n第二段,好。')).toBe('第一段，好。\n\n```\na,b\n```\n\n<div>甲,乙</div>\n\n第二段，好。');
  });

  it('finds issues per field and body line, and the fix keeps every other byte and the field values', () => {
    const source = "---\ntitle: '\"五星\"支部, 创建'\nstreet: 莲湖街道\ndate: 2022-09-08\nreporter: 鲁燕\n---\n\n本报讯 近日,莲湖街道(村)召开会议.\n\n会议于10:30开始。\n";
    const parsed = parseMarkdown('a.md', source);
    const lines = source.split('\n');
    const found = findTextIssues(lines, (f) => parsed.data[f]);
    expect(found.map((f) => [f.field, f.line, f.col, f.straightQuotes, f.fixes.map((x) => x.found).join('')])).toEqual([['title', 2, 8, true, ','], ['body', 8, 7, false, ',().']]);
    const fixed = fixTextIssues(lines, found, (f) => parsed.data[f], (v) => v).join('\n');
    expect(fixed).toBe('---\ntitle: “五星”支部，创建\nstreet: 莲湖街道\ndate: 2022-09-08\nreporter: 鲁燕\n---\n\n本报讯 近日，莲湖街道（村）召开会议。\n\n会议于10:30开始。\n');
  });
});

describe('slugs', () => {
  it('use word-level pinyin', () => {
    expect(headlineSlug('微更新')).toBe('weigengxin');
    expect(headlineSlug('会客厅里解心结')).toBe('huiketing-lijie-xinjie');
    expect(headlineSlug('银行网点进社区')).toBe('yinhang-wangdian-jinshequ');
  });
});

describe('YAML mistakes at their own line, with codes', () => {
  const fm = (yaml: string) => parseMarkdown('a.md', `---\n${yaml}\n---\n\n正文。\n`).problems.map((p) => [p.line, p.col, p.field, p.code, p.message]);

  it('says a missing space after a colon', () => {
    expect(fm('title: 文化\nstreet:莲湖街道\ndate: 2022-09-08')).toEqual([[3, 8, 'street', 'colon-without-space', 'expected a space after the colon, as in street: 莲湖街道, found street:莲湖街道']]);
    expect(fm('title: 文化\nstreet:莲湖街道')[0][3]).toBe('colon-without-space'); // last line: YAML reports it differently
  });

  it('points at the line that opened an unclosed quote, whatever YAML says later', () => {
    const [p] = fm('title: 文化\nstreet: "莲湖街道\ndate: 2022-09-08\nreporter: 鲁燕');
    expect(p.slice(0, 4)).toEqual([3, 9, 'street', 'unclosed-quote']);
  });

  it('passes YAML errors it cannot explain on with yaml\'s own code', () => {
    const [p] = fm('title: 文化\n? [a\n');
    expect(String(p[3])).toMatch(/^(yaml:[A-Z_]+|unclosed-list)$/);
  });

  it('reads a # comment as a comment, even with a full-width colon in it', () => {
    expect(withoutComment('  - 2022-09-08-lianhu # 长篇通讯：文化')).toBe('  - 2022-09-08-lianhu');
    expect(withoutComment('title: "a # b"')).toBe('title: "a # b"');
    expect(fm('articles:\n  - a # 长篇通讯：文化')).toEqual([]);
  });

  it('puts a registry indentation mistake on its line, not on the entry after', () => {
    const r = parseYamlFile('p.yaml', '- id: a\n  name: A\n   level: street\n  parent: z\n- id: b\n  name: B\n');
    expect(r.problems.map((p) => [p.line, p.field, p.code])).toEqual([[3, 'level', 'indented-field']]);
  });
});

describe('the frontmatter writer', () => {
  it('writes flow name lists, block article lists with comments, and quotes only what YAML needs', () => {
    const text = markdownFile({ title: '莲湖: 支部', date: '2022-09-08', reporter: ['鲁燕', '张三'], articles: ['a', 'b'] }, '正文', { blockLists: ['articles'], itemComments: { articles: ['莲湖街道 长篇通讯：好', undefined] } });
    expect(text).toBe('---\ntitle: "莲湖: 支部"\ndate: 2022-09-08\nreporter: [鲁燕, 张三]\narticles:\n  - a # 莲湖街道 长篇通讯：好\n  - b\n---\n\n正文\n');
    expect(parseMarkdown('x.md', text).problems).toEqual([]);
  });
});
