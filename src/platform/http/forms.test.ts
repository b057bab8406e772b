import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { datesOutsideFiscalYear, f, validate } from './forms.js'

const opts = { lang: 'th' as const, labels: { score: 'คะแนน', when: 'วันที่', note: 'หมายเหตุ' } }

describe('field builders', () => {
  it('f.number reads Thai digits like the CSV does and states the range', () => {
    const s = z.object({ score: f.number({ min: 0, max: 100, maxDecimals: 2 }) })
    expect(validate(s, { score: '๙๐.๕' }, opts)).toMatchObject({ ok: true, data: { score: 90.5 } })
    expect(validate(s, { score: '๙๐.๕๐' }, opts)).toMatchObject({ ok: true, data: { score: 90.5 } })
    expect(validate(s, { score: '' }, opts)).toMatchObject({ ok: true, data: { score: null } })
    expect(validate(s, { score: '101' }, opts)).toMatchObject({ ok: false, errors: { score: 'คะแนนต้องเป็นตัวเลข 0 ถึง 100' } })
    expect(validate(s, { score: 'abc' }, opts)).toMatchObject({ ok: false, errors: { score: 'คะแนนต้องเป็นตัวเลข 0 ถึง 100' } })
    expect(validate(s, { score: '90.555' }, opts)).toMatchObject({ ok: false, errors: { score: 'คะแนนมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง' } })
  })

  it('f.thaiDate stores C.E. and refuses a C.E. year, suggesting the พ.ศ. day', () => {
    const s = z.object({ when: f.thaiDate() })
    expect(validate(s, { when: '15/03/2567' }, opts)).toMatchObject({ ok: true, data: { when: '2024-03-15' } })
    expect(validate(s, { when: '2567-03-15' }, opts)).toMatchObject({ ok: true, data: { when: '2024-03-15' } })
    const r = validate(s, { when: '2024-03-15' }, opts)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.when).toBe('วันที่: ปี 2024 เป็นปี ค.ศ. ระบบรับปี พ.ศ. เท่านั้น ถ้าหมายถึง 15/03/2567 กรุณากรอกแบบนั้น')
  })

  it('a text over its limit says the limit and the length, and keeps the text', () => {
    const s = z.object({ note: f.text(5000) })
    const long = 'ก'.repeat(100_000)
    const r = validate(s, { note: long }, opts)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors.note).toBe('หมายเหตุยาวเกิน 5,000 ตัวอักษร (กรอกไว้ 100,000 ตัวอักษร) ข้อความยังอยู่ในช่อง กรุณาตัดให้สั้นลงแล้วบันทึกอีกครั้ง')
      expect(r.values.note).toBe(long)
    }
  })
})

describe('datesOutsideFiscalYear', () => {
  const check = { year: 2567, fields: ['when'] }
  it('lets dates inside the fiscal year through (1 ต.ค. 2566 – 30 ก.ย. 2567)', () => {
    expect(datesOutsideFiscalYear({ when: '1/10/2566' }, check, opts)).toEqual({})
    expect(datesOutsideFiscalYear({ when: '30/9/2567' }, check, opts)).toEqual({})
    expect(datesOutsideFiscalYear({ when: 'not a date' }, check, opts)).toEqual({})
  })
  it('asks about a date outside, until that very date is confirmed', () => {
    const e = datesOutsideFiscalYear({ when: '1/10/2567' }, check, { ...opts, thaiDigits: true })
    expect(e.when).toBe('วันที่ ๑ ตุลาคม ๒๕๖๗ อยู่นอกปีงบประมาณ ๒๕๖๗ (๑ ตุลาคม ๒๕๖๖ ถึง ๓๐ กันยายน ๒๕๖๗) ถ้าถูกต้องแล้ว ให้เลือก “ยืนยันวันที่นี้” ใต้ช่อง แล้วบันทึกอีกครั้ง')
    expect(datesOutsideFiscalYear({ when: '1/10/2567', when_confirm: '2024-10-01' }, check, opts)).toEqual({})
    // A confirmation of another date does not carry over.
    expect(datesOutsideFiscalYear({ when: '2/10/2567', when_confirm: '2024-10-01' }, check, opts).when).toBeDefined()
  })
})
