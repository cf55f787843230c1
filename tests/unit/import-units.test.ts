// The importer's parts one by one: bylines, datelines, punctuation, places, headlines,
// paragraphs, headline matching, stars, file names and the all-or-nothing writer.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFiles, renderArticle, writePlanned } from '../../src/io/article-writer.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { articleFrontmatter, articlePaths } from '../../src/lib/import/article-file.ts';
import { parseByline, splitTrailingByline } from '../../src/lib/import/byline.ts';
import { isDateline, splitDatelineByline } from '../../src/lib/import/dateline.ts';
import { composeTitle, readHeadlines } from '../../src/lib/import/headline.ts';
import { matchHeadlines } from '../../src/lib/import/headline-match.ts';
import type { ImportedArticle } from '../../src/lib/import/import-page.ts';
import { displayWidth, normaliseInline } from '../../src/lib/import/inline-text.ts';
import type { PageShape } from '../../src/lib/import/page-lines.ts';
import { buildBlocks, type BodyLine } from '../../src/lib/import/paragraphs.ts';
import { placeFromText, readPlaceLine, readPlacePrefix } from '../../src/lib/import/place-names.ts';
import { endsSentence, isBalanced } from '../../src/lib/import/sentence.ts';
import { starsNamed } from '../../src/lib/import/star-names.ts';
import { unknownPlaceMessage } from '../../src/lib/import/unknown-place.ts';
import { PROBLEM } from '../../src/lib/problem.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { places, stars } = loadRegistries(join(ROOT, 'content'));

describe('bylines', () => {
  it('reads reporters, correspondents and photo credits in the forms papers print', () => {
    expect(parseByline('记者 鲁燕 通讯员 张倩倩 文/图')).toMatchObject({ reporters: ['鲁燕'], correspondents: ['张倩倩'], photoByReporters: true, topForm: false });
    expect(parseByline('本报记者 杜挺勇 本报通讯员 尚艳菲 耿文祥')).toMatchObject({ reporters: ['杜挺勇'], correspondents: ['尚艳菲', '耿文祥'], topForm: true });
    expect(parseByline('记者鲁燕 通讯员魏少杰')).toMatchObject({ reporters: ['鲁燕'], correspondents: ['魏少杰'] });
    expect(parseByline('（记者 鲁燕）')).toMatchObject({ reporters: ['鲁燕'] });
    expect(parseByline('鲁燕 摄')).toMatchObject({ reporters: [], photographers: ['鲁燕'] });
    expect(parseByline('通讯员 刘小钰 宋炬攀 文/图')).toMatchObject({ correspondents: ['刘小钰', '宋炬攀'], photoByReporters: true });
  });

  it('refuses text that only mentions a reporter', () => {
    for (const t of ['记者采访了相关负责人', '记者们都笑了', '记者', '鲁燕', '张三 李四', '记者 通讯员 魏少杰', '记者 鲁燕 通讯员']) expect(parseByline(t), t).toBeUndefined();
  });

  it('splits a byline off the last sentence, and only after a finished sentence', () => {
    expect(splitTrailingByline('设生态宜居村。记者 鲁燕')).toEqual({ text: '设生态宜居村。', byline: '记者 鲁燕', open: false });
    expect(splitTrailingByline('让作风由内向外带动。 记者 鲁燕 文/图')).toMatchObject({ byline: '记者 鲁燕 文/图' });
    expect(splitTrailingByline('新突破。记者 杜挺勇 通讯员')).toMatchObject({ open: true });
    expect(splitTrailingByline('他对记者说。记者们都笑了')).toBeUndefined();
    expect(splitTrailingByline('本报记者 鲁燕')).toBeUndefined();
  });

  it('knows a dateline from the 本报 of a byline', () => {
    for (const t of ['本报讯 近日', '本报9月3日讯 近日', '本报焦作9月3日讯', '【本报讯】近日', '本报讯（记者 鲁燕）']) expect(isDateline(t), t).toBe(true);
    for (const t of ['本报通讯员 尚艳菲', '本报记者 杜挺勇', '本报评论员文章']) expect(isDateline(t), t).toBe(false);
  });

  it('takes a bracketed byline out of the dateline', () => {
    const d = splitDatelineByline('本报讯（记者 杜挺勇 通讯员 李博艺）9月8日上午，孟州市');
    expect(d.text).toBe('本报讯 9月8日上午，孟州市');
    expect(d.byline).toMatchObject({ reporters: ['杜挺勇'], correspondents: ['李博艺'] });
    expect(splitDatelineByline('本报讯（通讯会）近日').byline).toBeUndefined();
  });
});

