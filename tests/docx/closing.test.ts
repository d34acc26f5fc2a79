/**
 * The 落款 of the Word file, placed as GB/T 9704 7.3.5 and the print page place it: by the
 * signature's edges where the rule speaks of the signature, by the right edge where it speaks of
 * the date's right space, so that a font standing in for 仿宋_GB2312 moves nothing that matters.
 */
import { describe, expect, it } from 'vitest'
import { importText } from '../../src/import/import.js'
import type { LoadedNotice } from '../../src/load/notice.js'
import { loadImported } from '../helpers/import-notice.js'
import type { ClosingPlace } from '../../src/render/docx/model.js'
import { renderDocxModel } from '../../src/render/site.js'

const body = ['一、关于党的建设方面', '1.学习制度落实不到位。', '问题内容：中心组学习次数不足。', '整改情况：已完成。']

function notice(closing: string[], sealed = false): LoadedNotice {
  const outcome = importText([...body, ...closing, ''].join('\n'), 'n')
  if (!outcome.ok) throw new Error(outcome.message)
  const files = outcome.files.map((file) =>
    file.path === 'notice.md' && sealed ? { ...file, text: file.text.replace(/^---\n/u, '---\nprint:\n  sealed: true\n') } : file
  )
  return loadImported('n', files)
}

function places(loaded: LoadedNotice): { signature?: ClosingPlace; date?: ClosingPlace } {
  const out: { signature?: ClosingPlace; date?: ClosingPlace } = {}
  for (const block of renderDocxModel(loaded).blocks) if (block.kind === 'signature' || block.kind === 'date') out[block.kind] = block.place
  return out
}

describe('the 落款 of the Word file', () => {
  it('without a seal: the signature 右空二字, the date from the left so that it starts 2 characters right of the signature', () => {
    // 中共某某县水利局党组: 10 characters, so it starts 28 − 2 − 10 = 16 characters in; the date 2 further.
    expect(places(notice(['中共某某县水利局党组', '2024年3月8日']))).toEqual({ signature: { right: 2 }, date: { left: 18 } })
  })

  it('without a seal, a date longer than the signature: the date 右空二字, the signature centred over it', () => {
    const placed = places(notice(['某某局党组', '2024年12月18日']))
    expect(placed.date).toEqual({ right: 2 })
    // 2024年12月18日 is 7 characters: its centre 2 + 3.5 from the right; the box around it holds the longer line and a character each side.
    expect(placed.signature).toEqual({ centre: { left: 28 - 5.5 - 4.5, right: 5.5 - 4.5 } })
  })

  it('sealed: the date 右空四字 with the signature centred over it', () => {
    const placed = places(notice(['某某县水利局党组', '2024年3月8日'], true))
    expect(placed.date).toEqual({ right: 4 })
    // The date 6 characters (its digits half-width): its centre 7 from the right; the signature 8 characters, the box 10.
    expect(placed.signature).toEqual({ centre: { left: 28 - 7 - 5, right: 7 - 5 } })
  })

  it('sealed, a signature too long to centre over a date 右空四字: the signature 右空二字, the date centred under it', () => {
    const placed = places(notice(['中共伊川县产业集聚区工作委员会', '2021年4月15日'], true))
    expect(placed.signature).toEqual({ right: 2 })
    expect(placed.date).toEqual({ centre: { left: 28 - 9.5 - 8.5, right: 9.5 - 8.5 } })
  })

  it('a date alone: 右空四字', () => {
    expect(places(notice(['2024年3月8日']))).toEqual({ date: { right: 4 } })
  })
})
