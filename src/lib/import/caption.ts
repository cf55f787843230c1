// Photo captions: 图为…, ▲…, 上图：…, ending at a full stop or a photo credit (杜挺勇 摄, 供图).

const CAPTION_START = /^(?:图为|▲|△|↑|↓|上图|下图|左图|右图|图[①-⑩\d][：:\s]?|[（(]图片)/u;

export function isCaptionStart(text: string): boolean {
  return CAPTION_START.test(text);
}

/** True when a caption line closes the caption: a full stop, or a credit (摄, 供图, 提供). */
export function captionEnds(text: string): boolean {
  return /[。！？…][”’）)]*$/u.test(text) || /(?:摄|摄影|供图|提供)[）)]?$/u.test(text.trimEnd());
}