describe('punctuation and spacing', () => {
  it('knows where a sentence ends', () => {
    for (const t of ['发生根本变化。', '“一定做好。”', '为什么？', '传递温暖……']) expect(endsSentence(t), t).toBe(true);
    for (const t of ['融入“五星”', '房前屋后', '完成率达98.', '共同为“五']) expect(endsSentence(t), t).toBe(false);
    expect(isBalanced('点亮“共建共享')).toBe(false);
    expect(isBalanced('“桐”心创“五星”')).toBe(true);
  });

  it('drops typesetting gaps around digits but keeps the dateline space', () => {
    expect(normaliseInline('区还细化了 5项“五星”支部')).toBe('区还细化了5项“五星”支部');
    expect(normaliseInline('本报讯 9月3日，一场')).toBe('本报讯 9月3日，一场');
    expect(normaliseInline('　　本报讯　近日，')).toBe('本报讯 近日，');
    expect(displayWidth('召开 8月份')).toBe(5);
  });
});

describe('places', () => {
  it('reads a place line, with or without its district in front', () => {
    expect(readPlaceLine('莲湖街道', places)?.place?.id).toBe('lianhu');
    expect(readPlaceLine('中原区莲湖街道', places)?.place?.id).toBe('lianhu');
    expect(readPlaceLine('焦作市解放区', places)?.place?.id).toBe('jiefang');
    expect(readPlaceLine('中站区：', places)?.place?.id).toBe('zhongzhan');
    expect(readPlaceLine('花园路街道', places)).toEqual({ written: '花园路街道', also: [] });
    expect(readPlaceLine('五里堡街道 德化街街道', places)?.also.map((h) => h.place?.id)).toEqual(['dehuajie']);
    expect(readPlaceLine('中原区 莲湖街道', places)).toMatchObject({ place: { id: 'lianhu' }, also: [] });
    expect(readPlaceLine('文化“大餐”让居民尝甜头得实惠', places)).toBeUndefined();
  });

  it('reads a place leading a headline', () => {
    expect(readPlacePrefix('中原西路街道 办好“小微”实事 服务守护幸福', places)).toMatchObject({ hit: { place: { id: 'zhongyuanxilu' } }, rest: '办好“小微”实事 服务守护幸福' });
    expect(readPlacePrefix('打造美丽新城区 建设幸福家园', places)).toBeUndefined();
  });

  it('judges the place from the text, preferring streets, and reports ties', () => {
    expect(placeFromText('让莲湖街道阳光花苑社区居民品味……对接中原区文旅体局', places).place?.id).toBe('lianhu');
    expect(placeFromText('中站区召开推进会', places).place?.id).toBe('zhongzhan');
    expect(placeFromText('五里堡街道与德化街街道签订协议', places).tied.map((p) => p.id).sort()).toEqual(['dehuajie', 'wulibao']);
    // 民主 in 决策民主 is only an alias: it never outweighs a full name.
    expect(placeFromText('莲湖街道做到决策民主、决策民主', places).place?.id).toBe('lianhu');
  });
});

describe('headlines', () => {
  const line = (text: string, depth = 0, no = 1) => ({ text, depth, no });

  it('sorts kicker, title and subtitle', () => {
    expect(composeTitle([line('践行“五星”支部创建', 4), line('老旧小区焕新颜', 3), line('——纪实', 4)])).toMatchObject({ kicker: '践行“五星”支部创建', title: '老旧小区焕新颜', subtitle: '纪实' });
    expect(composeTitle([line('片区联动创星 群众共享红利'), line('——大定街道见闻')])).toMatchObject({ title: '片区联动创星 群众共享红利', subtitle: '大定街道见闻', warnings: [] });
    expect(composeTitle([line('学习贯彻全会精神——'), line('五里堡街道党课进社区')])).toMatchObject({ kicker: '学习贯彻全会精神——', title: '五里堡街道党课进社区' });
  });

  it('joins a title printed over two lines, with a space between whole phrases, and says so', () => {
    const two = composeTitle([line('开展“五星”创建月点评'), line('走稳走好“创星路”')]);
    expect(two.title).toBe('开展“五星”创建月点评 走稳走好“创星路”');
    expect(two.warnings.map((w) => w.code)).toEqual([PROBLEM.importMultiLineHeadline]);
    expect(composeTitle([line('为全力“创星”找准发力点、'), line('打通堵塞点')]).title).toBe('为全力“创星”找准发力点、打通堵塞点');
    expect(composeTitle([line('创建月点'), line('评')]).title).toBe('创建月点评');
  });

  it('starts a new headline at each place line', () => {
    const hs = readHeadlines([line('莲湖街道'), line('文化“大餐”让居民尝甜头得实惠'), line('须水街道'), line('以亮点创“星”提升基层治理能力')], places, false);
    expect(hs.map((h) => [h.place?.place?.name, h.title])).toEqual([['莲湖街道', '文化“大餐”让居民尝甜头得实惠'], ['须水街道', '以亮点创“星”提升基层治理能力']]);
  });
});

