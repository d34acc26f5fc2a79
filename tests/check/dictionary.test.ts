import { describe, expect, it } from 'vitest'
import { confusions } from '../../src/validate/rules/typo-dictionary.js'
import { dictionary, findTypos } from '../../src/validate/rules/typo.js'
import { site } from './notice-fixture.js'

describe('the confusion dictionary', () => {
  const entries = dictionary(site())

  it('ships at least 40 entries, each with a reason, a caught example and a correct look-alike', () => {
    expect(confusions.length).toBeGreaterThanOrEqual(40)
    for (const entry of confusions) {
      expect(entry.reason.length, entry.wrong).toBeGreaterThan(4)
      expect(entry.example, entry.wrong).toContain(entry.wrong)
      expect(entry.lookAlike.length, entry.wrong).toBeGreaterThan(0)
      expect(entry.wrong, entry.wrong).not.toBe(entry.right)
    }
    expect(new Set(confusions.map((entry) => entry.wrong)).size).toBe(confusions.length)
  })

  for (const entry of confusions) {
    it(`${entry.wrong} → ${entry.right}: catches the example and leaves the look-alike alone`, () => {
      const caught = findTypos(entry.example, entries).filter((finding) => finding.text === entry.wrong)
      expect(caught).toHaveLength(1)
      expect(caught[0]!.offset).toBe(entry.example.indexOf(entry.wrong))
      expect(caught[0]!.message).toContain(entry.right)
      expect(findTypos(entry.lookAlike, entries)).toEqual([])
    })
  }

  it('never fires on the right form of any entry', () => {
    for (const entry of confusions)
      expect(
        findTypos(`要求${entry.right}。`, entries).filter((finding) => finding.text === entry.wrong),
        entry.right
      ).toEqual([])
  })
})
