/**
 * What an id of a notice or finding may be: lowercase letters, digits and inner hyphens. Its own
 * module so that code which only checks folder names (the listing, the I/O thread) does not load zod.
 */
export const idPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/u
