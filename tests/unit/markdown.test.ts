import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownOptions } from '../../src/markdown/options.ts';

// The same pipeline as astro.config.mjs.
const processor = await createMarkdownProcessor({ syntaxHighlight: false, ...markdownOptions });
const html = async (md: string) => (await processor.render(md)).code;

describe('CJK soft line breaks', () => {
  it('vanish between two CJK characters', async () => {
    expect(await html('一场精彩纷呈的豫\n剧演出')).toBe('<p>一场精彩纷呈的豫剧演出</p>');
  });
  it('vanish next to CJK punctuation and quotes', async () => {
    expect(await html('将“议事会”工作法融入“五星”\n支部创建活动中，\n凡是涉及')).toBe('<p>将“议事会”工作法融入“五星”支部创建活动中，凡是涉及</p>');
  });
  it('vanish across inline formatting', async () => {
    expect(await html('点亮\n**支部过硬星**\n创建')).toBe('<p>点亮<strong>支部过硬星</strong>创建</p>');
  });
  it('stay a space between Latin words and between Latin and CJK', async () => {
    expect(await html('hello\nworld')).toBe('<p>hello\nworld</p>');
    expect(await html('5G\n基站')).toBe('<p>5G\n基站</p>');
  });
  it('leave paragraph breaks and hard breaks alone', async () => {
    expect(await html('第一段。\n\n第二段。')).toBe('<p>第一段。</p>\n<p>第二段。</p>');
    expect(await html('第一行  \n第二行')).toBe('<p>第一行<br>\n第二行</p>');
  });
});

describe('sanitised HTML', () => {
  it('drops scripts, handlers, javascript: links, iframes and styles', async () => {
    const out = await html('文<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(1)" alt="图">\n\n<a href="javascript:alert(1)">点</a>\n\n<iframe src="https://e.com"></iframe>\n\n<p style="color:red" onclick="x()">段</p>');
    expect(out).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|style=/);
    // The handler goes; so does the image itself, whose relative src would show broken (photos are ![说明](./x.png)).
    expect(out).not.toContain('<img');
    expect(out).toContain('<p>段</p>');
  });
  it('keeps figures, captions, tables, sup and sub', async () => {
    const out = await html('<figure><img src="/a.jpg" alt="现场"><figcaption>活动现场</figcaption></figure>\n\n| 项目 | 人数 |\n| --- | --- |\n| 宣传 | 120 |\n\nH<sub>2</sub>O m<sup>2</sup>');
    expect(out).toContain('<figure><img src="/a.jpg" alt="现场"><figcaption>活动现场</figcaption></figure>');
    expect(out).toMatch(/<table>[\s\S]*<td>120<\/td>/);
    expect(out).toContain('H<sub>2</sub>O m<sup>2</sup>');
  });
});
