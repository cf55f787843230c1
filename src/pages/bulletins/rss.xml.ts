// The bulletins feed: every 专版 and 简报, newest first, described by its editor's note.
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSite } from '../../data/site.ts';
import { summaryFromBody } from '../../lib/article.ts';
import { bulletinFeedItem, feedOptions } from '../../lib/feeds.ts';
import { bulletinFormUi, bulletinUi, feedCopyright } from '../../ui/strings.ts';

export async function GET(context: APIContext) {
  const site = await getSite();
  const ctx = { site: context.site!, places: site.places, stars: site.stars };
  return rss(feedOptions({
    title: bulletinUi.bulletinsFeedTitle(site.settings.name),
    description: bulletinUi.bulletinsFeedDescription,
    path: '/bulletins/',
    feedPath: '/bulletins/rss.xml',
    items: site.bulletins.map((r) => {
      const b = r.bulletin;
      const note = summaryFromBody(site.bulletinEntry(b.id).body ?? '');
      return bulletinFeedItem(r, { title: bulletinUi.bulletinFeedItemTitle(b.kind, b.title, b.issue ? bulletinFormUi.issueLabel(b.issue, b.supplement) : undefined), note }, ctx);
    }),
    site: context.site!,
    copyright: feedCopyright(site.settings),
  }));
}
