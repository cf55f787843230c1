// The one place pages get content from: each collection is read once per build and turned into
// the site index; every page then looks things up in it.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Article } from '../lib/article.ts';
import { buildSiteIndex, type SiteIndex } from '../lib/site-index.ts';
import { bulletinsByArticle, resolveBulletins, type Bulletin, type ResolvedBulletin } from '../lib/bulletins.ts';
import { loadRegistries } from '../io/registries.ts';
import { loadSiteSettings } from '../io/site-settings.ts';
import { contentDir } from '../io/content-dir.ts';
import type { Registries, SiteSettings } from '../schema.ts';

export interface Site extends Registries {
  /** content/site.yaml: name, public address, 主办单位, record numbers. */
  settings: SiteSettings;
  index: SiteIndex;
  entry(id: string): CollectionEntry<'articles'>;
  bulletins: ResolvedBulletin[];
  bulletinEntry(id: string): CollectionEntry<'bulletins'>;
  bulletinsOf(articleId: string): Bulletin[];
}

let site: Promise<Site> | undefined;

async function load(): Promise<Site> {
  const registries = loadRegistries(contentDir());
  const settings = loadSiteSettings(contentDir());
  const entries = await getCollection('articles');
  const byId = new Map(entries.map((e) => [e.id, e]));
  const index = buildSiteIndex(entries.map((e) => e.data as unknown as Article), registries.places, registries.stars, registries.people);
  const bulletinEntries = await getCollection('bulletins');
  const bulletinById = new Map(bulletinEntries.map((e) => [e.id, e]));
  const bulletins = resolveBulletins(bulletinEntries.map((e) => e.data as unknown as Bulletin), index);
  const byArticle = bulletinsByArticle(bulletins);
  return {
    ...registries,
    settings,
    index,
    entry: (id) => byId.get(id)!,
    bulletins,
    bulletinEntry: (id) => bulletinById.get(id)!,
    bulletinsOf: (id) => byArticle.get(id) ?? [],
  };
}

export function getSite(): Promise<Site> {
  site ??= load();
  return site;
}
