// A problem found in content, with a code that says what kind of problem it is. Code reads the
// code, never the message: messages are for editors and may be reworded freely.
//   yaml:<CODE>   the yaml package's own error code (err.code), e.g. yaml:DUPLICATE_KEY
//   zod:<code>    a zod issue code the schema left in zod's terms, e.g. zod:invalid_type
//   import/<what>  a warning of the importer (npm run import) about a page it read
//   anything else one of ours, listed in PROBLEM below
export const PROBLEM = {
  /** A field the schema does not know. */
  unknownField: 'unknown-field',
  /** A value the schema refused (expected …, found …). */
  badValue: 'bad-value',
  /** A required field not written at all. */
  missingField: 'missing-field',
  noFrontmatter: 'no-frontmatter',
  noClosingDashes: 'no-closing-dashes',
  frontmatterNotFields: 'frontmatter-not-fields',
  fullwidthColon: 'fullwidth-colon',
  tabIndent: 'tab-indent',
  /** `street:莲湖街道`: no space after the colon. */
  colonWithoutSpace: 'colon-without-space',
  lineWithoutColon: 'line-without-colon',
  indentedField: 'indented-field',
  duplicateField: 'duplicate-field',
  colonInValue: 'colon-in-value',
  textAfterQuote: 'text-after-quote',
  unclosedQuote: 'unclosed-quote',
  unclosedList: 'unclosed-list',
  invalidYaml: 'invalid-yaml',
  notUtf8: 'not-utf8',
  unreadable: 'unreadable',
  badFileName: 'bad-file-name',
  duplicateId: 'duplicate-id',
  emptyBody: 'empty-body',
  placeholderBody: 'placeholder-body',
  futureDate: 'future-date',
  repeatedHeadline: 'repeated-headline',
  unknownBulletin: 'unknown-bulletin',
  unknownArticle: 'unknown-article',
  draftArticle: 'draft-article',
  repeatedArticle: 'repeated-article',
  secondBulletin: 'second-bulletin',
  reusedIssue: 'reused-issue',
  uneditedNote: 'unedited-note',
  badPath: 'bad-path',
  missingRegistry: 'missing-registry',
  registryFault: 'registry-fault',
  unknownPerson: 'unknown-person',
  starOutsideSet: 'star-outside-set',
  halfWidthPunctuation: 'half-width-punctuation',
  straightQuotes: 'straight-quotes',
  /** Photos (src/io/photos.ts): the file named is missing, outside the content folder, of another type, not an image, too large. */
  photoMissing: 'photo-missing',
  photoOutside: 'photo-outside',
  photoType: 'photo-type',
  photoNotImage: 'photo-not-image',
  photoTooLarge: 'photo-too-large',
  photoNoCaption: 'photo-no-caption',
  /** An HTML <img> with a local src: the site cannot publish its file. */
  htmlImage: 'html-image',
  /** A photo in a bulletin's note (按语): photos belong to the articles a bulletin gathers. */
  photoInBulletinNote: 'photo-in-bulletin-note',
  // Reading content within limits (src/io/content-files.ts, src/io/field-text.ts).
  symlinkedFolder: 'symlinked-folder',
  /** A link leading out of the content folder or the project: never read. */
  symlinkOutside: 'symlink-outside',
  notAFile: 'not-a-file',
  nameNotUtf8: 'name-not-utf8',
  tooLarge: 'too-large',
  controlCharacter: 'control-character',
  bidiControl: 'bidi-control',
  tooLong: 'too-long',
  // The importer's warnings: what it could not settle on a page, for the editor to check.
  importWeakHeadlineMatch: 'import/weak-headline-match',
  importCloseHeadlineMatch: 'import/close-headline-match',
  importUnmatchedHeadlineFits: 'import/unmatched-headline-fits',
  importUnmatchedHeadline: 'import/unmatched-headline',
  importNoHeadline: 'import/no-headline',
  importMultiLineHeadline: 'import/multi-line-headline',
  importPlaceWithoutTitle: 'import/place-without-title',
  importUnknownPlace: 'import/unknown-place',
  importSeveralPlaces: 'import/several-places',
  importPlaceNotInText: 'import/place-not-in-text',
  importPlaceFromText: 'import/place-from-text',
  importAmbiguousPlace: 'import/ambiguous-place',
  importNoPlace: 'import/no-place',
  importNoByline: 'import/no-byline',
  importNoReporter: 'import/no-reporter',
  importScatteredBylines: 'import/scattered-bylines',
  importBylineMissingName: 'import/byline-missing-name',
  importBylineSplitsStory: 'import/byline-splits-story',
  importGuessedSubhead: 'import/guessed-subhead',
  importKeptCjkSpace: 'import/kept-cjk-space',
  importPhotosToAdd: 'import/photos-to-add',
  importUnreadablePhotoCredit: 'import/unreadable-photo-credit',
  importStarOutsideSets: 'import/star-outside-sets',
  importExistingArticle: 'import/existing-article',
  importNoStories: 'import/no-stories',
} as const;

export type ProblemCode = (typeof PROBLEM)[keyof typeof PROBLEM] | `yaml:${string}` | `zod:${string}`;

export interface Problem {
  file: string;
  line: number;
  col: number;
  /** The frontmatter field (or registry entry) at fault; empty for whole-file problems. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
  code: ProblemCode;
  /** The value at fault, for tools that act on it (check --fix adds an unknown-person name). */
  value?: string;
}

export function byPosition(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col;
}
