import { describe, expect, it } from 'vitest'
import { dateFormat } from '../../src/validate/rules/date-format.js'
import { docNumber } from '../../src/validate/rules/doc-number.js'
import { labelVariant } from '../../src/validate/rules/label-variant.js'
import { nameVariant } from '../../src/validate/rules/name-variant.js'
import { isIdNumber, privateData } from '../../src/validate/rules/private-data.js'
import { punctuationWidth } from '../../src/validate/rules/punctuation-width.js'
import { statsMismatch } from '../../src/validate/rules/stats-mismatch.js'
import { statusConflict } from '../../src/validate/rules/status-conflict.js'
import { statusMissing } from '../../src/validate/rules/status-missing.js'
import { typo } from '../../src/validate/rules/typo.js'
import type { Rule } from '../../src/validate/rule.js'
import { finding, run, site, sourceAt, type Fixture } from './notice-fixture.js'

/** One finding whose problem and rectification are the given texts. */
function oneFinding(problem: string, rectification = '已完成。已建立制度。', heading = '1、学习不够深入'): Fixture {
  return { findings: [finding('01', [heading, `问题内容：${problem}`, `整改情况：${rectification}`])] }
}

function reported(rule: Rule, fixture: Fixture): Array<{ text: string; line: number; file: string; message: string; fixed?: string }> {
  const { diagnostics, files } = run(fixture, [rule])
  return diagnostics.map((diagnostic) => ({
    text: sourceAt(files, diagnostic, 12),
    line: diagnostic.line,
    file: diagnostic.file,
    message: diagnostic.message,
    ...(diagnostic.fix ? { fixed: diagnostic.fix.replacement } : {})
  }))
}

describe('punctuation-width', () => {
  it('catches ASCII , : ; ( ) ? ! between Chinese characters and offers the full-width mark', () => {
    const found = reported(punctuationWidth, oneFinding('党员学习,记录不全;如:未记录(部分)内容?是否整改!'))
    expect(found.map((entry) => [entry.text[0], entry.fixed])).toEqual([
      [',', '，'],
      [';', '；'],
      [':', '：'],
      ['(', '（'],
      [')', '）'],
      ['?', '？'],
      ['!', '！']
    ])
    expect(found.every((entry) => entry.file === 't/findings/01.md' && entry.line === 7)).toBe(true)
  })

  it('catches a mark after digits at the end of a Chinese line (电话68359030;)', () => {
    const found = reported(punctuationWidth, { findings: [], closing: ['联系方式:电话68359030;'] })
    expect(found.map((entry) => entry.text[0])).toEqual([':', ';'])
  })

  it('leaves numbers, times, English, URLs, e-mail and full-width marks alone', () => {
    const found = reported(
      punctuationWidth,
      oneFinding(
        '共收缴1,200元，会议于9:30召开，网址：https://www.example.gov.cn/a?b=1，邮箱：a.b@example.com，英文名称Rural Revitalization (Pilot)，全角，：；（）？！'
      )
    )
    expect(found).toEqual([])
  })

  it('reads brackets as pairs: Chinese on either side makes both Chinese; a document number’s brackets are doc-number’s', () => {
    const found = reported(punctuationWidth, oneFinding('见伊政(2021)13号文件（其中592套)，模式(PPP)已推广。'))
    expect(found.map((entry) => entry.text[0])).toEqual([')', '(', ')'])
  })

  it('leaves `1、` opening a list line alone', () => {
    expect(reported(punctuationWidth, oneFinding('存在问题。', '已完成。1、建立台账；2、完善制度。'))).toEqual([])
  })

  it('points at the mark even when Markdown escapes come before it', () => {
    const { diagnostics, files } = run(
      { raw: true, findings: [finding('01', ['1、学习不够', '问题内容：见\\[附件\\]\\*说明,共三项', '整改情况：已完成。'])] },
      [punctuationWidth]
    )
    expect(diagnostics).toHaveLength(1)
    expect(sourceAt(files, diagnostics[0]!, 1)).toBe(',')
  })
})

