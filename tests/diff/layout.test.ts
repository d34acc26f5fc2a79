import { describe, expect, it } from 'vitest'
import { planContent } from '../../src/load/layout.js'

describe('the content layout shared by the disk and git readers', () => {
  it('finds site.yml, notices and their parts, and reports what does not fit', () => {
    const plan = planContent([
      'site.yml',
      'README.md',
      '2021-x/notice.md',
      '2021-x/findings/01-02.md',
      '2021-x/findings/01-01.md',
      '2021-x/findings/photo.jpg',
      '2021-x/findings/.hidden.md',
      '2021-x/sections/01.md',
      '2021-x/other/notes.md',
      'Bad_Name/notice.md',
      'empty/findings/01.md',
      '.git/config'
    ])
    expect(plan.site).toBe('site.yml')
    expect(plan.notices).toEqual([
      {
        id: '2021-x',
        files: [
          { ref: '2021-x/notice.md', name: 'notice.md', kind: 'notice' },
          { ref: '2021-x/findings/01-01.md', name: '01-01.md', kind: 'finding' },
          { ref: '2021-x/findings/01-02.md', name: '01-02.md', kind: 'finding' },
          { ref: '2021-x/sections/01.md', name: '01.md', kind: 'section' }
        ]
      }
    ])
    expect(plan.problems.map((problem) => `${problem.ref} ${problem.severity}`)).toEqual(['2021-x/findings/photo.jpg warning', 'Bad_Name error', 'empty error'])
  })
})
