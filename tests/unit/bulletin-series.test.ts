// 简报 series: the next 期号 per series and year (增刊 apart, never reused), the last issue a new one
// follows, reused numbers; what `npm run bulletin` writes from them; the contents' page numbers.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { listMarkdownFiles, readArticleFile } from '../../src/io/articles.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { draftBulletin, DraftError } from '../../src/lib/bulletin-draft.ts';
import { bulletinDraftUi } from '../../src/ui/strings.ts';
import { lastOfSeries, nextIssue, reusedIssues } from '../../src/lib/bulletin-series.ts';
import type { Bulletin } from '../../src/lib/bulletins.ts';
import { htmlBlocks } from '../../src/lib/html-blocks.ts';
import { withPageNumbers } from '../../src/integrations/bulletin-pdf.ts';
import { ROOT } from '../helpers/build-site.ts';

const b = (id: string, date: string, issue: number | undefined, more: Partial<Bulletin> = {}): Bulletin => ({
  id, file: `content/bulletins/${id}.md`, title: id, kind: '简报', date, issue, supplement: false, draft: false, marks: [],
  masthead: '中原区“五星”支部创建工作简报', department: '中共郑州市中原区委组织部', articles: [], ...more,
} as Bulletin);

const series = [
  b('a', '2022-03-31', 1),
  b('b', '2022-06-30', 2),
  b('c', '2022-09-30', 4), // 3 was skipped (or deleted): it is not given out again
  b('s', '2022-07-01', 1, { supplement: true }),
  b('old', '2021-12-31', 9),
  b('other', '2022-10-01', 7, { masthead: '须水街道工作简报', department: '须水街道党工委' }),
  b('zb', '2022-10-02', undefined, { kind: '专版', masthead: undefined, department: undefined }),
];

describe('numbering a series', () => {
  it('gives the next number after the highest used in the year, per series, 增刊 apart', () => {
    const zy = { kind: '简报' as const, masthead: '中原区“五星”支部创建工作简报' };
    expect(nextIssue(series, zy, '2022', false)).toBe(5);
    expect(nextIssue(series, zy, '2022', true)).toBe(2);
    expect(nextIssue(series, zy, '2023', false)).toBe(1);
    expect(nextIssue(series, { kind: '简报', masthead: '须水街道工作简报' }, '2022', false)).toBe(8);
  });

  it('follows the newest issue of the masthead, or of the kind and department', () => {
    expect(lastOfSeries(series, { kind: '简报', masthead: '中原区“五星”支部创建工作简报' })?.id).toBe('c');
    expect(lastOfSeries(series, { kind: '简报' })?.id).toBe('other');
    expect(lastOfSeries(series, { kind: '简报', department: '中共郑州市中原区委组织部' })?.id).toBe('c');
    expect(lastOfSeries(series, { kind: '简报', masthead: '没有的简报' })).toBeUndefined();
  });

  it('finds a number used twice in one series and year, not across years, series or 增刊', () => {
    const twice = [...series, b('dup', '2022-12-31', 2), b('ok', '2023-01-05', 2), b('ok2', '2022-12-01', 2, { supplement: true })];
    expect(reusedIssues(twice).map((r) => [r.bulletin.id, r.first.id])).toEqual([['dup', 'b']]);
  });
});

