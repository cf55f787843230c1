// Photo captions: 图为…, ▲…, 上图：…, ending at a full stop or a photo credit (杜挺勇 摄, 供图).

const CAPTION_START = /^(?:图为|▲|△|↑|↓|上图|下图|左图|右图|图[①-⑩\d][：:\s]?|[（(]图片)/u;

export function isCaptionStart(text: string): boolean {
  return CAPTION_START.test(text);
}

/** True when a caption line closes the caption: a full stop, or a credit (摄, 供图, 提供). */
export function captionEnds(text: string): boolean {
  return /[。！？…][”’）)]*$/u.test(text) || /(?:摄|摄影|供图|提供)[）)]?$/u.test(text.trimEnd());
}

/**
 * A photo credit in parentheses for a whole column or page: （本栏照片除署名外均由本报记者 杜挺勇 摄）,
 * （本版图片由记者 鲁燕 提供）. It credits photographers; it heads and says nothing else.
 */
const PHOTO_CREDIT = /^[（(](?:本[版栏组期]|以上|该栏|此栏)?(?:图片|照片)[^）)]*?(?:摄影?|供图|提供)[）)]$/u;

export function isPhotoCredit(text: string): boolean {
  return PHOTO_CREDIT.test(text.trim());
}

/** The person named in a column's photo credit, as printed (本报记者 杜挺勇), for the byline reader. */
export function photoCreditNames(text: string): string {
  return text
    .trim()
    .replace(/^[（(](?:本[版栏组期]|以上|该栏|此栏)?(?:图片|照片)/u, '')
    .replace(/(?:摄影?|供图|提供)[）)]$/u, '')
    .replace(/^.*?(?:均由|均为|由|为)/u, '')
    .trim();
}
