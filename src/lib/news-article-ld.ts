// schema.org NewsArticle for an article page: what aggregators read for headline, date, authors, place.
import type { Article } from './article.ts';
import type { Bulletin } from './bulletins.ts';
import type { PlaceRegistry } from './places.ts';
import { beijingDateTime } from './dates.ts';

/** Who publishes the site (content/site.yaml): the site under its sponsoring body (主办单位). */
export interface Publisher {
  name: string;
  sponsor: string;
}

export function newsArticleLd(a: Article, ctx: { site: URL; places: PlaceRegistry; bulletins: readonly Bulletin[]; issueLabel: (b: Bulletin) => string; publisher: Publisher; image?: { url: string; width: number; height: number } }) {
  const lineage = ctx.places.lineage(a.place);
  const place = lineage.at(-1)!;
  const person = (name: string, role?: string) => ({ '@type': 'Person', name, ...(role ? { jobTitle: role } : {}) });
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    ...(a.kicker || a.subtitle ? { alternativeHeadline: [a.kicker, a.subtitle].filter(Boolean).join(' ') } : {}),
    description: a.summary,
    datePublished: beijingDateTime(a.date),
    inLanguage: 'zh-CN',
    url: new URL(`/articles/${a.id}/`, ctx.site).href,
    ...(ctx.image ? { image: [{ '@type': 'ImageObject', url: ctx.image.url, width: ctx.image.width, height: ctx.image.height }] } : {}),
    author: [...a.reporters.map((n) => person(n, '记者')), ...a.correspondents.map((n) => person(n, '通讯员'))],
    publisher: { '@type': 'Organization', name: ctx.publisher.name, url: new URL('/', ctx.site).href, parentOrganization: { '@type': 'Organization', name: ctx.publisher.sponsor } },
    contentLocation: {
      '@type': 'Place',
      name: place.name,
      address: { '@type': 'PostalAddress', addressCountry: 'CN', addressRegion: lineage.filter((p) => p.level !== place.level).map((p) => p.name).join('') || undefined },
      url: new URL(`/streets/${place.id}/`, ctx.site).href,
    },
    ...(ctx.bulletins.length
      ? { isPartOf: ctx.bulletins.map((b) => ({ '@type': 'PublicationIssue', name: b.title, ...(b.issue ? { issueNumber: ctx.issueLabel(b) } : {}), datePublished: beijingDateTime(b.date), url: new URL(`/bulletins/${b.id}/`, ctx.site).href })) }
      : {}),
  };
}
