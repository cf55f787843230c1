// One feed per place — street, district, city — with the articles on it and below it, newest first.
import type { APIContext } from 'astro';
import { getSite } from '../../../data/site.ts';
import { articleFeed } from '../../../data/article-feed.ts';
import { bulletinUi } from '../../../ui/strings.ts';

export async function getStaticPaths() {
  const site = await getSite();
  // Like the place pages, only places with stories have a feed.
  return site.places.all.filter((p) => site.index.inPlace(p.id).length > 0).map((p) => ({ params: { place: p.id } }));
}

export async function GET(context: APIContext) {
  const site = await getSite();
  const place = site.places.byId(context.params.place!)!;
  return articleFeed(context, { title: bulletinUi.placeFeedTitle(site.settings.name, place.name), description: bulletinUi.placeFeedDescription(place.name), path: `/streets/${place.id}/`, articles: site.index.inPlace(place.id) });
}
