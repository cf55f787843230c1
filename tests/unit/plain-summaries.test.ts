// Summaries are the text a reader sees (raw HTML sanitised away, entities decoded), and feeds
// carry them escaped as HTML: a summary can never become markup in a feed reader.
import { describe, expect, it } from 'vitest';
import { summaryFromBody } from '../../src/lib/article.ts';
import { feedDescription } from '../../src/lib/feeds.ts';
import { visibleText } from '../../src/io/problems.ts';

describe('summaryFromBody', () => {
  it('drops what the sanitiser drops: scripts with their text, handlers, javascript: links', () => {
    expect(summaryFromBody('本报讯<img src=x onerror=alert(1)>居民')).toBe('本报讯居民');
    expect(summaryFromBody('正文<script>window.pwned=3</script>完')).toBe('正文完');
    expect(summaryFromBody('本报讯<a href="javascript:x" onclick="y">点</a><style>p{}</style>尾')).toBe('本报讯点尾');
  });

  it('reads entities and escapes as the text they stand for', () => {
    expect(summaryFromBody('与 &lt;b&gt; 和 \\*星\\*')).toBe('与 <b> 和 *星*');
  });

  it('keeps plain paragraphs as before: links as their text, CJK line breaks joined', () => {
    expect(summaryFromBody('普通 *强调* [文字](https://x.cn/)')).toBe('普通 强调 文字');
    expect(summaryFromBody('豫\n剧演出')).toBe('豫剧演出');
  });
});

describe('feed descriptions and terminal text', () => {
  it('escape a summary for HTML, so the decoded description is the text itself', () => {
    expect(feedDescription(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });

  it('write control and bidi characters as \\u{…} for the terminal', () => {
    expect(visibleText('标题\u001b[2J\u202e\u0007\n')).toBe('标题\\u{1B}[2J\\u{202E}\\u{7}\\u{A}');
  });
});