describe('paragraphs', () => {
  const shape: PageShape = { layout: 'column', columnWidth: 17, blankParagraphs: true };
  const lines = (rows: string[]): BodyLine[] => {
    let blank = true;
    const out: BodyLine[] = [];
    rows.forEach((text, i) => {
      if (!text) return void (blank = true);
      out.push({ no: i + 1, text: text.trim(), blankBefore: blank, width: displayWidth(text.trim()), depth: 0, indent: /^　/.test(text) });
      blank = false;
    });
    return out;
  };
  const texts = (rows: string[], s = shape) => buildBlocks(lines(rows), s).blocks.map((b) => (b.kind === 'subhead' ? `## ${b.text}` : b.text));

  it('joins column lines, and a blank line in mid-sentence, without spaces', () => {
    expect(texts(['阳光花苑社区深入开展人居环境整', '治提升，整合居民区破损绿地、房前屋后', '', '闲置地块，打造小游园。'])).toEqual(['阳光花苑社区深入开展人居环境整治提升，整合居民区破损绿地、房前屋后闲置地块，打造小游园。']);
  });

  it('ends a paragraph at a finished sentence followed by a blank line, a short line or an indent', () => {
    expect(texts(['治理能力有效提升。', '', '建设路街道成立了领导小组。'])).toHaveLength(2);
    expect(texts(['及时发现问题，', '', '解决问题。', '加强网格管理，点亮“平安法治', '', '星”。各社区要定期开展走访入户。'])).toEqual(['及时发现问题，解决问题。', '加强网格管理，点亮“平安法治星”。各社区要定期开展走访入户。']);
    // A full line that happens to end a sentence carries on.
    expect(texts(['留自身特色，做到重点创星、补短争星。', '除日常开展的常态化卫生清洁活动外，', '建设生态宜居村。'])).toHaveLength(1);
    expect(texts(['　会议要求，各社区要对标创建标准，', '确保创建工作取得实效。', '　会上，各社区党组织书记汇报了进展。'])).toHaveLength(2);
  });

  it('makes a short stand-alone phrase between paragraphs a subhead, never a cut-off line', () => {
    expect(texts(['这是第一项工作。', '', '问题随手办', '', '“管家们”每天巡查责任街巷。'])).toEqual(['这是第一项工作。', '## 问题随手办', '“管家们”每天巡查责任街巷。']);
    expect(texts(['这是第一项工作。', '', '立足群众需求，点亮“共建共享', '星”。要坚持了解群众诉求。'])).toEqual(['这是第一项工作。', '立足群众需求，点亮“共建共享星”。要坚持了解群众诉求。']);
  });

  it('reads one paragraph per line, or line wraps when blank lines set paragraphs apart', () => {
    const rows = ['会议要求，各社区要对标创建标准，查漏补缺，确保创建工作取得实效。', '会上，各社区党组织书记汇报了创建进展，街道主要负责人提出要求。'];
    expect(texts(rows, { layout: 'paragraph', columnWidth: 60, blankParagraphs: false })).toHaveLength(2);
    expect(texts(rows, { layout: 'paragraph', columnWidth: 60, blankParagraphs: true })).toHaveLength(1);
  });
});

describe('headline matching', () => {
  const h = (place: string, title: string) => readHeadlines([{ text: place, depth: 0, no: 1 }, { text: title, depth: 0, no: 2 }], places, false)[0];

  it('tells two stories from one place apart by what the headlines say', () => {
    const stories = ['本报讯 莲湖街道举办豫剧演出，居民品味到一场久违的文化大餐。', '本报讯 莲湖街道整治人居环境，打造小游园，环境面貌发生根本变化。'];
    const m = matchHeadlines([{ headline: h('莲湖街道', '小游园扮靓人居环境'), alone: false }, { headline: h('莲湖街道', '文化大餐让居民尝甜头'), alone: false }], stories, places);
    expect(m.headlineOf).toEqual([1, 0]);
    expect(m.unmatched).toEqual([]);
  });

  it('warns when two headlines would fit about as well either way', () => {
    const stories = ['本报讯 莲湖街道召开推进会。', '本报讯 莲湖街道召开推进会。'];
    const m = matchHeadlines([{ headline: h('莲湖街道', '推进会召开'), alone: false }, { headline: h('莲湖街道', '召开推进会'), alone: false }], stories, places);
    expect(m.warnings.flat().map((w) => w.code)).toContain(PROBLEM.importCloseHeadlineMatch);
  });
});

