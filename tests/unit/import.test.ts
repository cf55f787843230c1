// `npm run import` on the three seed pages and on fixture pages in the other layouts: every
// story's headline, place, bylines, first and last sentence and paragraph count; no paragraph
// ends mid-sentence; and nothing on the page is lost.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../../src/io/registries.ts';
import { importPage, type ImportedPage } from '../../src/lib/import/import-page.ts';
import type { ImportWarning } from '../../src/lib/import/import-warning.ts';
import { PROBLEM } from '../../src/lib/problem.ts';

/** Which warnings fired, by code; and the message of one, where its details (names, places) matter. */
const codes = (ws: readonly ImportWarning[]) => ws.map((w) => w.code);
const said = (ws: readonly ImportWarning[], code: string) => ws.filter((w) => w.code === code).map((w) => w.message).join('\n');

const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = resolve(ROOT, '../shared/seeds');
const FIXTURES = join(ROOT, 'tests/fixtures/import');
const registries = loadRegistries(join(ROOT, 'content'));

const read = (file: string) => readFileSync(file, 'utf8');
const pageOf = (file: string) => importPage(read(file), registries);

/** The visible text of a Markdown body, escapes and heading marks removed. */
function plainText(markdown: string): string {
  const tree = unified().use(remarkParse).parse(markdown);
  const out: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (typeof node.value === 'string') out.push(node.value);
    for (const c of (node.children ?? []) as (typeof node)[]) walk(c);
  };
  walk(tree as never);
  return out.join('');
}

const sentences = (text: string) => text.match(/[^。！？]+[。！？]+[”’」』）)]*/gu) ?? [text];
/** Paragraphs of running text: subheads (##) and photos (![caption](…)) aside. */
const textParagraphs = (body: string) => body.split('\n\n').filter((p) => !p.startsWith('#') && !p.startsWith('!['));

// The importer writes full-width punctuation in Chinese text and Chinese quotes: compare marks by kind, not width.
const WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '.': '。', '(': '（', ')': '）', '“': '"', '”': '"' };
const chars = (s: string) => [...s.replace(/\s+/gu, '').replace(/[,;:!?.()“”]/g, (c) => WIDTH[c])];
const sorted = (list: string[]) => [...list].sort().join('');

/**
 * Every non-blank character of the page, Markdown heading marks and the 编者按 label aside, must
 * be found exactly once: in a story's body, its printed headline or byline, the page title,
 * the editor's note or the left-over lines.
 */