describe('doc-number', () => {
  it('catches a missing 号 and fixes it when unambiguous', () => {
    const found = reported(docNumber, oneFinding('问题。', '已完成。并出台伊产工文〔2021〕13文件。'))
    expect(found).toHaveLength(1)
    expect(found[0]!.text.startsWith('〔2021〕13文件')).toBe(true)
    expect(found[0]!.fixed).toBe('〔2021〕13号')
  })

  it('catches other brackets, 第 and leading zeros, each fixed to 〔YYYY〕N号', () => {
    const text = '已完成。按伊发[2021]13号、伊办（2020）5号、伊政【2019】7号、伊文〔2021〕013号、伊字〔2021〕第13号执行。'
    const found = reported(docNumber, oneFinding('问题。', text))
    expect(found.map((entry) => entry.fixed)).toEqual(['〔2021〕13号', '〔2020〕5号', '〔2019〕7号', '〔2021〕13号', '〔2021〕13号'])
  })

  it('leaves correct numbers, lists of numbers and years in brackets alone', () => {
    const text = '已完成。按伊办〔2020〕32号、伊产工文〔2021〕13、14号和《工作报告（2021）》执行，2021年（第二季度）完成。'
    expect(reported(docNumber, oneFinding('问题。', text))).toEqual([])
  })
})

describe('date-format', () => {
  it('catches a date that lost 年 and 月, leading zeros and impossible days', () => {
    const found = reported(dateFormat, oneFinding('于2024717日召开，2021年03月05日发文，2月30日检查，2021年2月29日再查，2021年13月1日。'))
    expect(found.map((entry) => entry.message)).toHaveLength(5)
    expect(found[0]!.text.startsWith('2024717日')).toBe(true)
    expect(found[1]!.text.startsWith('2021年03月05日')).toBe(true)
    expect(found.some((entry) => entry.text.startsWith('2月30日'))).toBe(true)
    expect(found.some((entry) => entry.text.startsWith('2021年2月29日'))).toBe(true)
    expect(found.some((entry) => entry.text.startsWith('2021年13月'))).toBe(true)
  })

  it('leaves correct dates, 2020年2月29日, ranges and long numbers alone', () => {
    const text = '从2020年11月6日至12月10日，2020年2月29日，6月底完成，备案号：201941032900000077，每年每平方米150元，10月份。'
    expect(reported(dateFormat, oneFinding(text))).toEqual([])
  })
})

describe('name-variant', () => {
  const lines = Array.from({ length: 4 }, (_, index) => `产业集聚区第${index + 1}项工作。`)
  it('catches a name with two characters swapped against the form used throughout', () => {
    const fixture: Fixture = { opening: ['对县产业聚集区管委会进行了巡察。', ...lines] }
    const found = reported(nameVariant, fixture)
    expect(found).toHaveLength(1)
    expect(found[0]!.text.startsWith('产业聚集区')).toBe(true)
    expect(found[0]!.message).toContain('产业集聚区')
  })

  it('catches a name with its last two characters swapped, which no longer ends in a body suffix', () => {
    const uses = Array.from({ length: 4 }, (_, index) => `县委组织部第${index + 1}次会议。`)
    const found = reported(nameVariant, { opening: ['县委组部织牵头整改。', ...uses] })
    expect(found).toHaveLength(1)
    expect(found[0]!.text.startsWith('县委组部织')).toBe(true)
    expect(found[0]!.message).toContain('县委组织部')
  })

  it('catches a variant of a declared name even when used once', () => {
    const found = reported(nameVariant, { yaml: 'names:\n  declared: [伊川县产业集聚区]\n', opening: ['伊川县产业聚集区管委会。'] })
    expect(found).toHaveLength(1)
  })

  it('leaves the declared name, other words and rare forms alone', () => {
    const fixture: Fixture = { opening: ['对县产业集聚区管委会进行了巡察，人口聚集区和集聚区都在规划中。', ...lines] }
    expect(reported(nameVariant, fixture)).toEqual([])
  })
})

describe('label-variant', () => {
  it('catches 详细问题 and points at it', () => {
    const found = reported(labelVariant, { findings: [finding('01', ['1、标题', '详细问题：一是没有招商。', '整改情况：已完成。'])] })
    expect(found).toHaveLength(1)
    expect(found[0]!.text.startsWith('详细问题')).toBe(true)
    expect(found[0]!.message).toContain('问题内容')
  })

  it('leaves 问题内容, 整改情况, 整改落实情况 and 整改措施 alone', () => {
    const fixture: Fixture = {
      findings: [finding('01', ['1、标题', '问题内容：甲。', '整改落实情况：已完成。']), finding('02', ['2、标题', '问题内容：乙。', '整改措施：已完成。'])]
    }
    expect(reported(labelVariant, fixture)).toEqual([])
  })
})

