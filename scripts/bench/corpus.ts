// A deterministic synthetic archive for benchmarks: Chinese text drawn from the committed
// articles, a realistic spread over the registry's places, every star, ~30 reporters, dates over
// ten years, and some bulletins. Same N and seed → byte-identical files.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { listMarkdownFiles } from '../../src/io/articles.ts';
import { parseMarkdown } from '../../src/io/frontmatter.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { appendPeople, createPeopleRegistry, newPeople } from '../../src/lib/people.ts';

/** A seeded random number generator (mulberry32): same seed, same sequence. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '燕伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红梅鑫波斌宇浩凯晨琳博雪倩婷颖佳欣鹏飞帆晓峰亮辉建国永涛少杰倩倩小钰炬攀向群挺勇艳菲文祥';

export interface CorpusOptions {
  articles: number;
  seed?: number;
  /** Source of the registries and of the text (a content folder). */
  from: string;
  to: string;
}

export function generateCorpus({ articles: n, seed = 20221, from, to }: CorpusOptions): { files: number; bulletins: number } {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const registries = loadRegistries(from);
  // Sentences and title halves from the real articles.
  const sentences: string[] = [];
  const titleParts: string[] = [];
  for (const file of listMarkdownFiles(join(from, 'articles'))) {
    const parsed = parseMarkdown(file, readFileSync(file, 'utf8'));
    const title = String(parsed.data.title ?? '');
    titleParts.push(...title.split(/\s+/).filter((p) => p.length >= 3));
    for (const para of parsed.body.split(/\n\s*\n/)) {
      if (para.startsWith('#')) continue;
      sentences.push(...(para.replace(/\n/g, '').match(/[^。！？]+[。！？]”?/g) ?? []).filter((s) => s.length > 8));
    }
  }
  if (!sentences.length) throw new Error(`no article text found under ${from}/articles to draw the corpus from`);
  const streets = registries.places.all.filter((p) => p.level === 'street' || p.level === 'township');
  const districts = registries.places.all.filter((p) => p.level === 'district');
  // A few busy streets get most stories, as in a real district paper.
  const weighted = [...streets.slice(0, 13), ...streets.slice(0, 13), ...streets.slice(0, 13), ...streets];
  const reporters = Array.from({ length: 30 }, (_, i) => SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 5) % GIVEN.length]);
  const correspondents = Array.from({ length: 200 }, (_, i) => SURNAMES[(i * 13 + 3) % SURNAMES.length] + GIVEN[(i * 11) % GIVEN.length] + (i % 3 ? GIVEN[(i * 17) % GIVEN.length] : ''));
  const stars = registries.stars.all;
  const start = Date.UTC(2016, 0, 1);
  const days = 3652;

  mkdirSync(to, { recursive: true });
  copyFileSync(join(from, 'places.yaml'), join(to, 'places.yaml'));
  copyFileSync(join(from, 'site.yaml'), join(to, 'site.yaml'));
  copyFileSync(join(from, 'stars.yaml'), join(to, 'stars.yaml'));
  // Every byline name in the people registry, as npm run new and npm run import would have added them.
  const people = newPeople(createPeopleRegistry([]), [...reporters.map((name) => ({ name, role: 'reporter' as const })), ...correspondents.map((name) => ({ name, role: 'correspondent' as const }))]);
  writeFileSync(join(to, 'people.yaml'), appendPeople('', people));
  const byDate = new Map<string, string[]>();
  const usedTitles = new Set<string>();
  for (let i = 0; i < n; i++) {
    const date = new Date(start + Math.floor(rand() * days) * 864e5).toISOString().slice(0, 10);
    const place = rand() < 0.05 ? pick(districts) : pick(weighted);
    const starCount = Math.floor(rand() * 3);
    // Stars of the place's own sets, as editors tag them (check warns about the others).
    const ofPlace = stars.filter((s) => s.sets.some((set) => place.starSets.includes(set)));
    const chosen = [...new Set(Array.from({ length: starCount }, () => pick(ofPlace).name))];
    // Real papers rarely print one headline twice on a day; keep the corpus free of that warning.
    let title = `${pick(titleParts)} ${pick(titleParts)}`;
    while (usedTitles.has(`${date}${title}`)) title = `${pick(titleParts)} ${pick(titleParts)}`;
    usedTitles.add(`${date}${title}`);
    const paragraphs = Array.from({ length: 4 + Math.floor(rand() * 5) }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(sentences)).join(''));
    paragraphs[0] = `本报讯 ${paragraphs[0]}`;
    const corr = Array.from({ length: Math.floor(rand() * 3) }, () => pick(correspondents));
    const id = `${date}-${place.id}-${String(i).padStart(6, '0')}`;
    const fm = [
      '---',
      `title: "${title.replace(/"/g, '\\"')}"`,
      `street: ${place.name}`,
      ...(chosen.length ? [`star: [${chosen.join(', ')}]`] : []),
      `date: ${date}`,
      `reporter: ${pick(reporters)}`,
      ...(corr.length ? [`correspondent: [${[...new Set(corr)].join(', ')}]`] : []),
      '---',
    ];
    const dir = join(to, 'articles', date.slice(0, 4));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${id}.md`), `${fm.join('\n')}\n${paragraphs.join('\n\n')}\n`);
    const list = byDate.get(date);
    if (list) list.push(id);
    else byDate.set(date, [id]);
  }
  // One themed page for every ~100 articles (the day's stories), and a quarterly briefing per busy district.
  mkdirSync(join(to, 'bulletins'), { recursive: true });
  let bulletins = 0;
  const dates = [...byDate.keys()].sort();
  for (let i = 0; i < dates.length && bulletins < Math.max(1, Math.floor(n / 100)); i += Math.max(1, Math.floor(dates.length / Math.max(1, n / 100)))) {
    const ids = byDate.get(dates[i])!.slice(0, 6);
    writeFileSync(join(to, 'bulletins', `${dates[i]}-zhuanban.md`), `---\ntitle: 专版 ${dates[i]}\nkind: 专版\ndate: ${dates[i]}\narticles: [${ids.join(', ')}]\n---\n本版刊发当日各街道报道。\n`);
    bulletins++;
  }
  for (let y = 2016; y < 2026; y++) {
    writeFileSync(join(to, 'bulletins', `${y}-q3-zhongyuan-jianbao.md`), `---\ntitle: 中原区“五星”支部创建工作简报（${y}年第三季度）\nkind: 简报\ndate: ${y}-10-08\nissue: 第${y - 2015}期\ndepartment: 中共郑州市中原区委组织部\nperiod: { from: ${y}-07-01, to: ${y}-09-30 }\nselect: { from: ${y}-07-01, to: ${y}-09-30, places: [中原区], stars: [支部过硬星] }\n---\n本期简报汇编本季度报道。\n`);
    bulletins++;
  }
  return { files: n, bulletins };
}
