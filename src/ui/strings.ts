// Every string the reader sees, in one place: the site (ui), the search page (searchUi), and
// bulletins, feeds and bulletin drafts (bulletinUi).
import type { FacetKey } from '../search/shared/facet-keys.ts';
import { chineseDate } from '../lib/dates.ts';
export const ui = {
  nav: { home: '首页', streets: '街道', stars: '五星', bulletins: '专版·简报', archive: '归档', search: '搜索' },
  skipToContent: '跳到正文',
  searchLabel: '搜索报道',
  searchPlaceholder: '街道、记者、关键词',
  searchButton: '搜索',
  latest: '最新报道',
  placesByDistrict: '各区街道',
  starsHeading: '五星支部',
  latestBulletin: '最新专版·简报',
  allArticles: '全部报道',
  reporter: '记者',
  correspondent: '通讯员',
  photo: '摄影',
  photoByReporters: '文/图',
  publishedOn: '刊发日期',
  place: '地点',
  stars: '星级',
  olderInPlace: (area: string) => `本${area}上一篇`,
  newerInPlace: (area: string) => `本${area}下一篇`,
  related: '相关报道',
  inBulletins: '刊于',
  source: '来源',
  articlesCount: (n: number) => `${n} 篇`,
  streetsTitle: '街道',
  streetsIntro: '按城市、区县浏览各街道（乡镇）的报道。',
  placeChildren: { province: '下辖市', city: '下辖区县', district: '下辖街道（乡镇）' } as Record<string, string>,
  placeTimeline: '报道时间线',
  noArticles: '暂无报道。',
  starsTitle: '五星支部',
  starsIntro: '城市社区与农村的“五星”支部创建星级，及各街道的报道覆盖情况。',
  starSetCommunity: '城市社区五星',
  starSetVillage: '农村五星',
  starByPlace: '按街道',
  coverageTitle: '创建报道覆盖',
  coverageCaption: (district: string, set: string) => `${district}：各街道（乡镇）${set}报道篇数`,
  coverageNone: '无',
  reportersTitle: '记者与通讯员',
  archiveTitle: '归档',
  archiveIntro: '按月浏览全部报道。',
  yearsHeading: '按年份',
  pageOf: (p: number, n: number) => `第 ${p} 页，共 ${n} 页`,
  newestShown: (n: number, total: number) => `显示最新 ${n} 篇，共 ${total} 篇。更早的报道按年份查看：`,
  previousPage: '上一页',
  nextPage: '下一页',
  bulletinsTitle: '专版与简报',
  bulletinsIntro: '报纸专版与组织部门编发的工作简报。',
  bulletinKinds: { 专版: '专版', 简报: '简报' } as Record<string, string>,
  bulletinIssue: '期号',
  bulletinDepartment: '编发',
  bulletinPeriod: '时段',
  editorsNote: '编者按',
  contents: '目录',
  readOnline: '在网站阅读',
  printHint: '打印本期',
  feed: 'RSS 订阅',
  feedOf: (name: string) => `${name} RSS 订阅`,
  notFoundTitle: '页面未找到',
  notFoundText: '您要找的页面不存在，可能已移动或删除。',
  backHome: '返回首页',
  breadcrumbLabel: '所在地区',
} as const;

// ---------------------------------------------------------------- search page

const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');

export const searchUi = {
  title: '搜索报道',
  intro: '按街道、记者、关键词检索全部报道。多个词用空格分开，每个词都须在报道中出现；标点、引号、全角半角和繁简体不影响检索。',
  queryLabel: '关键词',
  placeholder: '如：网格化、莲湖街道、鲁燕',
  submit: '搜索',
  sortLegend: '排序',
  sortRelevance: '相关度',
  sortNewest: '最新在前',
  facetsHeading: '分类筛选',
  facetLabels: { street: '街道（乡镇）', district: '区县', city: '城市', star: '五星', reporter: '记者、通讯员', year: '年份' } satisfies Record<FacetKey, string>,
  clearFilters: '清除全部筛选',
  resultsHeading: '搜索结果',
  found: (n: number, words: readonly string[]) => `找到 ${n} 篇包含${quoted(words)}的报道。`,
  foundNone: (words: readonly string[]) => `没有找到包含${quoted(words)}的报道。`,
  noneInFilters: '所选分类中没有这样的报道，可以取消部分筛选再试。',
  oneCharacter: (q: string) => `“${q}”只有一个字，不能按相关度检索。请输入两个或更多的字，或用分类筛选浏览报道。`,
  prompt: '输入街道、记者或关键词搜索，或用分类筛选浏览全部报道。',
  browsing: (n: number) => `所选分类共有 ${n} 篇报道，最新的在前。`,
  unknownValue: (v: string) => `${v}（未知）`,
  pageOf: (p: number, n: number) => `第 ${p} 页，共 ${n} 页`,
  previousPage: '上一页',
  nextPage: '下一页',
  failed: (why: string) => `搜索出错：${why}。请刷新页面再试。`,
  noscript: '搜索需要浏览器启用 JavaScript。也可以按街道、五星或归档浏览全部报道：',
  count: (n: number) => `${n}`,
} as const;