describe('stats-mismatch', () => {
  const two = [finding('01', ['1、甲', '问题内容：甲。', '整改情况：已完成。']), finding('02', ['2、乙', '问题内容：乙。', '整改情况：正在整改。'])]
  it('catches a total that disagrees with the findings, once', () => {
    const found = reported(statsMismatch, { opening: ['截至目前，巡察反馈的3个问题，已完成整改1个、正在整改1个，整改完成率50%。'], findings: two })
    expect(found.map((entry) => entry.text.slice(0, 2))).toEqual(['3个'])
    expect(found[0]!.message).toContain('2 个')
  })

  it('catches numbers that do not add up and a rate that is not done/total', () => {
    const three = [...two, finding('03', ['3、丙', '问题内容：丙。', '整改情况：基本完成。'])]
    const sum = reported(statsMismatch, { opening: ['截至目前，巡察反馈的3个问题，已完成整改1个、正在整改1个。'], findings: three })
    expect(sum.map((entry) => entry.message)).toEqual(['统计数字自相矛盾：已完成 1 个加正在整改 1 个是 2 个，不是 3 个'])
    const rate = reported(statsMismatch, { opening: ['截至目前，巡察反馈的2个问题，已完成整改1个、正在整改1个，整改完成率60%。'], findings: two })
    expect(rate.map((entry) => entry.text.slice(0, 3))).toEqual(['60%'])
  })

  it('catches parts that exceed the whole in one sentence', () => {
    const found = reported(statsMismatch, oneFinding('“10家企业未办理环评手续”，其中4家已办理完成，6家企业无实体经营，1家企业停建。'))
    expect(found).toHaveLength(1)
    expect(found[0]!.text.startsWith('10家')).toBe(true)
  })

  it('leaves a true statistics sentence and partial enumerations alone', () => {
    const fixture: Fixture = {
      opening: [
        '截至目前，巡察反馈的2个问题，已完成整改1个、正在整改1个，整改完成率50%。',
        '闲置1469套（其中592套未完工），共12家企业，其中3家已整改，2家正在整改。'
      ],
      findings: two
    }
    expect(reported(statsMismatch, fixture)).toEqual([])
  })
})

describe('status-conflict', () => {
  it('catches future work in a finding marked done', () => {
    for (const [text, marker] of [
      ['已完成，长期坚持。生活用水改造计划于6月底完成。', '计划于'],
      ['已完成。待资金到位后及时拨付。', '待资金到位后'],
      ['已完成。宣传片正在制作。', '正在']
    ] as const) {
      const found = reported(statusConflict, oneFinding('问题。', text))
      expect(found, text).toHaveLength(1)
      expect(found[0]!.text.startsWith(marker)).toBe(true)
    }
  })

  it('leaves findings in progress, standing commitments and 接待/对待 alone', () => {
    expect(reported(statusConflict, oneFinding('问题。', '正在整改。计划于6月底完成。'))).toEqual([])
    expect(reported(statusConflict, oneFinding('问题。', '已完成，长期坚持。今后将严格按照规定执行，规范公务接待，正确对待群众来信。'))).toEqual([])
  })
})

describe('status-missing', () => {
  it('warns at the first line of a finding whose status is not stated', () => {
    const found = reported(statusMissing, oneFinding('会议记录不全。', '建立会议记录制度，明确专人负责。'))
    expect(found).toHaveLength(1)
    expect(found[0]!.text.startsWith('1、学习不够深入')).toBe(true)
    expect(found[0]!.message).toContain('没有写明整改状态')
  })

  it('leaves findings with a stated status alone, in the text or in the frontmatter', () => {
    expect(reported(statusMissing, oneFinding('会议记录不全。', '已完成。建立会议记录制度。'))).toEqual([])
    expect(reported(statusMissing, oneFinding('会议记录不全。', '建立会议记录制度，该问题已整改到位。'))).toEqual([])
    expect(
      reported(statusMissing, { findings: [finding('01', ['1、学习不够深入', '问题内容：会议记录不全。', '整改情况：建立制度。'], 'status: in_progress')] })
    ).toEqual([])
  })
})

