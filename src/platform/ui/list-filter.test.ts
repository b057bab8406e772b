import { describe, expect, it } from 'vitest'
import { listFilter } from './list-filter.js'

describe('listFilter', () => {
  it('keeps the filters set, in order, on every page link; page 1 has no page parameter', () => {
    const f = listFilter('/o/x/admin/surveys', { q: 'ภาษี & ค่าธรรมเนียม', fy: '2566', status: '', unit: '' })
    expect(f.filtered).toBe(true)
    expect(f.href(1)).toBe('/o/x/admin/surveys?q=%E0%B8%A0%E0%B8%B2%E0%B8%A9%E0%B8%B5+%26+%E0%B8%84%E0%B9%88%E0%B8%B2%E0%B8%98%E0%B8%A3%E0%B8%A3%E0%B8%A1%E0%B9%80%E0%B8%99%E0%B8%B5%E0%B8%A2%E0%B8%A1&fy=2566')
    expect(f.href(3)).toMatch(/&fy=2566&page=3$/)
    expect(f.values).toEqual({ q: 'ภาษี & ค่าธรรมเนียม', fy: '2566', status: '', unit: '' })
  })
  it('without filters: the bare list address, not filtered', () => {
    const f = listFilter('/l', { q: '', fy: '' })
    expect([f.filtered, f.href(1), f.href(2)]).toEqual([false, '/l', '/l?page=2'])
  })
})
