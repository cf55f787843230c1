// Content collections. Both loaders validate with the shared schemas in src/schema.ts.
import { defineCollection } from 'astro:content';
import { articlesLoader } from './loaders/articles.ts';
import { bulletinsLoader } from './loaders/bulletins.ts';
import { contentDir } from './io/content-dir.ts';

const dir = contentDir();

export const collections = {
  articles: defineCollection({ loader: articlesLoader(dir) }),
  bulletins: defineCollection({ loader: bulletinsLoader(dir) }),
};
