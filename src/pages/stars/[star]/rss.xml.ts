// One feed per star: every article on it, newest first.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSite } from '../../../data/site.ts';
import { articleFeedItem, feedOptions } from '../../../lib/feeds.ts';
import { bulletinUi } from '../../../ui/strings.ts';

export async function getStaticPaths() {
  const site = await getSite();
  return site.stars.all.map((s) => ({ params: { star: s.id } }));
}

export async function GET(context: APIContext) {
  const site = await getSite();
  const star = site.stars.byId(context.params.star!)!;
  const ctx = { site: context.site!, places: site.places, stars: site.stars };
  return rss(feedOptions({
    title: bulletinUi.starFeedTitle(star.name),
    description: bulletinUi.starFeedDescription(star.name),
    path: `/stars/${star.id}/`,
    feedPath: `/stars/${star.id}/rss.xml`,
    items: site.index.onStar(star.id).map((a) => articleFeedItem(a, ctx)),
    site: context.site!,
  }));
}