describe('typo', () => {
  it('catches doubled words, 、等 and dictionary confusions at their place', () => {
    const found = reported(
      typo,
      oneFinding('底册已清查清查，已与淼珠、楚林、美德福、等公司签订协议，巡查期间发现问题，有于土地问题未入驻。', '已完成。截止目前已整改。')
    )
    expect(found.map((entry) => entry.text.slice(0, 4))).toEqual(['清查清查', '、等公司', '巡查期间', '有于土地', '截止目前'])
    expect(found.at(-1)!.fixed).toBe('截至目前')
  })

  it('leaves 截至, 安全巡查, reduplications and `1、` alone', () => {
    const text = '截至目前，加强安全巡查，一个一个抓落实，层层压实责任，常常深入企业，按时开展主题党日活动。'
    expect(reported(typo, oneFinding(text, '已完成。1、建立台账；2、完善制度等。'))).toEqual([])
  })

  it('catches 的的 (not in 的的确确), doubled marks and doubled words of characters outside the BMP', () => {
    const found = reported(typo, oneFinding('他的的确确落实了，存在的的问题，，已整改。𠀀𠀁𠀀𠀁村道路硬化。'))
    expect(found.map((entry) => entry.message)).toEqual(['“的的”重复了一个“的”', '标点“，”重复了', '“𠀀𠀁𠀀𠀁”中的“𠀀𠀁”重复了：应为“𠀀𠀁”'])
  })

  it('leaves 锟斤拷锟斤拷 to the mojibake rule, and still sees a doubled word beside it', () => {
    const found = reported(typo, oneFinding('检查锟斤拷锟斤拷发现清查清查不到位。'))
    expect(found.map((entry) => entry.message)).toEqual(['“清查清查”中的“清查”重复了：应为“清查”'])
  })

  it('adds the site’s own entries to the dictionary', () => {
    const settings = site({ typos: [{ wrong: '伊川县产业区', right: '伊川县产业集聚区', reason: '本站的规范名称' }] })
    const { diagnostics } = run(oneFinding('伊川县产业区管委会。'), [typo], settings)
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['“伊川县产业区”应为“伊川县产业集聚区”：本站的规范名称'])
  })
})

