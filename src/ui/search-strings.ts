// Every string of the search page (/search/). To be merged into src/ui/strings.ts by its owner.
import type { FacetKey } from '../search/facet-keys.ts';

const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');

export const searchUi = {
  title: '搜索报道',
  intro: '按街道、记者、关键词检索全部报道。多个词用空格分开，每个词都须在报道中原样出现。',
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
  searching: '正在搜索……',
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
