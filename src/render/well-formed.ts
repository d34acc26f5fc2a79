/**
 * Characters that make an XML document not well-formed, and an HTML page invalid, whatever the
 * escaping: C0 controls other than tab and line ends, DEL and the C1 controls, lone surrogates and
 * the Unicode noncharacters. Content may hold them (pasted from Word, a broken editor); the
 * `invisible-chars` rule warns where, and no HTML or XML output ever carries them.
 */
const unsafe =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g

/**
 * Every code unit a match of `unsafe` can start with (any surrogate, paired or not), without its
 * look-arounds: a page almost never holds one, and this class alone reads a page several times faster.
 */
const mayBeUnsafe = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/

/** `text` without the characters no markup output may hold. */
export function wellFormedText(text: string): string {
  if (!mayBeUnsafe.test(text)) return text
  unsafe.lastIndex = 0
  return unsafe.test(text) ? text.replace(unsafe, '') : text
}

/** Outputs whose content is markup: HTML pages and the XML feed and sitemap. */
export const isMarkup = (file: string): boolean => /\.(?:html|xml|svg)$/u.test(file)
