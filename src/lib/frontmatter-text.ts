// The one frontmatter writer (npm run new, npm run import, npm run bulletin): YAML through the
// yaml package under the core schema the reader uses, so a date stays unquoted and still text and
// exactly what needs quoting is quoted; name lists in flow style ([鲁燕, 张三]), no line wrapping.
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';

export interface FrontmatterOptions {
  /** Fields whose list is written one item per line (articles: in a bulletin); the rest flow. */
  blockLists?: readonly string[];
  /** A comment line above a field's items. */
  commentBefore?: Record<string, string>;
  /** A comment after each item of a list field, by field and item index. */
  itemComments?: Record<string, readonly (string | undefined)[]>;
}

/** The frontmatter block, --- lines included. */
export function frontmatterText(fields: Record<string, unknown>, options: FrontmatterOptions = {}): string {
  const doc = new Document(fields, { schema: 'core' });
  const block = new Set(options.blockLists ?? []);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = String((pair.key as { value?: unknown }).value ?? pair.key);
      const value = pair.value as Node | null;
      // Lists inside a map (distribution: 报: [...]) flow too.
      if (isMap(value)) for (const inner of value.items) if (isSeq(inner.value)) inner.value.flow = true;
      if (isSeq(value)) {
        value.flow = !block.has(key);
        const comments = options.itemComments?.[key];
        value.items.forEach((item, i) => {
          if (comments?.[i] && isScalar(item)) item.comment = ` ${comments[i]}`;
        });
        const before = options.commentBefore?.[key];
        if (before && value.items[0]) (value.items[0] as Node).commentBefore = ` ${before}`;
      }
    }
  }
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}

/** A Markdown file: the frontmatter, a blank line, then the body. */
export function markdownFile(fields: Record<string, unknown>, body: string, options?: FrontmatterOptions): string {
  return `${frontmatterText(fields, options)}\n${body.trimEnd()}\n`;
}
