import { describe, expect, it } from 'vitest'
import { wellFormedText } from '../../src/render/well-formed.js'

describe('wellFormedText', () => {
  it('keeps a page that holds no unsafe character as it is, characters outside the BMP included', () => {
    const page = '<p>问题内容：\t𠀀姓名😀，已完成。</p>\n'
    expect(wellFormedText(page)).toBe(page)
  })

  it('drops controls, lone surrogates and noncharacters, in and outside the BMP', () => {
    expect(wellFormedText('甲\u0000乙\u0085丙\ufdd0丁\uffff')).toBe('甲乙丙丁')
    expect(wellFormedText('甲\ud800乙\udc00丙')).toBe('甲乙丙')
    expect(wellFormedText('甲\ud83f\udffe乙\udbff\udfff丙')).toBe('甲乙丙')
    expect(wellFormedText('𠀀\u0001')).toBe('𠀀')
  })
})
