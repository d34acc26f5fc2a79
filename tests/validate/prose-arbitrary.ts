import fc from 'fast-check'

/**
 * Random lines for property tests of the proofreading scanners: Han characters (some outside the
 * BMP), ASCII and full-width punctuation, digits, letters, blanks of every kind, line breaks,
 * lone surrogate halves, and pieces of notice prose the rules look for.
 */
const pieces = [
  '产', '业', '集', '聚', '区', '党', '工', '委', '的', '确', '等', '一', '个', '每', '查', '清', '年', '月', '日', '号', '其', '中', '家', '套',
  '〇', '々', '𠀀', '𠀁', '𪚥', '\ud840', '\udc00',
  ',', ':', ';', '(', ')', '?', '!', '.', '-', '"', '[', ']', '%',
  '，', '：', '；', '（', '）', '？', '！', '。', '、', '“', '”', '‘', '’', '…', '—', '〔', '〕', '【', '】', '％',
  '0', '1', '2', '9', '13', '2021', 'a', 'Z', 'PPP', 'Pilot',
  ' ', '\t', '\n', '\u3000', '\u00a0', '\u2003', '\ufeff', '\u200b', '\r', '\u2028',
  '产业集聚区', '产业聚集区', '县委巡察办', '的的', '、等', '，，', '清查清查', '一个一个', '哈哈哈哈', '巡查', '截止目前', '为落实',
  '〔2021〕13号', '(2021)13号', '(其中5套)', '电话68359030;'
]

/** Few kinds of character, so that brackets pair up and runs of blanks and letters meet Chinese. */
const dense = ['(', ')', '（', '）', ',', ';', '中', '𠀀', 'a', '1', ' ', '\u00a0', '\n', '的', '清', '查']

export const proseText = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join('')) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...dense), { maxLength: 16 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }
)