// ---------------------------------------------------------------- bulletins and feeds

/** Marks the placeholder editor's note in a drafted bulletin until the editor replaces it. */
const DRAFT_MARKER = '【待编辑】';

export const bulletinUi = {
  issuedOn: '编发日期',
  printedOn: '刊发日期',
  year: (y: string) => `${y}年`,
  period: (from: string, to: string) => `${chineseDate(from)}至${chineseDate(to)}`,
  inThisIssue: (n: number) => `本期共 ${n} 篇`,
  noBulletins: '暂无专版或简报。',
  readArticle: '阅读单篇报道',

  siteFeedTitle: (site: string) => `${site} · 最新报道`,
  siteFeedDescription: '区县报“五星”支部创建最新报道（最新 50 篇）。',
  placeFeedTitle: (site: string, place: string) => `${site} · ${place}`,
  placeFeedDescription: (place: string) => `${place}“五星”支部创建报道。`,
  starFeedTitle: (site: string, star: string) => `${site} · ${star}`,
  starFeedDescription: (star: string) => `“${star}”创建报道。`,
  bulletinsFeedTitle: (site: string) => `${site} · ${ui.bulletinsTitle}`,
  bulletinsFeedDescription: '报纸专版与组织部门编发的“五星”支部创建工作简报。',
  bulletinFeedItemTitle: (kind: string, title: string, issue?: string) => `${kind}${issue ? ` ${issue}` : ''}｜${title}`,

  draftNoteMarker: DRAFT_MARKER,
  /** The editor's note a drafted bulletin starts with; the editor replaces the whole paragraph. */
  draftNote: (kind: string, scope: string, count: number) =>
    `${DRAFT_MARKER}请在此用一段话写编者按，概述本期${kind}（${scope}，共 ${count} 篇报道）的主要内容；写好后删除本段，包括开头的“${DRAFT_MARKER}”标记。`,
} as const;

// ---------------------------------------------------------------- the editor (npm run edit, /admin/)

