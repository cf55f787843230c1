// An RSS response for a list of articles (the site, a place, a star): the newest FEED_SIZE of
// them, so a feed stays small however long the archive grows.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import type { Article } from '../lib/article.ts';
import { articleFeedItem, feedOptions, FEED_SIZE } from '../lib/feeds.ts';
import { feedCopyright } from '../ui/strings.ts';
import { getSite } from './site.ts';
import { leadImage } from './photos.ts';

export async function articleFeed(context: APIContext, feed: { title: string; description: string; path: string; articles: readonly Article[] }) {
  const site = await getSite();
  const ctx = { site: context.site!, places: site.places, stars: site.stars };
  return rss(feedOptions({
    title: feed.title,
    description: feed.description,
    path: feed.path,
    feedPath: `${feed.path}rss.xml`,
    items: await Promise.all(
      feed.articles.slice(0, FEED_SIZE).map(async (a) => {
        const lead = await leadImage(a);
        return articleFeedItem(a, ctx, lead && { ...lead, url: new URL(lead.src, context.site).href });
      }),
    ),
    site: context.site!,
    copyright: feedCopyright(site.settings),
  }));
}
