import { describe, expect, it } from 'vitest'
import { recognitionKey } from '../../src/structure/recognise.js'

describe('recognitionKey', () => {
  it('is the text itself when nothing in it changes', () => {
    const text = '1、产业集聚区未设置纪工委，2018年至今无纪工委书记。'
    expect(recognitionKey(text)).toBe(text)
  })

  it('reads full-width digits as ASCII digits, wherever they stand in the line', () => {
    expect(recognitionKey('１．整改情况：已完成')).toBe('1．整改情况：已完成')
    expect(recognitionKey('截至目前，共反馈问题１２个')).toBe('截至目前，共反馈问题12个')
    for (let digit = 0; digit <= 9; digit++) expect(recognitionKey(`第${String.fromCharCode(0xff10 + digit)}项`)).toBe(`第${digit}项`)
  })

  it('reads the traditional form of a recognised word as simplified, keeping the length', () => {
    const text = '問題內容：未定期分析研判意識形態領域情況。'
    const key = recognitionKey(text)
    expect(key.startsWith('问题内容：')).toBe(true)
    expect(key).toHaveLength(text.length)
  })

  it('changes both in one line, after a character outside the BMP', () => {
    expect(recognitionKey('𠀀整改情況：２０２１年已完成')).toBe('𠀀整改情况：2021年已完成')
  })
})
