/**
 * The characters and substrings that can make Markdown or GFM syntax in a line of prose, shared by
 * the fast paths (plain.ts, email.ts), so that what one refuses the other cannot let through.
 */

/** Control characters, and ASCII that starts or takes part in syntax, except `@`. */
const syntaxCharacters = '\\\\`*_[\\]<>&~|\\u0000-\\u0008\\u000b-\\u001f\\u007f\\r\\t'

/** Any character that can be syntax. `#` is syntax only at the start of a line, `!` only before `[`, and `{}` never. */
export const syntaxCharacter = new RegExp(`[${syntaxCharacters}@]`, 'u')
/** The same without `@`, which alone only makes e-mail addresses. */
export const syntaxCharacterBesidesAt = new RegExp(`[${syntaxCharacters}]`, 'u')
/** Substrings that begin GFM autolink literals. */
export const autolinkStart = /www\.|:\/\/|mailto:|xmpp:/iu
