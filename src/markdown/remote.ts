/** An address a browser (or Chromium printing the PDF) would fetch from another host: any scheme, `//host` or `\\host`. */
export const remoteAddress = /^\s*(?:(?!data:)[a-z][a-z0-9+.-]*:|\/\/|\\\\)/iu
