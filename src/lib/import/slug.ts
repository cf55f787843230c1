// The short ASCII part of an article's file name: the pinyin of the title's first words
// (文化“大餐”让居民… → wenhua-dacan). Chinese never goes into a URL.
import { pinyin } from 'pinyin-pro';
import { hanOnly } from './sentence.ts';

/** Pinyin of the first `chars` Han characters of the title, two syllables to a word. */
export function shortSlug(title: string, chars = 4): string {
  const han = [...hanOnly(title)].slice(0, chars);
  if (!han.length) return 'wenzhang';
  const syllables = pinyin(han.join(''), { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  const words: string[] = [];
  for (let i = 0; i < syllables.length; i += 2) words.push(syllables.slice(i, i + 2).join(''));
  return words.filter(Boolean).join('-') || 'wenzhang';
}
