// content/site.yaml: read through src/io with the shared schema; every fault a clear
// file:line:col message, from readSiteSettings and from `npm run check`.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/io/problems.ts';
import { readSiteSettings } from '../../src/io/site-settings.ts';
import { policeRecordNumber } from '../../src/schema.ts';
import { runCheck } from '../../scripts/check.ts';
import { runCli } from '../helpers/cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'jiexun-settings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GOOD = `name: 街讯
description: 一句话。
url: https://news.example.gov.cn
sponsor: 中共某区委组织部
icp: 豫ICP备12345678号-1
police: 豫公网安备 41010202000123号
siteCode: '4101020001'
`;

let n = 0;
function folderWith(source: string | undefined): string {
  const dir = join(scratch, `c${n++}`);
  cpSync(join(ROOT, 'tests/fixtures/check-ok'), dir, { recursive: true });
  for (const f of ['places.yaml', 'stars.yaml']) cpSync(join(ROOT, 'content', f), join(dir, f));
  if (source === undefined) rmSync(join(dir, 'site.yaml'));
  else writeFileSync(join(dir, 'site.yaml'), source);
  return dir;
}
const problems = (source: string | undefined) => {
  const dir = folderWith(source);
  return readSiteSettings(dir).problems.map((p) => formatProblem({ ...p, file: p.file.slice(dir.length + 1) }));
};

describe('readSiteSettings', () => {
  it('reads the settings, with the address as an origin and the record numbers as written', () => {
    const { settings, problems } = readSiteSettings(folderWith(GOOD));
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ name: '街讯', url: 'https://news.example.gov.cn/', sponsor: '中共某区委组织部', icp: '豫ICP备12345678号-1', siteCode: '4101020001', sample: false });
    expect(policeRecordNumber(settings!.police!)).toBe('41010202000123');
  });

  it('reads the committed sample settings, marked as samples', () => {
    const { settings } = readSiteSettings(join(ROOT, 'content'));
    expect(settings?.sample).toBe(true);
    expect(settings?.sponsor).toContain('示例');
  });

  it('names the line, the field, what was expected and what was found', () => {
    expect(problems(GOOD.replace('豫ICP备12345678号-1', '豫ICP备1234号'))).toEqual([
      'site.yaml:5:6  icp: expected the ICP record number such as 豫ICP备12345678号-1 (ICP备案号), found 豫ICP备1234号',
    ]);
    expect(problems(GOOD.replace("siteCode: '4101020001'", 'siteCode: 0101020001'))).toEqual([
      "site.yaml:7:11  siteCode: expected the ten-character site identifier (网站标识码) in quotes, such as '4101020001', found 101020001",
    ]);
    expect(problems(GOOD.replace('url: https://news.example.gov.cn', 'url: news.example.gov.cn').replace('sponsor: 中共某区委组织部\n', ''))).toEqual([
      'site.yaml:3:6  url: expected the public address such as https://news.example.gov.cn/, found news.example.gov.cn',
      'site.yaml:1:1  sponsor: expected the sponsoring body (主办单位), found nothing (the field is missing)',
    ]);
    expect(problems(`${GOOD}sponser: 某单位\n`)).toEqual([
      'site.yaml:8:10  sponser: expected one of the fields sample, name, tagline, description, url, sponsor, organizer, contact, icp, police, siteCode, found an unknown field sponser (did you mean sponsor?)',
    ]);
    expect(problems(undefined)).toEqual([
      'site.yaml:1:1  expected the site settings file site.yaml in the content folder (site name, url, sponsor, icp …), found no such file',
    ]);
  });
});

describe('npm run check', () => {
  it('reports a broken site.yaml with the others, file:line:col, and exits 1', async () => {
    const dir = folderWith(GOOD.replace('police: 豫公网安备 41010202000123号', 'police: 豫公网安备4101号'));
    const r = await runCli(runCheck, ['--content', dir], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual([
      'site.yaml:6:9  police: expected the public-security record number such as 豫公网安备41010202000123号 (公安备案号, 14 digits), found 豫公网安备4101号',
      'checked 3 articles, 2 bulletins and 3 registry files: 1 error',
    ]);
  });
});
