// Reader-facing strings for bulletins (专版, 简报), the RSS feeds and the drafts `npm run bulletin`
// writes; the site's other strings live in strings.ts.
import { chineseDate } from '../lib/dates.ts';
import { ui } from './strings.ts';

/** Marks the placeholder editor's note in a drafted bulletin until the editor replaces it. */
const DRAFT_MARKER = '【待编辑】';

export const bulletinUi = {
  issuedOn: '编发日期',
  printedOn: '刊发日期',
  year: (y: string) => `${y}年`,
  period: (from: string, to: string) => `${chineseDate(from)}至${chineseDate(to)}`,
  inThisIssue: (n: number) => `本期共 ${n} 篇`,
  noBulletins: '暂无专版或简报。',
  readArticle: '阅读单篇报道',

  siteFeedTitle: `${ui.siteName} · 最新报道`,
  siteFeedDescription: '区县报“五星”支部创建最新报道（最新 50 篇）。',
  placeFeedTitle: (place: string) => `${ui.siteName} · ${place}`,
  placeFeedDescription: (place: string) => `${place}“五星”支部创建报道。`,
  starFeedTitle: (star: string) => `${ui.siteName} · ${star}`,
  starFeedDescription: (star: string) => `“${star}”创建报道。`,
  bulletinsFeedTitle: `${ui.siteName} · ${ui.bulletinsTitle}`,
  bulletinsFeedDescription: '报纸专版与组织部门编发的“五星”支部创建工作简报。',
  bulletinFeedItemTitle: (kind: string, title: string, issue?: string) => `${kind}${issue ? ` ${issue}` : ''}｜${title}`,

  draftNoteMarker: DRAFT_MARKER,
  /** The editor's note a drafted bulletin starts with; the editor replaces the whole paragraph. */
  draftNote: (kind: string, scope: string, count: number) =>
    `${DRAFT_MARKER}请在此用一段话写编者按，概述本期${kind}（${scope}，共 ${count} 篇报道）的主要内容；写好后删除本段，包括开头的“${DRAFT_MARKER}”标记。`,
} as const;
