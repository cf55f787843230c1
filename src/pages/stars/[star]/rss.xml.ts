// One feed per star: the articles on it, newest first.
import type { APIContext } from 'astro';
import { getSite } from '../../../data/site.ts';
import { articleFeed } from '../../../data/article-feed.ts';
import { bulletinUi } from '../../../ui/strings.ts';

export async function getStaticPaths() {
  const site = await getSite();
  return site.stars.all.map((s) => ({ params: { star: s.id } }));
}

export async function GET(context: APIContext) {
  const site = await getSite();
  const star = site.stars.byId(context.params.star!)!;
  return articleFeed(context, { title: bulletinUi.starFeedTitle(site.settings.name, star.name), description: bulletinUi.starFeedDescription(star.name), path: `/stars/${star.id}/`, articles: site.index.onStar(star.id) });
}
