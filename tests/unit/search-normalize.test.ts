// The one normaliser of indexed text and queries (src/search/shared/normalize.ts): what it ignores,
// what it keeps exact, where each folded character came from, and the fold table the browser gets.
import { describe, expect, it } from 'vitest';
import { foldText, foldWord, normalizeText, queryTerms } from '../../src/search/shared/normalize.ts';
import { foldTableFor, foldTableString, NO_FOLDING, parseFoldTable } from '../../src/search/shared/fold-table.ts';
import { t2sTable } from '../../src/search/build/t2s-table.ts';
import { occurrences } from '../../src/search/client/excerpt.ts';

const table = t2sTable();
const fold = (s: string) => foldText(s, table).text;

describe('folding what readers do not type', () => {
  it('drops punctuation, symbols and quotes, Chinese and ASCII alike', () => {
    expect(fold('“五星”支部')).toBe('五星支部');
    expect(fold('"五星"支部')).toBe('五星支部');
    expect(fold('‘一事一议’「议事会」《条例》、·—…，。；：')).toBe('一事一议议事会条例');
    expect(fold("it's <b> & 50%+")).toBe('its b 50');
    expect(fold('五星-支部！？')).toBe('五星支部');
  });

  it('folds full-width and compatibility forms (NFKC) and lower-cases Latin letters', () => {
    expect(fold('８月份')).toBe('8月份');
    expect(fold('Ｈ２Ｏ')).toBe('h2o');
    expect(fold('H2O')).toBe('h2o');
    expect(fold('①号楼')).toBe('1号楼');
    expect(fold('e\u0301')).toBe('é');
  });

  it('folds traditional characters to simplified, one for one', () => {
    expect(fold('網格化 議事會 黨建引領 蓮湖街道')).toBe('网格化议事会党建引领莲湖街道');
    // Simplified text is left as it is.
    expect(fold('网格化议事会党建引领什么着')).toBe('网格化议事会党建引领什么着');
  });

  it('drops a space next to a Chinese character, keeps one between Latin words or numbers', () => {
    expect(fold('记者 鲁 燕')).toBe('记者鲁燕');
    expect(fold('共 3 个')).toBe('共3个');
    expect(fold('Street  Bulletin 2022')).toBe('street bulletin 2022');
    expect(fold('“五星” 支部')).toBe('五星支部');
    expect(fold('  前后  ')).toBe('前后');
  });

  it('keeps a decimal point between digits: 3.5 is not 35', () => {
    expect(fold('增长3.5%')).toBe('增长3.5');
    expect(fold('增长３．５％')).toBe('增长3.5');
    expect(fold('第3.')).toBe('第3');
    expect(fold('1,000人')).toBe('1000人');
  });

  it('remembers which source characters each folded character came from', () => {
    const src = '“五星”支部，網格';
    const f = foldText(src, table);
    expect(f.text).toBe('五星支部网格');
    expect([...f.text].map((_, i) => src.slice(f.start[i], f.end[i]))).toEqual(['五', '星', '支', '部', '網', '格']);
    const wide = foldText('Ａ ①', table);
    expect(wide.text).toBe('a 1');
    expect([wide.start, wide.end]).toEqual([[0, 1, 2], [1, 2, 3]]);
  });
});

describe('queries', () => {
  it('splits on spaces, folds each word, drops words that fold to nothing or repeat', () => {
    expect(queryTerms(' “五星”支部　網格化 ， 网格化 ', table)).toEqual([
      { typed: '“五星”支部', word: '五星支部' },
      { typed: '網格化', word: '网格化' },
    ]);
    expect(queryTerms('，。', table)).toEqual([]);
  });

  it('stays exact: order matters, and a folded word is found only where its folded text is', () => {
    const text = fold('本报讯 记者 鲁燕 报道：“五星”支部创建……');
    expect(text.includes(foldWord('鲁燕', table))).toBe(true);
    expect(text.includes(foldWord('燕鲁', table))).toBe(false);
    expect(text.includes(foldWord('五星支部', table))).toBe(true);
    expect(text.includes(foldWord('支部五星', table))).toBe(false);
  });

  it('marks in the shown text exactly what the folded text matches', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const alphabet = [...'莲湖網网格化“”，。 Ａa1．'];
    for (let round = 0; round < 200; round++) {
      const text = normalizeText(Array.from({ length: 30 }, () => alphabet[rnd(alphabet.length)]).join(''));
      const word = foldWord(Array.from({ length: 1 + rnd(3) }, () => alphabet[rnd(alphabet.length)]).join(''), table);
      if (!word) continue;
      const found = occurrences(text, [word], table);
      expect(found.length > 0, `${word} in ${text}`).toBe(fold(text).includes(word));
      // Every marked stretch folds to text holding the word.
      for (const [s, e] of found) expect(fold(text.slice(s, e)), `${word} in ${text}`).toContain(word);
    }
  });
});

describe('the fold table', () => {
  it('comes from OpenCC’s traditional → simplified characters, one for one', () => {
    expect(table.get('網'.codePointAt(0)!)).toBe('网'.codePointAt(0));
    expect(table.get('网'.codePointAt(0)!)).toBeUndefined();
    expect(table.size).toBeGreaterThan(2500);
    for (const [from, to] of table) expect(from).not.toBe(to);
  });

  it('ships as a string of pairs, only for the characters an index holds', () => {
    const indexed = new Set([...'网格化议事会'].map((c) => c.codePointAt(0)!));
    const small = foldTableFor(table, (cp) => indexed.has(cp));
    const s = foldTableString(small);
    expect(s).toContain('網网');
    expect(s).not.toContain('語语');
    expect(s.length).toBeLessThan(100);
    const back = parseFoldTable(s, (found) => {
      throw new Error(found);
    });
    expect([...back]).toEqual([...small].sort((a, b) => a[0] - b[0]));
    expect(() => parseFoldTable('網网議', (found) => { throw new Error(`bad: ${found}`); })).toThrow('bad: 3 characters, not pairs');
    expect(foldWord('網格', back)).toBe('网格');
    expect(foldWord('網格', NO_FOLDING)).toBe('網格');
  });
});
