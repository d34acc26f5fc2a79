/**
 * processNotice, the work for one notice: the status phrases of the site it is given (as loadSite
 * resolved it) decide the statuses, whichever site was processed before.
 */
import { describe, expect, it } from 'vitest'
import { processNotice } from '../../src/engine/process.js'
import { loadSite } from '../../src/load/site.js'
import { fixtureFiles } from '../check/notice-fixture.js'

const source = {
  id: 't',
  files: fixtureFiles({ findings: [{ name: '01', id: '1', lines: ['一、会议记录不全', '问题内容：会议记录不全。', '整改情况：已清零。'] }] })
}

describe('processNotice', () => {
  it('reads statuses with the phrases of the site it is given', () => {
    const plain = loadSite(undefined).site
    const extended = loadSite({ path: 'site.yml', text: 'statusPhrases:\n  已清零: done\n' }).site
    const other = loadSite({ path: 'site.yml', text: 'statusPhrases:\n  已清零: in_progress\n' }).site
    expect(processNotice(source, plain, undefined).entry.done).toBe(0)
    expect(processNotice(source, extended, undefined).entry.done).toBe(1)
    expect(processNotice(source, other, undefined).entry.done).toBe(0)
    expect(processNotice(source, plain, undefined).entry.done).toBe(0)
  })
})
