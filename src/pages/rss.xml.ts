// The whole site's feed: the latest articles.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSite } from '../data/site.ts';
import { articleFeedItem, feedOptions, SITE_FEED_SIZE } from '../lib/feeds.ts';
import { bulletinUi } from '../ui/strings.ts';

export async function GET(context: APIContext) {
  const site = await getSite();
  const ctx = { site: context.site!, places: site.places, stars: site.stars };
  return rss(feedOptions({
    title: bulletinUi.siteFeedTitle,
    description: bulletinUi.siteFeedDescription,
    path: '/',
    feedPath: '/rss.xml',
    items: site.index.articles.slice(0, SITE_FEED_SIZE).map((a) => articleFeedItem(a, ctx)),
    site: context.site!,
  }));
}