describe('private-data', () => {
  // 11010519491231002X is the GB 11643 sample number; its check character is valid.
  it('catches an ID number with a valid check digit and a personal mobile number as errors', () => {
    const { diagnostics, files } = run(oneFinding('责任人张某，身份证号11010519491231002X，手机13812345678。'), [privateData])
    expect(diagnostics.map((diagnostic) => diagnostic.severity)).toEqual(['error', 'error'])
    expect(sourceAt(files, diagnostics[0]!, 18)).toBe('11010519491231002X')
    expect(sourceAt(files, diagnostics[1]!, 11)).toBe('13812345678')
    expect(diagnostics.every((diagnostic) => !diagnostic.message.includes('13812345678'))).toBe(true)
  })

  it('leaves 18-digit numbers with a wrong check digit, landlines, dates and amounts alone', () => {
    expect(isIdNumber('110105194912310021')).toBe(false)
    expect(isIdNumber('201941032900000077')).toBe(false)
    const fixture: Fixture = {
      ...oneFinding('备案号：201941032900000077，110105194912310021，电话68359030，0379-68359030，2021-03-05，共1,200元，13 12 45 678 90。'),
      closing: ['欢迎监督。', '联系电话：0379-68359030；邮箱：a@b.com。']
    }
    expect(reported(privateData, fixture)).toEqual([])
  })

  const mobiles: Array<[string, string]> = [
    ['spaces', '138 1234 5678'],
    ['ASCII dashes', '138-1234-5678'],
    ['full-width dashes', '138－1234－5678'],
    ['em dashes', '138—1234—5678'],
    ['en dashes and spaces', '138 – 1234 – 5678'],
    ['dots', '138.1234.5678'],
    ['no-break spaces', '138\u00a01234\u00a05678'],
    ['zero-width characters inside', '1381\u200b234\u200d5678'],
    ['a word joiner and a BOM inside', '138\u20601234\ufeff5678'],
    ['full-width digits', '１３８１２３４５６７８'],
    ['full-width digits and an ideographic space', '１３８\u3000１２３４\u3000５６７８'],
    ['a +86 prefix', '+86 138 1234 5678'],
    ['glued to Latin letters', 'Tel13812345678ext'],
    ['glued to a Latin x', 'abc13812345678x']
  ]
  for (const [name, written] of mobiles) {
    it(`catches a mobile number written with ${name}, in the body`, () => {
      const found = reported(privateData, { ...oneFinding(`可联系负责人${written}了解情况。`), raw: true })
      expect(found).toHaveLength(1)
      expect(found[0]?.message).toContain('138****5678')
    })
  }

  const ids: Array<[string, string]> = [
    ['spaces', '110105 19491231 002X'],
    ['dashes', '110105-19491231-002X'],
    ['zero-width characters inside', '110105\u200b19491231\u200b002X'],
    ['full-width digits and Ｘ', '１１０１０５１９４９１２３１００２Ｘ'],
    ['glued to Latin letters', 'ID11010519491231002Xabc'],
    ['a lower-case x', '11010519491231002x']
  ]
  for (const [name, written] of ids) {
    it(`catches an ID number written with ${name}`, () => {
      const found = reported(privateData, { ...oneFinding(`责任人身份证${written}。`), raw: true })
      expect(found.map((entry) => entry.message)).toEqual([expect.stringContaining('110105********002X')])
    })
  }

  it('catches numbers in every published frontmatter field of notice.md and of a finding', () => {
    const fixture: Fixture = {
      ...oneFinding('存在问题。'),
      yaml: `${[
        'signature: 县委办公室 138 1234 5678',
        'issuer: 县委办公室',
        'changes:',
        '  - { date: 2021-03-05, note: "补充：联系人手机１３９－１２３４－５６７８" }',
        'disclosure:',
        '  index: "11010519491231002X"',
        'keywords: [巡察, 13712345678]',
        'internal:',
        '  note: 起草人手机13612345678'
      ].join('\n')}\n`
    }
    fixture.findings = [finding('01', ['1、学习不够深入', '问题内容：存在问题。', '整改情况：已完成。'], 'responsible: 张某 135-1234-5678\n')]
    const found = reported(privateData, fixture)
    expect(found.map((entry) => [entry.file, entry.line])).toEqual([
      ['t/findings/01.md', 3],
      ['t/notice.md', 3],
      ['t/notice.md', 6],
      ['t/notice.md', 8],
      ['t/notice.md', 9]
    ])
    // internal: never published, so never reported
    expect(found.some((entry) => entry.message.includes('136****5678'))).toBe(false)
  })

  it('catches a mobile number in a closing line that is not a contact line, and one in a contact line not declared', () => {
    const found = reported(privateData, { findings: [], closing: ['如有意见，可找王主任 13812345678 反映。', '联系电话：13912345678；邮箱：a@b.com。'] })
    expect(found.map((entry) => entry.message)).toEqual([expect.stringContaining('138****5678'), expect.stringContaining('site.yml 的 privateData.allow')])
  })

  it('leaves numbers the site or the notice declares public alone anywhere, in any spelling', () => {
    const fixture: Fixture = {
      ...oneFinding('可拨打13812345678反映问题。'),
      yaml: 'contact:\n  phone: "138-1234-5678"\n',
      closing: ['联系电话：139 1234 5678。']
    }
    const { diagnostics } = run(fixture, [privateData], site({ privateData: { allow: ['+86 139-1234-5678'] } }))
    expect(diagnostics).toEqual([])
    // An allowed mobile number allows no ID number.
    const id = run(oneFinding('身份证11010519491231002X。'), [privateData], site({ privateData: { allow: ['11010519491231002X'] } }))
    expect(id.diagnostics).toHaveLength(1)
  })
})

describe('site settings and ignore entries', () => {
  const fixture: Fixture = {
    findings: [
      finding(
        '01',
        ['1、标题', '问题内容：底册已清查清查,有于资金问题。', '整改情况：已完成。'],
        'ignore:\n  - { rule: typo, text: 清查清查, reason: 原文如此 }\n'
      )
    ]
  }
  it('drops the one ignored text of a finding and keeps the rest', () => {
    const { diagnostics } = run(fixture, [typo])
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual(['“有于”应为“由于”：表示原因用“由于”'])
  })

  it('applies site.yml severities and turns rules off', () => {
    const { diagnostics } = run(fixture, [typo, punctuationWidth], site({ rules: { typo: 'off', 'punctuation-width': 'error' } }))
    expect(diagnostics.map((diagnostic) => `${diagnostic.rule}:${diagnostic.severity}`)).toEqual(['punctuation-width:error'])
  })
})
