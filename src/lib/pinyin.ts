// Pinyin for ids and slugs. Readings come from pinyin-pro, read over the whole text so
// polyphones are read in context (银行 → yinhang). Word boundaries come from the platform's
// dictionary segmenter (Intl.Segmenter, ICU): pinyin-pro's own segment() only knows its small
// polyphone dictionary without a 1.7 s dictionary load, and splits 会客厅 into 会|客|厅.
import { createRequire } from 'node:module';

// pinyin-pro's dictionary takes a tenth of a second to load, and `npm run check` needs pinyin only
// for suggestions: load it when first used.
let pinyinPro: typeof import('pinyin-pro') | undefined;

/** Toneless syllables, one per Han character (letters and digits kept together as written). */
export function syllables(text: string): string[] {
  pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  return pinyinPro.pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
}

/** A person's id: the pinyin of the whole name, ASCII only (鲁燕 → luyan, 吕明 → lvming). */
export function pinyinId(name: string): string {
  const id = syllables(name).join('').toLowerCase().replace(/[^a-z0-9]+/g, '');
  return id || 'ren';
}

let words: Intl.Segmenter | undefined;

/**
 * A run of Han characters as pinyin words: 会客厅里解心结 → huiketing, lijie, xinjie. A lone
 * one-character word (a prefix like 微) joins the word after it, so 微更新 → weigengxin; a row of
 * them goes in pairs, the way most words have two syllables.
 */
export function pinyinWords(run: string): string[] {
  words ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const readings = syllables(run).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  const groups: string[] = [];
  let at = 0;
  let single: string[] = [];
  const pairs = () => {
    for (let i = 0; i + 1 < single.length; i += 2) groups.push(single[i] + single[i + 1]);
    const odd = single.length % 2 ? single[single.length - 1] : '';
    single = [];
    return odd;
  };
  for (const { segment } of words.segment(run)) {
    const n = [...segment].length;
    const reading = readings.slice(at, at + n).join('');
    at += n;
    if (n === 1) single.push(reading);
    else groups.push(pairs() + reading);
  }
  const odd = pairs();
  if (odd && groups.length) groups[groups.length - 1] += odd;
  else if (odd) groups.push(odd);
  return groups.filter(Boolean);
}
