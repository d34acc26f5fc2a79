/** What a user needs for `build --pdf`; kept apart so help text never loads the PDF printer. */
export const defaultChromium = '/usr/bin/chromium'
export const installHint = 'sudo apt-get install chromium fonts-noto-cjk fonts-arphic-ukai'