describe('npm run bulletin\'s draft', () => {
  const registries = loadRegistries(join(ROOT, 'content'));
  const articles = listMarkdownFiles(join(ROOT, 'content/articles')).map((f) => readArticleFile(f, registries, ROOT).article!);
  const req = { kind: '简报', title: '第四季度', from: '2022-07-01', to: '2022-09-30', date: '2022-12-31', districts: ['中原区'] };
  const existing = [b('c', '2022-09-30', 4, { marks: ['内部资料'], distribution: { 报: ['市委组织部'], 送: undefined, 发: ['各街道党工委', '区直各单位'] }, copies: 80 })];

  it('takes the next 期号 and the masthead, department, marks and 版记 of the series\' last issue', () => {
    const { markdown } = draftBulletin(req, articles, registries, existing, bulletinDraftUi);
    const head = markdown.split('\narticles:')[0];
    expect(head).toBe('---\ntitle: 第四季度\nkind: 简报\nmasthead: 中原区“五星”支部创建工作简报\ndate: 2022-12-31\nissue: 5\ndepartment: 中共郑州市中原区委组织部\nmarks: 内部资料\nperiod:\n  from: 2022-07-01\n  to: 2022-09-30');
    expect(markdown).toContain('\ndistribution:\n  报: [市委组织部]\n  发: [各街道党工委, 区直各单位]\ncopies: 80\n---\n');
  });

  it('lets the editor override each carried-over line, and quotes units YAML would split', () => {
    const { markdown } = draftBulletin({ ...req, sendTo: ['区人大, 区政协'], copies: '40', supplement: true }, articles, registries, existing, bulletinDraftUi);
    expect(markdown).toContain('issue: 1\nsupplement: true\n');
    expect(markdown).toContain('  送: ["区人大, 区政协"]\n');
    expect(markdown).toContain('copies: 40\n');
  });

  it('refuses a 期号 the series has already used that year', () => {
    expect(() => draftBulletin({ ...req, issue: '第4期' }, articles, registries, existing, bulletinDraftUi)).toThrow(DraftError);
    expect(() => draftBulletin({ ...req, issue: '第4期' }, articles, registries, existing, bulletinDraftUi)).toThrow('--issue: expected a number not yet used in 2022 by 中原区“五星”支部创建工作简报, found 4, which content/bulletins/c.md has; the next free one is 5');
  });

  it('numbers a first issue 1, and leaves a 专版 unnumbered unless asked', () => {
    expect(draftBulletin(req, articles, registries, [], bulletinDraftUi).markdown).toContain('\nissue: 1\n');
    expect(draftBulletin({ ...req, kind: '专版' }, articles, registries, [], bulletinDraftUi).markdown).not.toContain('issue:');
  });
});

describe('the printed contents', () => {
  const html = '<nav class="toc" aria-labelledby="toc" data-print-toc><ol><li><a href="#a-x">甲</a><span class="toc-page" data-for="a-x"></span></li><li><a href="#a-y">乙</a><span class="toc-page" data-for="a-y"></span></li></ol></nav>';

  it('gets the page each story starts on when the briefing runs past 4 pages', () => {
    const out = withPageNumbers(html, 5, new Map([['a-x', 1], ['a-y', 4]]));
    expect(out).toContain('<span class="toc-page" data-for="a-x">1</span>');
    expect(out).toContain('<span class="toc-page" data-for="a-y">4</span>');
    expect(out).toContain('data-print-toc');
  });

  it('is left off paper for a briefing of 4 pages or fewer', () => {
    const out = withPageNumbers(html, 4, new Map([['a-x', 1]]));
    expect(out).not.toContain('data-print-toc');
    expect(out).toContain('<span class="toc-page" data-for="a-x"></span>');
  });
});

describe('a story\'s HTML as Word blocks', () => {
  it('keeps paragraphs, subheads, bold and captions, and drops images', () => {
    expect(htmlBlocks('<p>本报讯 <strong>编者按</strong>：第一段</p>\n<h2>小标题</h2><figure><img src="a.jpg" alt="图"><figcaption>图为 说明</figcaption></figure><ul><li>条一</li></ul>')).toEqual([
      { kind: 'paragraph', runs: [{ text: '本报讯 ' }, { text: '编者按', bold: true }, { text: '：第一段' }] },
      { kind: 'subhead', runs: [{ text: '小标题' }] },
      { kind: 'paragraph', runs: [{ text: '图为 说明', italic: true }] },
      { kind: 'paragraph', runs: [{ text: '条一' }] },
    ]);
  });
});
