import { describe, expect, it } from 'vitest'
import { reporterCredited } from '../../../../plugins/house-style/src/rules/reporter-credited'
import { check, cleanStory, draft } from './stories'

describe('reporter-credited', () => {
  it('requires a credit', () => {
    const [found] = check(reporterCredited, draft({ credits: [] }))
    expect(found).toMatchObject({ ruleId: 'reporter-credited', severity: 'error', location: { field: 'credits' } })
    expect(found.message.en).toContain('no credits')
  })

  it('says that other roles do not stand in for a reporter', () => {
    const [found] = check(
      reporterCredited,
      draft({
        credits: [
          { name: '王五', role: 'correspondent' },
          { name: '赵六', role: 'editor' },
        ],
      }),
    )
    expect(found.message.zh).toContain('通讯员')
    expect(found.message.en).toContain('add a credit with the role "reporter"')
  })

  it('ignores a reporter credit with a blank name', () => {
    expect(check(reporterCredited, draft({ credits: [{ name: '  ', role: 'reporter' }] }))).toHaveLength(1)
  })

  it('accepts any story with a named reporter', () => {
    expect(check(reporterCredited, cleanStory)).toEqual([])
    expect(
      check(
        reporterCredited,
        draft({
          credits: [
            { name: '王五', role: 'correspondent' },
            { name: '李四', role: 'reporter' },
          ],
        }),
      ),
    ).toEqual([])
  })
})
