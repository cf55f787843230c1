// One feed per place in the registry; a district's or city's feed carries its streets' articles too.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSite } from '../../../data/site.ts';
import { articleFeedItem, feedOptions } from '../../../lib/feeds.ts';
import { bulletinUi } from '../../../ui/strings.ts';

export async function getStaticPaths() {
  const site = await getSite();
  return site.places.all.map((p) => ({ params: { place: p.id } }));
}

export async function GET(context: APIContext) {
  const site = await getSite();
  const place = site.places.byId(context.params.place!)!;
  const ctx = { site: context.site!, places: site.places, stars: site.stars };
  return rss(feedOptions({
    title: bulletinUi.placeFeedTitle(place.name),
    description: bulletinUi.placeFeedDescription(place.name),
    path: `/streets/${place.id}/`,
    feedPath: `/streets/${place.id}/rss.xml`,
    items: site.index.inPlace(place.id).map((a) => articleFeedItem(a, ctx)),
    site: context.site!,
  }));
}
