// Dates as Chinese newspapers print them. Dates are YYYY-MM-DD strings in Beijing time throughout.

export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function chineseMonth(year: number | string, month: number | string): string {
  return `${Number(year)}年${Number(month)}月`;
}

/** ISO 8601 with the +08:00 offset the paper publishes in (for JSON-LD, feeds, <time>). */
export function beijingDateTime(iso: string): string {
  return `${iso}T00:00:00+08:00`;
}

export function yearOf(iso: string): string {
  return iso.slice(0, 4);
}

export function monthOf(iso: string): string {
  return iso.slice(5, 7);
}