describe('stars', () => {
  it('takes only full star names, in the order the text names them', () => {
    expect(starsNamed('点亮“平安法\n治星”，还有“支部过硬星”。', stars)).toEqual(['平安法治星', '支部过硬星']);
    expect(starsNamed('群众生活幸福和谐的基础，“宜业兴业”是关键，“五星”支部', stars)).toEqual([]);
  });
});

describe('files', () => {
  const article = (over: Partial<ImportedArticle>): ImportedArticle => ({
    title: '文化“大餐”让居民尝甜头得实惠', kicker: null, subtitle: null, street: '莲湖街道', place: 'lianhu', placeWritten: null, placeParentHint: null,
    reporters: ['鲁燕'], correspondents: [], photographers: [], photo: null, stars: [], body: '本报讯 正文。', captions: [], warnings: [],
    printed: { headline: [], byline: [], captions: [] }, parts: [], lines: [1, 2], ...over,
  });

  it('names files by date, place and headline, numbering stories that would share a name', () => {
    const paths = articlePaths([article({}), article({}), article({ title: '莲湖街道文化大餐', place: 'lianhu' })], '2022-09-08', places);
    expect(paths).toEqual(['articles/2022/2022-09-08-lianhu-wenhua-dacan-rangjumin.md', 'articles/2022/2022-09-08-lianhu-wenhua-dacan-rangjumin-2.md', 'articles/2022/2022-09-08-lianhu-wenhua-dacan.md']);
  });

  it('writes frontmatter in the schema’s field names, leaving empty fields out', () => {
    const data = articleFrontmatter(article({ correspondents: ['刘小钰', '宋炬攀'], photo: true, stars: ['幸福和谐星'] }), { date: '2022-09-08', bulletin: 'b-1' });
    expect(data).toEqual({ title: '文化“大餐”让居民尝甜头得实惠', street: '莲湖街道', star: '幸福和谐星', date: '2022-09-08', reporter: '鲁燕', correspondent: ['刘小钰', '宋炬攀'], photo: true, bulletin: 'b-1' });
    expect(renderArticle(data, '正文。\n')).toBe('---\ntitle: 文化“大餐”让居民尝甜头得实惠\nstreet: 莲湖街道\nstar: 幸福和谐星\ndate: 2022-09-08\nreporter: 鲁燕\ncorrespondent: [刘小钰, 宋炬攀]\nphoto: true\nbulletin: b-1\n---\n\n正文。\n');
  });

  it('plans new, unchanged and conflicting files, and writes nothing while any conflicts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiexun-writer-'));
    try {
      const same = join(dir, 'a/same.md');
      const other = join(dir, 'a/other.md');
      writePlanned(planFiles([{ path: same, content: 'x\n' }, { path: other, content: 'y\n' }], false));
      const plan = planFiles([{ path: same, content: 'x\n' }, { path: other, content: 'changed\n' }, { path: join(dir, 'b/new.md'), content: 'z\n' }], false);
      expect(plan.map((p) => p.status)).toEqual(['unchanged', 'conflict', 'new']);
      expect(() => writePlanned(plan)).toThrow(/refusing to overwrite .*other\.md/);
      expect(existsSync(join(dir, 'b/new.md'))).toBe(false);
      writePlanned(planFiles([{ path: other, content: 'changed\n' }], true));
      expect(readFileSync(other, 'utf8')).toBe('changed\n');
      expect(readdirSync(join(dir, 'a')).sort()).toEqual(['other.md', 'same.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains an unknown place with the entry to add', () => {
    expect(unknownPlaceMessage('花园路街道', places, ['lianhu'], 'jinshui')).toMatch(/^place 花园路街道 is not in content\/places\.yaml \(closest: .*\)\.\n.*\n {2}- id: huayuanlu\n {4}name: 花园路街道\n {4}level: street\n {4}parent: jinshui {3}# guessed from the story: check\n {4}aliases: \[花园路\]$/);
    expect(unknownPlaceMessage('龙湖镇', places, ['lianhu', 'xushui'])).toMatch(/level: township\n {4}parent: zhongyuan {3}# guessed from the other stories on the page/);
  });
});