export const cmsUi = {
  // The editor is the tool's own page (built once, cached for every content folder), so it carries the tool's name.
  siteTitle: '街讯 · 编辑部',
  articles: '稿件',
  article: '稿件',
  bulletins: '专版与简报',
  bulletin: '专版或简报',
  registries: '名录',
  placesFile: '地名表（places.yaml）',
  starsFile: '星级表（stars.yaml）',
  peopleFile: '人员名录（people.yaml）',
  fields: {
    file: '文件名',
    title: '标题',
    kicker: '引题',
    subtitle: '副题',
    street: '街道、乡镇或区县',
    star: '星级',
    date: '日期',
    reporter: '记者',
    correspondent: '通讯员',
    photo: '摄影',
    cover: '题图',
    source: '来源',
    position: '版面顺序',
    bulletin: '所在专版',
    summary: '摘要',
    draft: '草稿（不发布）',
    body: '正文',
    kind: '类别',
    masthead: '报头',
    issue: '期号',
    supplement: '增刊',
    department: '编发单位',
    period: '报道时段',
    from: '起',
    to: '止',
    articles: '收录稿件',
    select: '按条件选稿',
    places: '地方',
    stars: '星级',
    distribution: '报送范围',
    copies: '印数',
    marks: '标注',
    classification: '密级',
    entries: '条目',
    id: '拼音编号（id）',
    name: '名称',
    level: '级别',
    parent: '上级编号',
    aliases: '简称或别名',
    starSet: '星级类别',
    sets: '适用类别',
    description: '说明',
    colour: '徽章颜色',
    roles: '角色',
    formerIds: '曾用编号',
  } as Record<string, string>,
  hints: {
    file: '由日期、地方和标题拼音自动生成，保存后不再改变（网址用它）。',
    title: '必填。',
    street: '输入地名、简称或拼音即可筛选；按区县分组。',
    star: '只列出所选地方适用的星级（城市社区或村）。',
    starAll: '先选地方，再勾选星级。',
    date: '默认为今天（北京时间），格式 YYYY-MM-DD。',
    names: '从名录中选择，或直接输入新名字；多人用顿号（、）分开。新名字保存时记入人员名录。',
    photo: '摄影者姓名；照片由本稿作者拍摄时勾选“文/图”。只为某一张照片署名时，写在正文图片的引号里。',
    cover: '不填则用正文第一张照片作题图。',
    body: '照片用工具栏“＋”里的“照片”上传，保存在稿件同一文件夹；图片说明写在方括号里，摄影者写在引号里：`![居民观看豫剧演出](./yuju.jpg "王梦梦 摄")`。',
    summary: '不填则取正文第一段。',
    bulletin: '专版的编号，如 2022-09-08-ruanshili。',
    position: '稿件在所登报纸版面上的顺序（1 为头条），由 npm run import 写入；同日稿件在专版中按此排列。',
    articles: '按标题搜索稿件；与“按条件选稿”二选一。',
    select: '与“收录稿件”二选一。',
    classification: '秘密、机密或绝密，可加保密期限，如 秘密★1年。',
    issue: '每年从 1 起编号；增刊另行编号。',
    distribution: '报：上级单位；送：同级单位；发：下级单位。每行一个单位。',
    masthead: '红色报头上的名称，如 中原区“五星”支部创建工作简报。',
    copies: '共印份数。',
  } as Record<string, string>,
  starSets: { community: '城市社区', village: '村' } as Record<string, string>,
  levels: { province: '省', city: '市', district: '区县', street: '街道', township: '乡镇' } as Record<string, string>,
  roles: { reporter: '记者', correspondent: '通讯员', photographer: '摄影' } as Record<string, string>,
  kinds: { 专版: '专版（报纸版面）', 简报: '简报（组织部门编发）' } as Record<string, string>,
  patternDate: '日期写作 YYYY-MM-DD，如 2022-09-08',
  patternId: '只用小写字母、数字和连字符（-）',
  patternColour: '写作 #b71c1c 这样的颜色',
  patternFile: '文件名无法生成：请填写标题、地方和日期（YYYY-MM-DD）',
  fileNamePending: '保存时按日期、地方和标题拼音生成',
  noStarsForPlace: '所选地方没有可选的星级。',
  namesPlaceholder: '输入或选择姓名',
  photoBySelf: '文/图（照片由本稿作者拍摄）',
  /** The body toolbar's photo block (replaces Decap's English "Image" block). */
  photoBlock: '照片',
  photoFile: '照片文件',
  photoCaption: '图片说明',
  photoCredit: '摄影者（如“王梦梦 摄”；与稿件“摄影”相同时可不填）',
  /** What the terminal and the editor say when the check refuses a save. */
  saveRefused: (problems: string) => `未保存：检查发现问题，请改正后再保存。\n${problems}`,
  /** What the terminal says when a save registered a new name in people.yaml (as npm run new does). */
  personRegistered: (name: string, id: string) => `已登记新人员：${name}，个人页 /reporters/${id}/（写入 people.yaml）`,
} as const;

// ---------------------------------------------------------------- bulletin drafts (npm run bulletin)

/** The wording of a drafted bulletin: scripts/bulletin.ts passes it to src/lib/bulletin-draft.ts. */
export const bulletinDraftUi = {
  period: bulletinUi.period,
  since: (from: string) => `${chineseDate(from)}以来`,
  until: (to: string) => `截至${chineseDate(to)}`,
  articlesComment: '按刊发日期和版面顺序排列：可调整顺序，或删去不收录的条目。',
  note: bulletinUi.draftNote,
} as const;

// ---------------------------------------------------------------- the printed 简报 (红头, 版记, downloads)

export const bulletinFormUi = {
  /** 期号: numbered per year; a 增刊 is numbered apart. */
  issueLabel: (issue: number, supplement = false) => `${supplement ? '增刊' : ''}第${issue}期`,
  /** The closing block's line labels (版记). */
  distribution: { 报: '报：', 送: '送：', 发: '发：' } as Record<string, string>,
  /** Units on one line of the 版记, as 抄送 lines are written: comma-separated, closed with a full stop. */
  units: (names: readonly string[]) => `${names.join('，')}。`,
  copies: (n: number) => `共印${n}份`,
  tocPage: '页',
  downloads: '下载本期',
  docx: 'Word 文档',
  docxHint: '（.docx，可在 WPS 或 Word 中继续编辑）',
  pdf: 'PDF 文件',
  pdfHint: '（A4，按公文格式排版）',
  /** The name a downloaded file is saved under: 中原区“五星”支部创建工作简报2022年第1期 */
  fileName: (masthead: string, year: string, issue?: string) => `${masthead}${issue ? `${year}年${issue}` : year}`,
} as const;

// ---------------------------------------------------------------- search page: as readers type

export const searchReaderUi = {
  busy: '正在检索…',
  activeFilters: '已选筛选',
  removeFilter: (facet: string, value: string) => `取消筛选：${facet} ${value}`,
  nameLink: (kind: 'place' | 'star' | 'person', name: string) =>
    kind === 'place' ? `${name}：查看报道时间线` : kind === 'star' ? `${name}：查看该星级的全部报道` : `${name}：查看其全部报道`,
  closestNames: '相近的名称：',
  withoutLast: (word: string, n: number) => (n ? `去掉“${word}”，找到 ${n} 篇报道：` : `去掉“${word}”也没有找到报道。`),
  seeAll: (n: number) => `查看全部 ${n} 篇`,
} as const;

