// One feed per place — street, district, city — with the articles on it and below it, newest first.
import type { APIContext } from 'astro';
import { getSite } from '../../../data/site.ts';
import { articleFeed } from '../../../data/article-feed.ts';
import { bulletinUi } from '../../../ui/strings.ts';

export async function getStaticPaths() {
  const site = await getSite();
  // Every place has a feed, stories or not: a reader can subscribe to a street before its first story.
  return site.places.all.map((p) => ({ params: { place: p.id } }));
}

export async function GET(context: APIContext) {
  const site = await getSite();
  const place = site.places.byId(context.params.place!)!;
  return articleFeed(context, { title: bulletinUi.placeFeedTitle(site.settings.name, place.name), description: bulletinUi.placeFeedDescription(place.name), path: `/streets/${place.id}/`, articles: site.index.inPlace(place.id) });
}
