// The <meta> tags of a page: the 政府网站网页设计规范 site, column and article tags, Open Graph
// and Twitter cards. Pure: BaseLayout passes what it knows about the page and prints the list.
import type { SiteSettings } from '../schema.ts';

/** 栏目类型 of the standard used here: news timelines, the campaign's themed column, bulletins. */
export type ColumnType = '政务动态' | '专题专栏' | '文件资料';

export interface Column {
  name: string;
  type: ColumnType;
}

/** A story or a bulletin: the standard's 文章类 tags. */
export interface ArticleMeta {
  title: string;
  /** YYYY-MM-DD, Beijing time. */
  date: string;
  source: string;
  keywords: readonly string[];
  authors: readonly string[];
}

export interface PageMetaInput {
  settings: Pick<SiteSettings, 'name' | 'siteCode'>;
  /** The page's absolute address. */
  url: string;
  /** The page's own title (without the site name). */
  title: string;
  description: string;
  column?: Column;
  article?: ArticleMeta;
  /** The page's lead photo (absolute address and size): og:image, a large Twitter card, the standard's Image. */
  image?: { url: string; width: number; height: number };
}

export type MetaTag = { name: string; content: string } | { property: string; content: string };

/**
 * PubDate is written "yyyy-MM-dd HH:mm" as the standard asks; stories carry a date only, so the
 * time is the start of that day (as in the feeds and JSON-LD).
 */
export function pubDate(date: string): string {
  return `${date} 00:00`;
}

export function pageMeta(p: PageMetaInput): MetaTag[] {
  const url = new URL(p.url);
  const tags: MetaTag[] = [
    { name: 'SiteName', content: p.settings.name },
    { name: 'SiteDomain', content: url.host },
  ];
  if (p.settings.siteCode) tags.push({ name: 'SiteIDCode', content: p.settings.siteCode });
  if (p.column) tags.push({ name: 'ColumnName', content: p.column.name }, { name: 'ColumnType', content: p.column.type });
  if (p.article) {
    const a = p.article;
    tags.push(
      { name: 'ArticleTitle', content: a.title },
      { name: 'PubDate', content: pubDate(a.date) },
      { name: 'ContentSource', content: a.source },
      ...(a.keywords.length ? [{ name: 'Keywords', content: a.keywords.join(',') }] : []),
      ...(a.authors.length ? [{ name: 'Author', content: a.authors.join(',') }] : []),
      { name: 'Description', content: p.description },
      ...(p.image ? [{ name: 'Image', content: p.image.url }] : []),
      { name: 'Url', content: p.url },
    );
  }
  tags.push(
    { property: 'og:type', content: p.article ? 'article' : 'website' },
    { property: 'og:title', content: p.title },
    { property: 'og:description', content: p.description },
    { property: 'og:url', content: p.url },
    { property: 'og:site_name', content: p.settings.name },
    { property: 'og:locale', content: 'zh_CN' },
    ...(p.image
      ? [
          { property: 'og:image', content: p.image.url },
          { property: 'og:image:type', content: 'image/jpeg' },
          { property: 'og:image:width', content: String(p.image.width) },
          { property: 'og:image:height', content: String(p.image.height) },
        ]
      : []),
    { name: 'twitter:card', content: p.image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: p.title },
    { name: 'twitter:description', content: p.description },
  );
  if (p.article) tags.push({ property: 'article:published_time', content: `${p.article.date}T00:00:00+08:00` });
  return tags;
}
