// One page of every template of src/pages in the fixture site (tests/fixtures/site), with the
// template that renders it; a few templates twice, where their pages differ in kind (a district's
// timeline, a 简报 beside a 专版). Read by the axe runs (tests/site/reader-browser.test.ts) and the
// CSP and html-validate checks (tests/site/output.test.ts).
export interface SitePage {
  name: string;
  path: string;
  /** Under src/pages/. */
  template: string;
  /** A stub without the site's layout (no stylesheet, no 大字版 switch) that sends the reader on. */
  stub?: true;
}

export const SITE_PAGES: SitePage[] = [
  { name: 'home', path: '/', template: 'index.astro' },
  { name: 'article', path: '/articles/2022-09-08-lianhu-yuju/', template: 'articles/[id].astro' },
  { name: 'article (district)', path: '/articles/2023-01-10-zhongyuan-quanqu-tuijin/', template: 'articles/[id].astro' },
  { name: 'all articles', path: '/articles/', template: 'articles/[...page].astro' },
  { name: 'streets', path: '/streets/', template: 'streets/index.astro' },
  { name: 'street', path: '/streets/lianhu/', template: 'streets/[place]/[...page].astro' },
  { name: 'district', path: '/streets/zhongyuan/', template: 'streets/[place]/[...page].astro' },
  { name: 'city', path: '/streets/zhengzhou/', template: 'streets/[place]/[...page].astro' },
  { name: 'stars', path: '/stars/', template: 'stars/index.astro' },
  { name: 'star', path: '/stars/zhibu-guoying/', template: 'stars/[star]/[...page].astro' },
  { name: 'reporters', path: '/reporters/', template: 'reporters/index.astro' },
  { name: 'reporter', path: '/reporters/luyan/', template: 'reporters/[person]/[...page].astro' },
  { name: 'redirect (former id)', path: '/reporters/wangyt/', template: 'reporters/[former].astro', stub: true },
  { name: 'archive', path: '/archive/', template: 'archive/index.astro' },
  { name: 'year', path: '/archive/2022/', template: 'archive/[year]/index.astro' },
  { name: 'month', path: '/archive/2022/09/', template: 'archive/[year]/[...month].astro' },
  { name: 'bulletins', path: '/bulletins/', template: 'bulletins/index.astro' },
  { name: 'bulletin', path: '/bulletins/2022-09-30-fixture-zhuanban/', template: 'bulletins/[id].astro' },
  { name: 'briefing', path: '/bulletins/2023-q1-zhongyuan-jianbao/', template: 'bulletins/[id].astro' },
  { name: 'search', path: '/search/', template: 'search.astro' },
  { name: 'not found', path: '/404.html', template: '404.astro' },
];

/** The page of each name. */
export const PAGE: Record<string, string> = Object.fromEntries(SITE_PAGES.map((p) => [p.name, p.path]));
