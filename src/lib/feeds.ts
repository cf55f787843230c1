// RSS feeds: channel options and items for articles and bulletins. Pure: the endpoints in
// src/pages pass the site URL and registries; @astrojs/rss builds and escapes the XML.
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import type { Article } from './article.ts';
import type { ResolvedBulletin } from './bulletins.ts';
import type { PlaceRegistry } from './places.ts';
import type { StarRegistry } from './stars.ts';

export const FEED_LANGUAGE = 'zh-CN';
/** How many of the newest articles a feed carries (site, place, star): readers want the latest. */
export const FEED_SIZE = 50;

export interface FeedContext {
  site: URL;
  places: PlaceRegistry;
  stars: StarRegistry;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * RFC 822 date at midnight Beijing time: "Thu, 08 Sep 2022 00:00:00 +0800". Written out rather
 * than given to @astrojs/rss as a Date, which would print it in GMT on the previous evening.
 */
export function rfc822Beijing(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${DAYS[weekday]}, ${String(d).padStart(2, '0')} ${MONTHS[m - 1]} ${y} 00:00:00 +0800`;
}

/** Text as HTML or XML text (either: the same five characters are special in both). */
const markupText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * A plain-text summary as an item description. Feed readers render a description as HTML once
 * the XML is decoded, so the text is escaped for HTML here and @astrojs/rss escapes it again for
 * XML: `<img onerror>` in a summary reaches the reader as the text it is, never as an element.
 */
export const feedDescription = (plain: string) => markupText(plain);

/** The lead photo as Media RSS: a 1200-wide JPEG with its size (readers show it beside the item). */
export interface FeedImage {
  url: string;
  width: number;
  height: number;
}

function mediaContent(img: FeedImage, caption: string): string {
  return `<media:content url="${markupText(img.url)}" medium="image" type="image/jpeg" width="${img.width}" height="${img.height}">${caption ? `<media:description>${markupText(caption)}</media:description>` : ''}</media:content>`;
}

export function articleFeedItem(a: Article, ctx: FeedContext, image?: FeedImage): RSSFeedItem {
  const place = ctx.places.byId(a.place);
  const caption = (a.photos ?? []).find((p) => p.src === a.lead)?.caption ?? '';
  return {
    title: a.title,
    link: new URL(`/articles/${a.id}/`, ctx.site).href,
    description: feedDescription(a.summary),
    customData: `<pubDate>${rfc822Beijing(a.date)}</pubDate>${image ? mediaContent(image, caption) : ''}`,
    categories: [...(place ? [place.name] : []), ...a.stars.map((s) => ctx.stars.byId(s)?.name ?? s)],
    author: [...a.reporters, ...a.correspondents].join('、'),
  };
}

/** `text.note` is the editor's note as plain text (the item's description). */
export function bulletinFeedItem(r: ResolvedBulletin, text: { title: string; note: string }, ctx: FeedContext): RSSFeedItem {
  const b = r.bulletin;
  const places = [...new Set(r.articles.map((a) => ctx.places.byId(a.place)?.name).filter((n): n is string => !!n))];
  return {
    title: text.title,
    link: new URL(`/bulletins/${b.id}/`, ctx.site).href,
    description: feedDescription(text.note),
    customData: `<pubDate>${rfc822Beijing(b.date)}</pubDate>`,
    categories: [b.kind, ...places],
    ...(b.department ? { author: b.department } : {}),
  };
}

/**
 * Channel options: `path` is the page the feed follows (the channel link) and `feedPath` the
 * feed itself (atom:link rel=self, which feed validators ask for).
 */
export function feedOptions(o: { title: string; description: string; path: string; feedPath: string; items: RSSFeedItem[]; site: URL; copyright?: string }): RSSOptions {
  const self = new URL(o.feedPath, o.site).href;
  const copyright = o.copyright ? `<copyright>${markupText(o.copyright)}</copyright>` : '';
  return {
    title: o.title,
    description: o.description,
    site: new URL(o.path, o.site),
    items: o.items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', media: 'http://search.yahoo.com/mrss/' },
    customData: `<language>${FEED_LANGUAGE}</language>${copyright}<atom:link href="${markupText(self)}" rel="self" type="application/rss+xml"/>`,
  };
}