function expectNothingLost(source: string, page: ImportedPage) {
  const pageText = source
    .split('\n')
    .map((l) => l.replace(/^\s*#{1,6}\s+/, '').replace(/^[【\[〔]?编者按[】\]〕]?[：:]?/u, ''))
    .join('\n');
  const found: string[] = [];
  if (page.title) found.push(page.title);
  if (page.editorNote) found.push(page.editorNote);
  for (const c of page.credits) found.push(c.text);
  // A photo's caption is accounted as printed (credit included), not as the image's alt text.
  for (const a of page.articles) found.push(plainText(a.body), ...a.printed.headline, ...a.printed.byline, ...a.printed.captions);
  for (const l of page.leftover) found.push(l.text);
  expect(sorted(chars(found.join('')))).toBe(sorted(chars(pageText)));
  // And in order: each paragraph's characters appear in the page in the order printed.
  const stream = chars(pageText).join('');
  for (const a of page.articles) {
    for (const p of a.body.split('\n\n')) {
      let at = 0;
      for (const ch of chars(plainText(p))) {
        at = stream.indexOf(ch, at);
        expect(at, `"${p.slice(0, 20)}…" out of order at ${ch}`).toBeGreaterThanOrEqual(0);
        at++;
      }
    }
  }
  // Headlines and bylines are accounted by what they printed: the fields must come from there.
  for (const a of page.articles) {
    const printed = chars(a.printed.headline.join(''));
    for (const field of [a.title, a.kicker, a.subtitle]) for (const ch of chars(field ?? '')) expect(printed).toContain(ch);
    const byline = a.printed.byline.join(' ');
    for (const name of [...a.reporters, ...a.correspondents]) expect(byline).toContain(name);
  }
}

function expectWholeParagraphs(page: ImportedPage) {
  for (const a of page.articles) {
    for (const p of textParagraphs(a.body)) expect(p, `paragraph ends mid-sentence in "${a.title}"`).toMatch(/[。！？…][”’」』）)]*$/u);
    expect(a.body).not.toMatch(/\n{3,}/);
  }
}

interface Expected {
  title: string;
  street: string;
  reporters: string[];
  correspondents: string[];
  photo?: true | string[] | null;
  paragraphs: number;
  first: string;
  last: string;
}

function expectStories(page: ImportedPage, expected: Expected[]) {
  expect(page.articles.map((a) => a.title)).toEqual(expected.map((e) => e.title));
  page.articles.forEach((a, i) => {
    const e = expected[i];
    expect({ title: a.title, street: a.street, reporters: a.reporters, correspondents: a.correspondents }).toEqual({ title: e.title, street: e.street, reporters: e.reporters, correspondents: e.correspondents });
    if (e.photo !== undefined) expect(a.photo).toEqual(e.photo);
    expect(a.body.split('\n\n')).toHaveLength(e.paragraphs);
    const s = sentences(textParagraphs(a.body).join(''));
    expect(s[0]).toBe(e.first);
    expect(s.at(-1)).toBe(e.last);
  });
}

const SEED_000 = join(SEEDS, '000_51a244376aa11d1c.txt');
const SEED_002 = join(SEEDS, '002_8f7c674a9f2266c7.txt');
const SEED_003 = join(SEEDS, '003_7a019c74ae60903b.txt');

describe('seed 000: raw column text, headlines listed after the stories in another order', () => {
  const page = pageOf(SEED_000);

  it('finds the page title and the six stories, each with its own headline, place and byline', () => {
    expect(page.title).toBe('“五星”支部创建 提升基层治理“软实力”');
    expect(page.editorNote).toBeNull();
    expect(page.articles).toHaveLength(6);
    expectStories(page, [
      { title: '文化“大餐”让居民尝甜头得实惠', street: '莲湖街道', reporters: ['鲁燕'], correspondents: ['魏少杰'], photo: null, paragraphs: 4,
        first: '本报讯 9月3日，一场精彩纷呈的豫剧演出，让莲湖街道阳光花苑社区居民品味到一场久违的文化“大餐”。',
        last: '为让各党支部在创建活动中学有榜样、有章可循，创建活动中，阳光花苑社区还细化了5项“五星”支部创建内容和25项创建标准，将创建项目化、项目清单化、清单责任化，实行周例会、月研判、季评比工作机制，举办观摩评比活动，总结好的经验做法，全力营造创星争优、比学赶超、竞相出彩的浓厚氛围。' },
      { title: '“五星”支部创建月度点评拓思路明方向', street: '航海西路街道', reporters: ['鲁燕'], correspondents: ['张倩倩'], photo: true, paragraphs: 3,
        first: '本报讯 为推动“五星”支部创建工作走深走实，航海西路街道党工委建立“五星”支部创建月总结、月点评工作机制。',
        last: '通过点评，各党组织充分了解自身创建工作存在的优势和不足，在交流中拓展了工作思路、明确了工作方向，同时进一步压实村（社区）党组织书记抓创建工作的直接责任。' },
      { title: '创新工作模式 助推“五星”支部创建', street: '建设路街道', reporters: ['鲁燕'], correspondents: [], photo: null, paragraphs: 4,
        first: '本报讯 近日，建设路街道坚持把“五星”支部创建作为检验“能力作风建设年”活动效果的重要载体、衡量社区（村）党建工作成效的重要标尺，全面提升“五星”支部创建水平，助推基层社会治理能力有效提升。',
        last: '街道将重点对各社区（村）党组织随机抽查、履职到位、制度落实、问题处置、领办实事等各项日常推进工作完成情况进行量化考核，推行“周红星评定”，对争创不力，在季度排名末位的社区党组织评定“黑旗”，充分调动街道上下争创“五星”支部的积极性、主动性，切实激发推动高质量发展的“最强动力”。' },
      { title: '以亮点创“星”提升基层治理能力', street: '须水街道', reporters: ['鲁燕'], correspondents: [], photo: null, paragraphs: 4,
        first: '本报讯 自“五星”支部创建工作开展以来，须水街道以“五星”支部创建为统揽，指导各村（社区）以实事创星，以亮点创“星”，有序推进创建工作，提升基层治理能力。',
        last: '除日常开展的常态化卫生清洁活动外，各村社区在街道的组织下每周五开展“全城清洁”活动，改善辖区人居环境，建设生态宜居村。' },
      { title: '为全力“创星”找准发力点、打通堵塞点', street: '棉纺路街道', reporters: ['鲁燕'], correspondents: [], photo: null, paragraphs: 2,
        first: '本报讯 近日，棉纺路街道召开会议，学习贯彻落实《“五星”支部创建十条举措》，会议对“五星”支部创建十条举措内容及责任清单进行了逐条梳理，并对下一步各社区（村）“五星”支部创建进行了部署。',
        last: '会议要求，各社区（村）要高度重视、统筹推进，稳扎稳打抓好落实，针对创建薄弱环节和难点问题，在前期制定的措施基础上进一步完善制定针对性措施，将“五星”支部创建工作抓实抓牢抓细，有的放矢，找准主攻方向，为下一步全力“创星”找准发力点、打通堵塞点；结合各自实际情况查漏补缺，逐星完善“五星”支部创建机制及相关资料，社区（村）每颗星明确具体领星人，规定完成期限、压实创星责任、凝聚创建合力，共同为“五星”支部创建发挥作用；以“五星”支部创建为契机，将重点工作与“五星”支部创建工作相结合，提升基层党建工作整体水平，带动创星热情，共同探索推进党建引领社会基层治理新路径，推进各项工作再上新台阶。' },
      { title: '开展“五星”创建月点评 走稳走好“创星路”', street: '汝河路街道', reporters: ['鲁燕'], correspondents: ['崔永捷'], photo: null, paragraphs: 7,
        first: '本报讯 9月5日上午，汝河路街道在一楼会议室召开“五星”支部创建工作推进会，对街道“五星”支部创建工作进行月点评。',
        last: '在就业方面，各社区（村）应当进一步挖掘公共服务岗位，收集辖区内企业、商圈、市场用工信息，积极对接辖区企业用工、居民就业。' },
    ]);
  });

  it('joins column breaks without spaces, even across a blank line in mid-sentence', () => {
    const lianhu = page.articles[0].body;
    expect(lianhu).toContain('房前屋后闲置地块');
    expect(lianhu).toContain('助推“幸福和谐星”创建');
    // A short line that ends a sentence ends its paragraph even without a blank line after it.
    expect(page.articles[5].body).toContain('及时发现问题，解决问题。\n\n加强网格管理，点亮“平安法治星”。');
  });

  it('names only the stars the text names, by their registry names', () => {
    expect(page.articles[0].stars).toEqual(['幸福和谐星']);
    expect(page.articles[5].stars).toEqual(['支部过硬星', '共建共享星', '平安法治星', '幸福和谐星', '宜业兴业星']);
    // 建设生态宜居村 names no star.
    expect(page.articles[3].stars).toEqual([]);
  });

  it('settles every match without a warning, and keeps every paragraph whole', () => {
    for (const a of page.articles) expect(a.warnings).toEqual([]);
    expect(page.leftover).toEqual([]);
    expectWholeParagraphs(page);
  });

  it('loses nothing', () => expectNothingLost(read(SEED_000), page));

  it('matches headlines by content, not position: shuffling the headline list changes nothing', () => {
    const text = read(SEED_000);
    const cut = text.indexOf('莲湖街道\n文化');
    const blocks = text.slice(cut).trim().split(/\n\s*\n/);
    const shuffled = `${text.slice(0, cut)}${[...blocks.slice(3), ...blocks.slice(0, 3)].reverse().join('\n\n')}\n`;
    const again = importPage(shuffled, registries);
    expect(again.articles.map((a) => [a.title, a.street])).toEqual(page.articles.map((a) => [a.title, a.street]));
  });

  it('finds the same headlines when the list is printed at the top, without blank lines, or without places', () => {
    const text = read(SEED_000);
    const cut = text.indexOf('莲湖街道\n文化');
    const list = text.slice(cut).trim();
    const [title, ...rest] = text.slice(0, cut).split('\n');
    const atTop = [title, '', list, '', ...rest].join('\n');
    const tight = `${text.slice(0, cut)}${list.replace(/\n\s*\n/g, '\n')}\n`;
    for (const variant of [atTop, tight]) {
      const again = importPage(variant, registries);
      expect(again.title).toBe(page.title);
      expect(again.articles.map((a) => [a.title, a.street, a.warnings])).toEqual(page.articles.map((a) => [a.title, a.street, []]));
    }
    // Titles alone, without their place lines: matched by wording, with the doubts spelled out.
    const titlesOnly = importPage(`${text.slice(0, cut)}${list.split(/\n\s*\n/).map((b) => b.split('\n')[1]).join('\n')}\n`, registries);
    expect(titlesOnly.articles.map((a) => [a.title, a.street])).toEqual(page.articles.map((a) => [a.title, a.street]));
    expect(codes(titlesOnly.articles[0].warnings)).toContain(PROBLEM.importWeakHeadlineMatch);
    expect(codes(titlesOnly.articles[5].warnings)).toContain(PROBLEM.importCloseHeadlineMatch);
    for (const a of titlesOnly.articles) expect(codes(a.warnings)).toContain(PROBLEM.importPlaceFromText);
  });
});

describe('seed 002: ## place, ### title, one paragraph per line', () => {
  const page = pageOf(SEED_002);

  it('finds the page title and five stories', () => {
    expect(page.title).toBe('以党建为引领 提升城市基层治理效能');
    expect(page.articles).toHaveLength(5);
    expectStories(page, [
      { title: '助力创建“五星”支部 提升基层党建质量', street: '建设路街道', reporters: ['鲁燕'], correspondents: ['李博艺'], photo: null, paragraphs: 6,
        first: '本报讯 7月15日下午，建设路街道召开“五星”支部创建暨基层党建质量提升三年行动计划工作推进会。',
        last: '“五星”支部创建工作社区涉及整治任务27大项，村29大项，基层党建质量提升三年行动计划涉及攻坚类、基础类、提升类三大块一共80项整治任务，时间紧、任务重，班子成员、相关科室要密切配合，形成齐抓共管的良好氛围。' },
      { title: '聚焦“五星”再推进 激发活力强干劲', street: '汝河路街道', reporters: ['鲁燕'], correspondents: ['刘小钰', '宋炬攀'], photo: true, paragraphs: 6,
        first: '本报讯 7月18日上午，汝河路街道召开社区（村）“五星”支部创建工作推进会。',
        last: '为确保“五星”支部创建工作走深走实，街道党工委成立领导小组和工作专班，多次召开专题动员会、培训会、推进会，并逐社区（村）分别对照社区创建工作中的5大方面、27条重点任务，村创建工作中的5大方面、29条重点任务，明确“第一责任人”职责，“台账销号”推进。' },
      { title: '党建引领把方向 网格聚力促治理', street: '绿东村街道', reporters: ['鲁燕'], correspondents: ['王永涛'], photo: true, paragraphs: 3,
        first: '本报讯 为协助政协委员履职尽责，积极参与基层共治，近日，绿东村街道政协工委组织辖区政协委员开展智慧党建引领下的网格化治理视察调研活动，为基层治理建言献策。',
        last: '委员们建议将智慧党建与群众安全感、幸福感、满意度相结合，做实网格支部建设助力志愿服务，加强社区服务，提升社区效能，提高群众知晓率、参与度，促进多元共治，共同为基层治理添光增彩。' },
      { title: '以党建赋能推动万达商圈高质量发展', street: '中原西路街道', reporters: ['鲁燕'], correspondents: ['孙向群'], photo: null, paragraphs: 3,
        first: '本报讯 今年以来，中原西路街道持续推进党建融合发展，在万达商圈构建“党建+”工作体系，以党建赋能推动商圈高质量发展。',
        last: '下一步，街道将继续聚焦中心任务，紧扣高质量发展主题，秉持“资源共享、组织共建、党员共育、活动共办、经济共推”理念，切实把党建优势转化为商圈优势，促进万达商圈经济持续繁荣发展。' },
      { title: '以考核促进步 强党建谋发展', street: '三官庙街道', reporters: ['鲁燕'], correspondents: [], photo: null, paragraphs: 3,
        first: '本报讯 为进一步提升党建引领的城市基层治理效能，近日，三官庙街道办事处以“能力作风建设年”为契机，积极探索社区党建专干考评考核新模式，“以考促干”，进一步激励社区工作者担当作为。',
        last: '通过对平时考核结果的运用，有利于调动起社区工作者的工作积极性，在全街道形成鼓励担当、崇尚实干、敢于攻坚的良好风尚。' },
    ]);
  });

  it('joins a paragraph broken across columns and reads bylines glued or on two lines', () => {
    expect(page.articles[2].body).toContain('基层社会治理方面的运作机制');
    expect(page.articles[0].printed.byline).toEqual(['记者 鲁燕 通讯员 李博艺']);
    expect(page.articles[1].printed.byline).toEqual(['记者 鲁燕 通讯员 刘小钰 宋炬攀 文/图']);
  });

  it('has no warnings, no left-over text, whole paragraphs and loses nothing', () => {
    for (const a of page.articles) expect(a.warnings).toEqual([]);
    expect(page.leftover).toEqual([]);
    expectWholeParagraphs(page);
    expectNothingLost(read(SEED_002), page);
  });
});

describe('seed 003: place and title on one ## line', () => {
  const page = pageOf(SEED_003);

  it('finds the page title and four stories', () => {
    expect(page.title).toBe('打好组合拳 聚力创“五星”');
    expect(page.articles).toHaveLength(4);
    expectStories(page, [
      { title: '办好“小微”实事 服务守护幸福', street: '中原西路街道', reporters: ['鲁燕'], correspondents: [], photo: true, paragraphs: 3,
        first: '本报讯 近日，中原西路街道承载中原区“一路四街”重要商业核心区域。',
        last: '街道依托万达商圈、二砂文创园等商业群体以及巨正、中晟、保利等楼宇资源，大力推进“党建+网格”融合发展，坚持以“党建引领”驱动产业发展，让作风由内向外带动。' },
      { title: '多元点星惠民生 倾情服务暖人心', street: '柳湖街道', reporters: ['鲁燕'], correspondents: [], photo: null, paragraphs: 5,
        first: '本报讯 柳湖街道地处中原、二七、荥阳三地交界，多种诉求共存，基层社会治理难度大。',
        last: '三王庄村充分发挥三里庄遗址等文物资源带动能力，依托四大中心，利用3万余平方米集体经济用房，打造准四星级酒店，不断壮大集体经济。' },
      { title: '为“五星”支部创建注入强劲动力', street: '莲湖街道', reporters: ['鲁燕'], correspondents: [], photo: null, paragraphs: 6,
        first: '本报讯 今年以来，莲湖街道立足莲湖阶段性的发展特征，把项目建设作为“五星”支部创建的牛鼻子，一切围着项目转、一切盯着项目干，以项目建设高质量推动发展高质量。',
        last: '下一步，莲湖街道将进一步树牢“项目为王”理念，加快发展步伐，全面提升“五星”支部创建的硬实力，为打造以郑州中央文化区为引领的国家中心城市产城融合示范区作出新的更大贡献。' },
      { title: '“桐”心创“五星” 共绘新蓝图', street: '桐柏路街道', reporters: ['鲁燕'], correspondents: [], photo: true, paragraphs: 4,
        first: '本报讯 “五星”支部创建工作开展以来，桐柏路街道找到了新路子，“桐”心创“五星”共绘新蓝图的美好局面正在一步步变为现实。',
        last: '以“党建+睦邻”为理念举办“快乐星期天”等150余场丰富多彩的“邻居节”活动，社区的烟火味、人情味、文化味更浓了。' },
    ]);
  });

  it('joins a sentence cut by a column break even where a blank line follows it', () => {
    expect(page.articles[0].body).toContain('如今菜鸟羽渐丰');
    expect(page.articles[1].body).toContain('明确对优秀村（社区）党建工作经费补贴政策');
    expect(page.articles[1].stars).toEqual(['文明幸福星']);
  });

  it('has no warnings, no left-over text, whole paragraphs and loses nothing', () => {
    for (const a of page.articles) expect(a.warnings).toEqual([]);
    expectWholeParagraphs(page);
    expectNothingLost(read(SEED_003), page);
  });
});

describe('fixture: raw columns with a two-line page title, an editor’s note and features', () => {
  const file = join(FIXTURES, 'jiaozuo-column.txt');
  const page = pageOf(file);

  it('reads the page title over two lines and keeps the editor’s note for the page', () => {
    expect(page.title).toBe('凝心聚力创“五星” 基层治理谱新篇');
    expect(page.editorNote).toBe('“五星”支部创建开展以来，焦作市各县（市）区坚持以党建引领基层治理，涌现出一批可复制、可推广的好做法。本版今起推出“五星”支部创建巡礼，敬请关注。');
    for (const a of page.articles) expect(a.body).not.toContain('编者按');
  });

  it('matches the headlines listed after the stories by place and content', () => {
    expect(page.articles.map((a) => [a.title, a.street])).toEqual([
      ['老旧小区换新颜 居民生活更舒心', '民主街道'],
      ['“小巷管家” 守护大民生', '焦南街道'],
      ['党建引领聚合力 全域创星显成效', '中站区'],
      ['小小义诊台 连起干群心', '河阳街道'],
      ['片区联动创星 群众共享红利', '大定街道'],
    ]);
    expect(page.articles[4].subtitle).toBe('大定街道“五星”支部创建见闻');
    // The title printed over two lines is joined, and the editor is asked to check it.
    expect(codes(page.articles[1].warnings)).toContain(PROBLEM.importMultiLineHeadline);
  });

  it('reads bylines on two lines, after a feature’s lead, glued and wrapped, in the dateline and at the top', () => {
    const bylines = page.articles.map((a) => [a.reporters, a.correspondents]);
    expect(bylines).toEqual([
      [['杜挺勇'], ['尚艳菲']],
      [['杜挺勇'], ['尚艳菲', '耿文祥']],
      [['杜挺勇'], ['魏少杰']],
      [['杜挺勇'], ['李博艺']],
      [['杜挺勇'], []],
    ]);
    expect(page.articles[2].photo).toBe(true);
    // The lead stays with its feature: the byline after it does not cut the story in two.
    expect(page.articles[1].body.startsWith('清晨六点半，焦南街道的“小巷管家”已经走上街头')).toBe(true);
    expect(page.articles[1].body).toContain('## 问题随手办');
  });

  it('keeps the photo caption apart and takes its credit as the photographer', () => {
    const heyang = page.articles[3];
    expect(heyang.body).toContain('耐心解答健康咨询，并发放健康宣传资料300余份。');
    expect(heyang.captions).toEqual(['图为河阳街道党员医生为居民测量血压。']);
    expect(heyang.body).toContain('![图为河阳街道党员医生为居民测量血压。](./待补照片-1.jpg "摄影 杜挺勇")');
    expect(heyang.photo).toEqual(['杜挺勇']);
    expect(heyang.body.startsWith('本报讯 9月8日上午，孟州市河阳街道')).toBe(true);
  });

  it('turns short stand-alone phrases into subheads, and says so', () => {
    expect(page.articles[4].body).toContain('\n\n## 片区联动聚合力\n\n');
    expect(said(page.articles[4].warnings, PROBLEM.importGuessedSubhead)).toMatch(/片区联动聚合力/);
  });

  it('finds the stars named in the text, and loses nothing', () => {
    // 中站区 works on the community set: the village set's 生态宜居星 it names is warned about, not tagged.
    expect(page.articles.map((a) => a.stars)).toEqual([['幸福和谐星'], ['平安法治星'], ['支部过硬星'], [], ['产业兴旺星']]);
    expect(said(page.articles[2].warnings, PROBLEM.importStarOutsideSets)).toMatch(/^生态宜居星 .*expected a star of 中站区's set/m);
    expectWholeParagraphs(page);
    expectNothingLost(read(file), page);
  });
});

describe('fixture: Markdown headings with kicker, subtitle, subheads and shared place headings', () => {
  const file = join(FIXTURES, 'erqi-headings.md');
  const page = pageOf(file);

  it('reads the page title and the editor’s note under it', () => {
    expect(page.title).toBe('二七区“五星”支部创建巡礼');
    expect(page.editorNote).toMatch(/^为展示二七区“五星”支部创建成果/);
  });

  it('reads kicker, title and subtitle from heading sizes', () => {
    const [a] = page.articles;
    expect([a.kicker, a.title, a.subtitle, a.street]).toEqual(['践行“五星”支部创建', '老旧小区焕新颜', '五里堡街道推进老旧小区改造纪实', '五里堡街道']);
    expect(a.body).toContain('\n\n## 居民说了算\n\n');
    expect(a.photo).toEqual(['杜挺勇']);
  });

  it('gives stories under one place heading that place, and an area-wide story its district', () => {
    expect(page.articles.map((a) => [a.title, a.street, a.reporters, a.correspondents])).toEqual([
      ['老旧小区焕新颜', '五里堡街道', ['杜挺勇'], ['尚艳菲', '耿文祥']],
      ['党建引领聚合力 全域创星显成效', '德化街街道', ['杜挺勇'], ['魏少杰']],
      ['商圈党建激活力', '德化街街道', ['杜挺勇'], []],
      ['全区“五星”支部创建推进有力', '二七区', ['鲁燕'], ['李博艺']],
    ]);
  });

  it('keeps a 本报讯 story together across the byline printed after its lead', () => {
    const dehua = page.articles[1];
    expect(dehua.body.split('\n\n')).toHaveLength(3);
    expect(dehua.body).toMatch(/^本报讯 近日，德化街街道/);
    expect(dehua.stars).toEqual(['宜业兴业星', '共建共享星']);
  });

  it('has no left-over text, whole paragraphs and loses nothing', () => {
    expect(page.leftover).toEqual([]);
    expectWholeParagraphs(page);
    expectNothingLost(read(file), page);
  });
});

describe('fixture: raw text with titles above the stories and no place lines', () => {
  const file = join(FIXTURES, 'dehua-titles-first.txt');
  const page = pageOf(file);

  it('reads each title above its story, and says what it could not settle', () => {
    expect(page.title).toBeNull();
    expect(page.articles.map((a) => [a.title, a.street])).toEqual([
      ['“夜经济”点亮老商圈', '德化街街道'],
      ['社区食堂暖人心', '五里堡街道'],
      ['两街道联手共建“红色驿站”', null],
    ]);
    expect(page.articles[0].warnings).toEqual([]);
    expect(said(page.articles[1].warnings, PROBLEM.importPlaceFromText)).toMatch(/五里堡街道/);
    expect(codes(page.articles[1].warnings)).toContain(PROBLEM.importNoByline);
    expect(said(page.articles[2].warnings, PROBLEM.importAmbiguousPlace)).toMatch(/五里堡街道 and 德化街街道.*二七区/);
  });

  it('prints page furniture as left over, and loses nothing', () => {
    expect(page.leftover.map((l) => l.text)).toEqual(['（责任编辑：王芳）']);
    expectWholeParagraphs(page);
    expectNothingLost(read(file), page);
  });
});

describe('fixture: a place the registry does not know', () => {
  const file = join(FIXTURES, 'unknown-place.txt');
  const page = pageOf(file);

  it('leaves street empty and warns with the closest registry names', () => {
    const [a] = page.articles;
    expect([a.title, a.street, a.placeWritten]).toEqual(['“红色物业”暖民心', null, '花园路街道']);
    expect(said(a.warnings, PROBLEM.importUnknownPlace)).toMatch(/花园路街道 .*\(closest: /);
    expectNothingLost(read(file), page);
  });
});

describe('pages it has never seen', () => {
  it('does not mistake a sentence mentioning a reporter for a byline', () => {
    const page = importPage('莲湖街道\n居民点赞\n\n本报讯 近日，居民对记者说，小区变化很大。记者们都笑了。\n记者 鲁燕\n', registries);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0].body).toBe('本报讯 近日，居民对记者说，小区变化很大。记者们都笑了。');
    expect(page.articles[0].reporters).toEqual(['鲁燕']);
  });

  it('reports a headline that matches no story, and a story that has none', () => {
    const page = importPage('本报讯 近日，莲湖街道开展志愿服务活动，居民积极参与。\n记者 鲁燕\n\n须水街道\n须水开展河道清洁行动\n', registries);
    expect(page.articles[0].title).toBeNull();
    expect(codes(page.articles[0].warnings)).toContain(PROBLEM.importNoHeadline);
    expect(said(page.warnings, PROBLEM.importUnmatchedHeadline)).toMatch(/须水开展河道清洁行动/);
    expect(page.leftover.map((l) => l.text)).toEqual(['须水街道', '须水开展河道清洁行动']);
  });

  it('keeps a feature together when a short byline stands after its lead, and says so', () => {
    const page = importPage(
      '清晨六点半，“小巷管家”已经走上焦南街道的街头。\n记者 杜挺勇 通讯员 尚艳菲\n\n焦南街道选聘“小巷管家”126名，实行“一巷一管家”。\n\n“管家们”每天巡查责任街巷。\n\n焦南街道\n“小巷管家”守护大民生\n',
      registries,
    );
    expect(page.articles).toHaveLength(1);
    const [a] = page.articles;
    expect([a.title, a.street, a.reporters, a.correspondents]).toEqual(['“小巷管家”守护大民生', '焦南街道', ['杜挺勇'], ['尚艳菲']]);
    expect(a.body.split('\n\n')).toHaveLength(3);
    expect(codes(a.warnings)).toContain(PROBLEM.importBylineSplitsStory);
  });

  it('reads an empty page as no stories, with a warning', () => {
    const page = importPage('\n\n', registries);
    expect(page.articles).toEqual([]);
    expect(codes(page.warnings)).toEqual([PROBLEM.importNoStories]);
  });
});
