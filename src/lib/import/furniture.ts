// Page furniture: the editor's credit, page numbers and jump lines (下转第二版). Never part of a story.

const FURNITURE = /^[（(]?(?:责任编辑|本版编辑|编辑|校对|美编|版式|组版|审校|投稿邮箱|投稿|邮箱|电话|传真)[：:\s]|^[（(]?(?:下转|上接|转第|接第)[^）)]{0,12}[）)]?$|^第?\s*[0-9一二三四五六七八九十]{1,3}\s*版$|^\d{1,3}$/u;

export function isFurniture(text: string): boolean {
  return FURNITURE.test(text);
}