// ---------------------------------------------------------------- people registry and coverage (editors' first week)

export const peopleUi = {
  /** The page left at a person's old address (people.yaml formerIds). */
  movedTitle: (name: string) => `${name} · 页面已迁移`,
  movedText: (name: string) => `${name}的报道页已迁至新地址：`,
  coverageTotal: '合计',
  coverageBothSets: '（该区县既有城市社区，也有农村）',
  coverageOutside: '本区县星级以外',
} as const;

// ---------------------------------------------------------------- photos

export const photoUi = {
  /** What `npm run new` tells the editor about photos, with the folder the article is in. */
  whereToPutPhotos: (folder: string) =>
    `配图：把照片（.jpg、.png、.webp，单张不超过 20 MB）放进 ${folder}/，与稿件同一文件夹，文件名用拼音或英文（如 yuju.jpg）；在正文中另起一段写 ![图片说明](./yuju.jpg)，摄影者写在引号里：![居民观看豫剧演出](./yuju.jpg "王梦梦 摄")。第一张照片用作题图；另选题图时在 frontmatter 写 cover: ./文件名.jpg。`,
} as const;

// ---------------------------------------------------------------- reading: trails, footer, large text, lists

export const readerUi = {
  home: '首页',
  trailLabel: '当前位置',
  articleCurrent: '正文',
  /** 本街道上一篇: what a story's place is called in its neighbours' labels. */
  placeArea: { province: '省', city: '市', district: '区县', street: '街道', township: '乡镇' } as Record<string, string>,
  siteSearchLabel: '站内搜索',
  largeText: '大字版',
  sponsor: '主办单位',
  organizer: '承办单位',
  phone: '联系电话',
  email: '电子邮箱',
  address: '地址',
  siteCode: '网站标识码',
  sampleNote: '示例：以上主办单位、承办单位、联系方式和备案号均为示例，正式发布前须换成真实信息。',
  printSource: '来源',
  footerLinks: '网站导航',
  allArticlesTitle: '全部报道',
  allArticlesIntro: (n: number) => `全部 ${n} 篇报道，最新的在前。`,
  pageN: (n: number) => `第 ${n} 页`,
  pages: '分页',
  lead: '头条',
  latestOfKind: (kind: string) => `最新${kind}`,
  moreBulletins: '全部专版与简报',
  recentStreets: '最近有报道的街道',
  noStoriesYet: '暂无报道：',
  emptyPlacesOf: (n: number) => `暂无报道的街道（乡镇）${n} 个`,
  yearTitle: (y: string) => `${y}年`,
  yearIntro: (y: string, n: number, months: number) => `${y}年共 ${n} 篇报道，分布在 ${months} 个月。`,
  monthMore: (n: number) => `本月全部 ${n} 篇`,
  notFoundLatest: '最新报道',
  // Page descriptions (meta description, og:description): each page says what it holds.
  homeDescription: (site: string, description: string) => `${site}：${description}`,
  streetsDescription: (places: number, articles: number) => `按城市、区县浏览 ${places} 个有报道的地方，共 ${articles} 篇“五星”支部创建报道。`,
  placeDescription: (place: string, n: number, latest?: string) => `${place}“五星”支部创建报道 ${n} 篇${latest ? `，最新一篇：${latest}` : ''}。`,
  starsDescription: (n: number) => `“五星”支部创建的星级，各星级的报道（共 ${n} 篇）及各街道的报道覆盖情况。`,
  starDescription: (star: string, n: number, description: string) => `${star}：${description}共 ${n} 篇报道。`,
  reportersDescription: (n: number) => `为“五星”支部创建供稿的 ${n} 位记者与通讯员，及各人的报道。`,
  personDescription: (name: string, roles: string, n: number) => `${roles}${name}的 ${n} 篇“五星”支部创建报道。`,
  archiveDescription: (years: number, n: number) => `按年、按月浏览全部 ${n} 篇报道（${years} 个年份）。`,
  monthDescription: (month: string, n: number) => `${month}刊发的 ${n} 篇“五星”支部创建报道。`,
  allArticlesDescription: (n: number, page: number, pages: number) => `全部 ${n} 篇“五星”支部创建报道，最新的在前（第 ${page} 页，共 ${pages} 页）。`,
  notFoundDescription: '您要找的页面不存在。可以搜索报道，或阅读最新报道。',
} as const;

/** A feed's <copyright>: the site and its sponsoring body. */
export const feedCopyright = (s: { name: string; sponsor: string }) => `${s.name} · 主办单位：${s.sponsor}`;
