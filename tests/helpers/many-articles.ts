// A content folder with many valid articles, for measuring `npm run check` at scale.
// Run directly to time it: node tests/helpers/many-articles.ts [count]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const STREETS = ['莲湖街道', '须水', '建设路街道', '航海西路', '棉纺路街道', '汝河路', '绿东村街道', '中原西路街道', '三官庙街道', '柳湖', '桐柏路街道', '五里堡街道', '德化街', '河阳街道', '大定街道'];
const STARS = ['支部过硬星', '平安法治星', '幸福和谐星', '宜业兴业星', '共建共享星'];
/** The streets of 孟州市 work on the village set: they get the stars both sets share. */
const VILLAGE_STREETS = new Set(['河阳街道', '大定街道']);
const SHARED_STARS = ['支部过硬星', '平安法治星'];
const PARAGRAPH = '为让广大群众参与进来，形成创建工作合力，社区将“议事会”工作法融入“五星”支部创建活动中，凡是涉及群众切身利益的事项，都充分尊重群众意愿，广泛征求群众意见。';

/** Writes places.yaml, stars.yaml, people.yaml, site.yaml (the real ones) and `count` valid articles under `dir`; returns `dir`. */
const pair = (list: string[], i: number) => `${list[i % list.length]}, ${list[(i + 1) % list.length]}`;

export function writeManyArticles(dir: string, count: number): string {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  for (const f of ['places.yaml', 'stars.yaml', 'people.yaml', 'site.yaml']) copyFileSync(join(repo, 'content', f), join(dir, f));
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2020, 0, 1 + i));
    const date = day.toISOString().slice(0, 10);
    const folder = join(dir, 'articles', date.slice(0, 4));
    mkdirSync(folder, { recursive: true });
    const source = [
      '---',
      `title: 第${i + 1}篇“五星”支部创建报道`,
      `street: ${STREETS[i % STREETS.length]}`,
      `star: [${pair(VILLAGE_STREETS.has(STREETS[i % STREETS.length]) ? SHARED_STARS : STARS, i)}]`,
      `date: ${date}`,
      'reporter: 鲁燕',
      'correspondent: [魏少杰, 崔永捷]',
      '---',
      '',
      ...Array.from({ length: 6 }, () => `${PARAGRAPH}\n`),
    ].join('\n');
    writeFileSync(join(folder, `${date}-article-${i + 1}.md`), source);
  }
  return dir;
}

if (import.meta.main) {
  const count = Number(process.argv[2] ?? 1000);
  const dir = writeManyArticles(mkdtempSync(join(tmpdir(), 'jiexun-many-')), count);
  try {
    const runs = Array.from({ length: 3 }, () => {
      const start = process.hrtime.bigint();
      const out = execFileSync(process.execPath, [join(repo, 'scripts/check.ts'), '--content', dir], { encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      return { ms, summary: out.trim().split('\n').at(-1) };
    });
    for (const r of runs) console.log(`${r.ms.toFixed(0)} ms  ${r.summary}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
