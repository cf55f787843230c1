// The byline as a newspaper prints it: 记者 鲁燕 通讯员 魏少杰 文/图.
import type { Article } from './article.ts';

export interface BylinePart {
  role: '记者' | '通讯员' | '摄影';
  names: string[];
}

export function bylineParts(a: Pick<Article, 'reporters' | 'correspondents' | 'photo'>): BylinePart[] {
  const parts: BylinePart[] = [{ role: '记者', names: a.reporters }];
  if (a.correspondents.length) parts.push({ role: '通讯员', names: a.correspondents });
  if (Array.isArray(a.photo) && a.photo.length) parts.push({ role: '摄影', names: a.photo });
  return parts;
}

/** "文/图" when the reporters took the photos themselves. */
export function photoCredit(a: Pick<Article, 'photo'>): string {
  return a.photo === true ? '文/图' : '';
}

export function bylineText(a: Pick<Article, 'reporters' | 'correspondents' | 'photo'>): string {
  const text = bylineParts(a).map((p) => `${p.role} ${p.names.join(' ')}`).join(' ');
  const credit = photoCredit(a);
  return credit ? `${text} ${credit}` : text;
}
