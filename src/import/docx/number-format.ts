/**
 * A list counter as Word draws it for a `w:numFmt` value: 3 is `三` in chineseCounting, `丙` in
 * ideographTraditional, `③` in decimalEnclosedCircle. Formats Word has and Chinese documents never
 * use (ordinal text, Hebrew, Thai …) fall back to Arabic digits, which is what a reader still reads.
 */

const chineseDigits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const legalDigits = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
const legalUnits = ['', '拾', '佰', '仟']
const countingUnits = ['', '十', '百', '千']
const heavenlyStems = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']
const earthlyBranches = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥']

/** Chinese counting below 10,000: 十, 十一, 二十, 一百零五, 一千零一十. */
function counting(value: number, digits: readonly string[], units: readonly string[], zero: string, bareTen: boolean): string {
  if (value === 0) return zero
  if (value >= 10000) return String(value)
  const places = String(value).split('').map(Number)
  let out = ''
  let pendingZero = false
  places.forEach((digit, index) => {
    const unit = units[places.length - 1 - index] ?? ''
    if (digit === 0) {
      pendingZero = out.length > 0
      return
    }
    if (pendingZero) out += zero
    pendingZero = false
    // 10–19 are 十, 十一 … in counting, not 一十.
    if (bareTen && digit === 1 && unit === units[1] && out.length === 0) out += unit
    else out += (digits[digit] ?? '') + unit
  })
  return out
}

function enclosed(value: number, ranges: ReadonlyArray<[from: number, to: number, codePoint: number]>): string {
  for (const [from, to, codePoint] of ranges) {
    if (value >= from && value <= to) return String.fromCodePoint(codePoint + value - from)
  }
  return String(value)
}

function letters(value: number, base: string): string {
  if (value <= 0) return String(value)
  // Word repeats the letter past z: 27 is aa, 53 is aaa.
  const letter = String.fromCharCode(base.charCodeAt(0) + ((value - 1) % 26))
  return letter.repeat(Math.floor((value - 1) / 26) + 1)
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value)
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i']
  ]
  let rest = value
  let out = ''
  for (const [amount, numeral] of table) {
    while (rest >= amount) {
      out += numeral
      rest -= amount
    }
  }
  return out
}

const fullWidth = (text: string): string => text.replace(/[0-9]/gu, (digit) => String.fromCharCode(0xff10 + Number(digit)))

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'none':
      return ''
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value)
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(String(value))
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(value, [
        [1, 20, 0x2460],
        [21, 35, 0x3251],
        [36, 50, 0x32b1]
      ])
    case 'decimalEnclosedParen':
      return enclosed(value, [[1, 20, 0x2474]])
    case 'decimalEnclosedFullstop':
      return enclosed(value, [[1, 20, 0x2488]])
    case 'chineseCounting':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return counting(value, chineseDigits, countingUnits, '〇', true)
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
      return counting(value, chineseDigits, countingUnits, '零', true)
    case 'chineseLegalSimplified':
    case 'japaneseLegal':
      return counting(value, legalDigits, legalUnits, '零', false)
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(value)
        .split('')
        .map((digit) => chineseDigits[Number(digit)] ?? digit)
        .join('')
    case 'ideographTraditional':
      return value >= 1 && value <= 10 ? (heavenlyStems[value - 1] ?? String(value)) : String(value)
    case 'ideographZodiac':
      return value >= 1 && value <= 12 ? (earthlyBranches[value - 1] ?? String(value)) : String(value)
    case 'lowerLetter':
      return letters(value, 'a')
    case 'upperLetter':
      return letters(value, 'A')
    case 'lowerRoman':
      return roman(value)
    case 'upperRoman':
      return roman(value).toUpperCase()
    default:
      return String(value)
  }
}
