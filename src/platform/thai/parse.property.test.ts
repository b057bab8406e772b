import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseThaiDate, toIsoDate } from './dates.js'
import { parseThaiNumber, toThaiDigits } from './numerals.js'
import { daysInMonth } from './calendar.js'

// Property tests of the two readers of typed input: dates in พ.ศ. and numbers (forms and CSV alike).

const MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม']
const SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.']

/** A real calendar day with its B.E. year between 2400 and 2700 (the parser's default range). */
const day = fc
  .record({ yearBe: fc.integer({ min: 2400, max: 2700 }), month: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ yearBe, month, d }) => d <= daysInMonth(yearBe - 543, month))
const pad = (n: number) => String(n).padStart(2, '0')
const iso = ({ yearBe, month, d }: { yearBe: number; month: number; d: number }) => `${yearBe - 543}-${pad(month)}-${pad(d)}`

/** Every way staff write a day, given the day. */
const written = day.chain((x) =>
  fc
    .constantFrom(
      `${pad(x.d)}/${pad(x.month)}/${x.yearBe}`,
      `${x.d}/${x.month}/${x.yearBe}`,
      `${x.d}.${x.month}.${x.yearBe}`,
      `${x.d}-${x.month}-${x.yearBe}`,
      `${x.yearBe}-${pad(x.month)}-${pad(x.d)}`,
      `${x.d} ${MONTHS[x.month - 1]} ${x.yearBe}`,
      `${x.d} ${SHORT[x.month - 1]} ${x.yearBe}`,
      `${x.d} ${SHORT[x.month - 1]} พ.ศ. ${x.yearBe}`,
      `  ${x.d}   ${MONTHS[x.month - 1]}   ${x.yearBe} `,
    )
    .chain((s) => fc.constantFrom(s, toThaiDigits(s)))
    .map((text) => ({ x, text })),
)

describe('parseThaiDate (property)', () => {
  it('reads every way staff write a พ.ศ. day as that C.E. day', () => {
    fc.assert(
      fc.property(written, ({ x, text }) => {
        const r = parseThaiDate(text)
        expect(r.ok && toIsoDate(r.date)).toBe(iso(x))
      }),
      { numRuns: 2000 },
    )
  })

  it('never stores a B.E. year as a C.E. one: the stored year is always the typed year − 543', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (a, b) => {
        for (const text of [a, b, `${a}/${b}`]) {
          const r = parseThaiDate(text)
          if (r.ok) expect(r.date.year + 543).toBeGreaterThanOrEqual(2400)
        }
      }),
    )
  })

  it('two-digit years are พ.ศ. 25xx ("15 มี.ค. 67" is 2024-03-15)', () => {
    fc.assert(
      fc.property(day.filter((x) => x.yearBe >= 2500 && x.yearBe <= 2599), (x) => {
        const r = parseThaiDate(`${x.d} ${SHORT[x.month - 1]} ${String(x.yearBe).slice(2)}`)
        expect(r.ok && toIsoDate(r.date)).toBe(iso(x))
      }),
    )
    const r = parseThaiDate('15 มี.ค. 67')
    expect(r.ok && toIsoDate(r.date)).toBe('2024-03-15')
  })

  it('refuses a C.E.-looking year and suggests the same day in พ.ศ.', () => {
    fc.assert(
      fc.property(day.filter((x) => x.yearBe - 543 >= 1900 && x.yearBe - 543 <= 2157 && x.yearBe - 543 < 2400), (x) => {
        const ce = x.yearBe - 543
        const r = parseThaiDate(`${x.d}/${x.month}/${ce}`)
        expect(r.ok).toBe(false)
        if (!r.ok) {
          expect(r.error).toBe('year_looks_ce')
          expect(r.suggestion).toBe(`${pad(x.d)}/${pad(x.month)}/${x.yearBe}`)
        }
      }),
    )
    expect(parseThaiDate('2024-03-15')).toMatchObject({ ok: false, error: 'year_looks_ce', suggestion: '15/03/2567' })
  })

  it('refuses days that do not exist and never throws on any text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2400, max: 2700 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 99 }), (y, m, d) => {
        const r = parseThaiDate(`${d}/${m}/${y}`)
        expect(r.ok).toBe(d <= daysInMonth(y - 543, m))
      }),
    )
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => void parseThaiDate(s)))
  })

  it('the worked examples of the issue', () => {
    for (const text of ['15/03/2567', '๑๕/๐๓/๒๕๖๗', '15 มี.ค. 67', '15 มีนาคม 2567', '2567-03-15']) {
      const r = parseThaiDate(text)
      expect(r.ok && toIsoDate(r.date), text).toBe('2024-03-15')
    }
  })
})

describe('parseThaiNumber (property)', () => {
  const decimal = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => ({ n: i + f / 100, text: `${i}.${pad(f)}` }))

  it('reads Thai and Arabic digits alike, with or without thousands commas', () => {
    fc.assert(
      fc.property(decimal, ({ n, text }) => {
        expect(parseThaiNumber(text)).toBeCloseTo(n, 9)
        expect(parseThaiNumber(toThaiDigits(text))).toBeCloseTo(n, 9)
        const grouped = text.replace(/^(\d+)/, (i) => Number(i).toLocaleString('en-US'))
        expect(parseThaiNumber(` ${toThaiDigits(grouped)} `)).toBeCloseTo(n, 9)
      }),
    )
    expect(parseThaiNumber('๙๐.๕')).toBe(90.5)
    expect(parseThaiNumber('๙๐.๕๐')).toBe(90.5)
  })

  it('refuses what is not plainly a number, and more decimals than allowed', () => {
    for (const bad of ['', ' ', 'abc', '1e3', '0x10', '12abc', '๙๐,๕', '1,23', '1.2.3', '.5', '5.', 'Infinity', 'NaN', '--1']) expect(parseThaiNumber(bad), bad).toBeNull()
    expect(parseThaiNumber('-1')).toBeNull()
    expect(parseThaiNumber('-1', { negative: true })).toBe(-1)
    expect(parseThaiNumber('90.555', { maxDecimals: 2 })).toBeNull()
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => {
      const n = parseThaiNumber(s)
      if (n !== null) expect(Number.isFinite(n)).toBe(true)
    }))
  })
})
