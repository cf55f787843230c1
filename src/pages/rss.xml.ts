// The whole site's feed: the latest articles.
import type { APIContext } from 'astro';
import { getSite } from '../data/site.ts';
import { articleFeed } from '../data/article-feed.ts';
import { bulletinUi } from '../ui/strings.ts';

export async function GET(context: APIContext) {
  const site = await getSite();
  return articleFeed(context, { title: bulletinUi.siteFeedTitle(site.settings.name), description: bulletinUi.siteFeedDescription, path: '/', articles: site.index.articles });
}
