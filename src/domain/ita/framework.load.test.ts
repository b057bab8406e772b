import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FrameworkFileError, listFrameworkYears, loadAllFrameworks, loadFramework, parseFrameworkJson } from './framework.load.js'
import type { Framework } from './framework.schema.js'

const YEARS = [2566, 2567, 2568] as const
/** Every shipped file, read from the folder: a new file is loaded here without editing the test. */
let SHIPPED: number[] = []
let frameworks: Map<number, Framework>
const fw = (y: number): Framework => frameworks.get(y)!
const clone = (y: number): Framework => structuredClone(fw(y))

/** Parses a modified copy and returns its errors (the copy must be invalid). */
function errorsOf(f: unknown): string[] {
  const r = parseFrameworkJson(JSON.stringify(f))
  if (r.ok) throw new Error('expected the framework to be rejected')
  return r.errors
}

beforeAll(async () => {
  frameworks = await loadAllFrameworks()
  SHIPPED = await listFrameworkYears()
})

describe('built-in framework files', () => {
  it('are listed for 2566–2569 and every shipped file validates', async () => {
    expect(SHIPPED).toEqual(expect.arrayContaining([...YEARS, 2569]))
    expect(SHIPPED.length).toBeGreaterThanOrEqual(4)
    for (const y of SHIPPED) {
      const f = await loadFramework(y)
      expect(f.fiscalYear).toBe(y)
      expect(frameworks.get(y)).toEqual(f)
    }
  })

  it('every shipped file states its rounding order and keeps a source for it', () => {
    for (const y of SHIPPED) {
      const f = fw(y)
      expect([y, f.rounding.order, f.rounding.decimals, f.rounding.mode]).toEqual([y, 'weighted_tools_then_sum', 2, 'half_up'])
      expect(f.rounding.source.length).toBeGreaterThan(10)
    }
  })

  it('2566: EIT has two parts whose weights were not found (null, unknown) and ผ่านดี checks the parts', () => {
    const f = fw(2566)
    const parts = f.tools.eit.parts!
    expect(parts.map((p) => [p.code, p.nameTh, p.weight.percent, p.weight.confidence])).toEqual([
      ['eit.1', 'EIT ส่วนที่ 1', null, 'unknown'],
      ['eit.2', 'EIT ส่วนที่ 2', null, 'unknown'],
    ])
    expect(f.ratings!.find((r) => r.rating === 'good')?.minEachToolAppliesTo).toBe('tool_parts')
    for (const y of [2567, 2568]) expect(fw(y).tools.eit.parts).toBeUndefined()
  })

  it('2569: a draft of what is known — RTRDA headings kept with their source, no rating rule, rest carried and uncertain', () => {
    const f = fw(2569)
    expect(f.status).toBe('draft')
    expect(f.ratings).toBeUndefined()
    expect(f.oitItems.map((o) => o.code)).toEqual(Array.from({ length: 26 }, (_, i) => `O${i + 1}`))
    const o25 = f.oitItems.find((o) => o.code === 'O25')!
    expect([o25.titleTh, o25.confidence]).toEqual(['การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร', 'low'])
    expect(o25.source).toMatch(/rtrdasmartrailway/)
    for (const code of ['O2', 'O4', 'O9']) expect(f.oitItems.find((o) => o.code === code)).toMatchObject({ titleTh: null, confidence: 'unknown' })
    expect(f.tools.oit.weight).toMatchObject({ percent: 40, confidence: 'uncertain' })
    expect(f.tools.oit.weight.note).toMatch(/Carried over from 2568/)
    expect(f.levels.every((b) => b.confidence === 'uncertain')).toBe(true)
  })

  it.each(YEARS)('%i: tools IIT/EIT/OIT weigh 30/30/40 and own indicators 1–5, 6–8, 9–10', (y) => {
    const f = fw(y)
    expect([f.tools.iit.weight.percent, f.tools.eit.weight.percent, f.tools.oit.weight.percent]).toEqual([30, 30, 40])
    expect(f.indicators.map((i) => `${i.number}:${i.tool}`)).toEqual(['1:iit', '2:iit', '3:iit', '4:iit', '5:iit', '6:eit', '7:eit', '8:eit', '9:oit', '10:oit'])
    expect(f.indicators.find((i) => i.number === 9)?.nameTh).toBe('การเปิดเผยข้อมูล')
    expect(f.passThreshold.score).toBe(85)
    expect(f.questionItems.map((q) => q.code)).toEqual(Array.from({ length: 30 }, (_, i) => `i${i + 1}`))
  })

  it.each(YEARS)('%i: every rule carries a confidence and a source', (y) => {
    let rules = 0
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk)
      if (v === null || typeof v !== 'object') return
      const o = v as Record<string, unknown>
      if ('confidence' in o) {
        rules++
        expect(typeof o.source === 'string' && o.source.length > 0).toBe(true)
      }
      Object.values(o).forEach(walk)
    }
    walk(fw(y))
    expect(rules).toBeGreaterThan(50)
  })

  it('2566: 43 OIT items grouped 10/8/4/4/4 and 11/2, with O42/O43 as the integrity measures', () => {
    const f = fw(2566)
    expect(f.oitItems).toHaveLength(43)
    const sizes = (n: number) => f.indicators.find((i) => i.number === n)!.subIndicators.map((s) => f.oitItems.filter((o) => o.subIndicator === s.code).length)
    expect(sizes(9)).toEqual([10, 8, 4, 4, 4])
    expect(sizes(10)).toEqual([11, 2])
    expect(f.oitItems.find((o) => o.code === 'O43')?.titleTh).toBe('การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน')
    expect(f.oitItems.find((o) => o.code === 'O22')?.evidence.documentFiscalYear?.relative).toBe('previous')
    expect(f.levels.every((b) => b.confidence === 'high')).toBe(true)
  })

  it('2567 keeps the material\'s "assumed same as 2566" marks', () => {
    const o6 = fw(2567).oitItems.find((o) => o.code === 'O6')!
    expect(o6.confidence).toBe('uncertain')
    expect(o6.note).toMatch(/assumed same as 2566/i)
    expect(fw(2567).oitItems.find((o) => o.code === 'O1')?.confidence).toBe('medium')
  })

  it('2568: 26 items, unknown titles stay null, annual reports are for the previous year', () => {
    const f = fw(2568)
    expect(f.oitItems).toHaveLength(26)
    for (const code of ['O2', 'O5', 'O6', 'O7']) {
      const o = f.oitItems.find((x) => x.code === code)!
      expect([o.titleTh, o.confidence]).toEqual([null, 'unknown'])
    }
    expect(f.oitItems.find((o) => o.code === 'O1')?.titleTh).toBe('โครงสร้างและอำนาจหน้าที่')
    expect(f.oitItems.find((o) => o.code === 'O13')?.evidence.documentFiscalYear).toMatchObject({ relative: 'previous', confidence: 'medium' })
    expect(f.tools.oit.weight.confidence).toBe('low_medium')
    expect(f.levels.every((b) => b.confidence === 'uncertain')).toBe(true)
  })

  it('IIT items keep the 2564 answer scores, including i11\'s reversed sub-item and yes/no items', () => {
    const q = (code: string) => fw(2566).questionItems.find((x) => x.code === code)!
    expect(q('i9').answerScores).toEqual([100, 67, 33, 0])
    expect(q('i11').subItems[1]?.answerScores).toEqual([100, 67, 33, 0])
    expect([q('i4').answerScale, q('i4').answerScores]).toEqual(['yes_no', [0, 100]])
    expect(q('i26').answerScores).toEqual([100, 0])
    expect(fw(2566).answerScales?.yes_no?.labelsTh).toEqual(['มี', 'ไม่มี'])
  })
})

describe('parseFrameworkJson (admin upload)', () => {
  it('accepts a valid file and can insist on the fiscal year', () => {
    const text = JSON.stringify(fw(2566))
    expect(parseFrameworkJson(text)).toMatchObject({ ok: true, framework: { fiscalYear: 2566 } })
    expect(parseFrameworkJson(text, { fiscalYear: 2567 })).toEqual({
      ok: false,
      errors: ['fiscalYear: ไฟล์นี้เป็นกรอบการประเมินปี 2566 ไม่ใช่ปี 2567'],
    })
  })

  it('rejects text that is not JSON', () => {
    const r = parseFrameworkJson('{ "fiscalYear": 2566, ')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]).toMatch(/^ไฟล์ไม่ใช่ JSON ที่ถูกต้อง/)
  })

  it('names every missing field by path, in Thai', () => {
    const errors = errorsOf({ fiscalYear: 2569 })
    expect(errors).toContain('version: ไม่มีข้อมูลนี้ (ต้องระบุ)')
    expect(errors).toContain('tools: ไม่มีข้อมูลนี้ (ต้องระบุ)')
    expect(errors).toContain('levels: ไม่มีข้อมูลนี้ (ต้องระบุ)')
    expect(errorsOf({ fiscalYear: '2569' })).toContain('fiscalYear: ชนิดข้อมูลไม่ถูกต้อง ต้องเป็นตัวเลข')
  })

  it('rejects weights that do not add up to 100', () => {
    const f = clone(2566)
    f.tools.oit.weight.percent = 50
    expect(errorsOf(f)).toContain('tools: น้ำหนักของแบบวัดรวมกันต้องเท่ากับ 100 (ได้ 110)')
  })

  it('rejects a gap between level bands, naming the band', () => {
    const f = clone(2567)
    const b = f.levels.find((x) => x.level === 'B')!
    b.max = 84.98
    const i = f.levels.indexOf(b)
    expect(errorsOf(f)).toEqual([`levels[${i}].max: ระดับ B ต้องสิ้นสุดที่ 84.99 ให้ต่อกับระดับ A โดยไม่มีช่องว่างหรือซ้อนกัน`])
  })

  it('rejects scores with more than two decimals, unknown levels, keys and confidence marks', () => {
    const f = clone(2566) as unknown as Record<string, unknown> & Framework
    f.passThreshold.score = 85.005
    ;(f.levels[0] as { level: string }).level = 'AAA'
    ;(f.ratings![0] as { confidence: string }).confidence = 'sure'
    ;(f.tools.iit as Record<string, unknown>).wieght = 30
    const errors = errorsOf(f)
    expect(errors).toContain('passThreshold.score: คะแนนต้องมีทศนิยมไม่เกิน 2 ตำแหน่ง')
    expect(errors).toContain('levels[0].level: ค่าต้องเป็นหนึ่งใน: AA, A, B, C, D, E, F')
    expect(errors.some((e) => e.startsWith('ratings[0].confidence: ค่าต้องเป็นหนึ่งใน: high'))).toBe(true)
    expect(errors).toContain('tools.iit: มีช่องข้อมูลที่ไม่รู้จัก: wieght')
  })

  it('rejects broken cross-references between items, indicators and tools', () => {
    const f = clone(2566)
    f.oitItems[0]!.subIndicator = '9.9'
    f.oitItems[1]!.indicator = 3
    f.questionItems[0]!.tool = 'eit'
    f.indicators[9]!.tool = 'iit'
    const errors = errorsOf(f)
    expect(errors).toContain('oitItems[0].subIndicator: ข้อ O1 อ้างถึงตัวชี้วัดย่อย 9.9 ที่ไม่มีในตัวชี้วัดที่ 9')
    expect(errors).toContain('oitItems[1].indicator: ข้อ O2 อ้างถึงตัวชี้วัดที่ 3 ซึ่งไม่ใช่ตัวชี้วัดของ OIT')
    expect(errors).toContain('questionItems[0].code: ข้อ i1 ไม่ตรงกับแบบวัด EIT')
    expect(errors.some((e) => e.startsWith('oitItems[') && e.includes('ตัวชี้วัดที่ 10'))).toBe(true)
  })

  it('rejects rating rules that leave some totals without a rating', () => {
    const f = clone(2568)
    f.ratings!.pop()
    expect(errorsOf(f)).toEqual(['ratings[3]: เกณฑ์สุดท้ายต้องครอบคลุมคะแนนตั้งแต่ 0 โดยไม่มีเงื่อนไขรายแบบวัด'])
  })

  it('accepts a year without rating rules (2564 and earlier had none) and requires the rounding order', () => {
    const f = clone(2566) as Partial<Framework>
    delete f.ratings
    f.fiscalYear = 2564
    expect(parseFrameworkJson(JSON.stringify(f))).toMatchObject({ ok: true, framework: { fiscalYear: 2564 } })
    delete f.rounding
    expect(errorsOf(f)).toEqual(['rounding: ไม่มีข้อมูลนี้ (ต้องระบุ)'])
  })

  it('checks tool parts: codes of their tool, weights all known adding up to 100 or all null', () => {
    const f = clone(2566)
    const parts = f.tools.eit.parts!
    parts[0]!.weight.percent = 60
    expect(errorsOf(f)).toEqual(['tools.eit.parts: น้ำหนักของส่วนในแบบวัด EIT ต้องระบุทุกส่วนหรือเป็น null ทุกส่วน'])
    parts[1]!.weight.percent = 30
    expect(errorsOf(f)).toEqual(['tools.eit.parts: น้ำหนักของส่วนต่าง ๆ ในแบบวัด EIT รวมกันต้องเท่ากับ 100 (ได้ 90)'])
    parts[1]!.weight.percent = 40
    parts[1]!.code = 'iit.2'
    expect(errorsOf(f)).toEqual(['tools.eit.parts[1].code: ส่วน iit.2 ไม่ใช่ส่วนของแบบวัด EIT'])
    const g = clone(2567)
    g.ratings![1]!.minEachToolAppliesTo = 'tool_parts'
    expect(errorsOf(g)).toEqual(['ratings[1].minEachToolAppliesTo: เกณฑ์ good ตรวจรายส่วนของแบบวัด แต่ไม่มีแบบวัดใดแบ่งเป็นส่วน (tools.*.parts)'])
  })
})

describe('loadFramework errors', () => {
  let dir: string
  let dirUrl: URL
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'prongsai-frameworks-'))
    dirUrl = pathToFileURL(dir + '/')
    const bad = clone(2566)
    bad.fiscalYear = 2599
    bad.tools.oit.weight.percent = 41
    bad.indicators[0]!.nameTh = ''
    writeFileSync(join(dir, '2599.json'), JSON.stringify(bad))
    writeFileSync(join(dir, '2600.json'), '{ broken')
    writeFileSync(join(dir, 'README.md'), 'not a framework')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('lists only <year>.json files', async () => {
    expect(await listFrameworkYears(dirUrl)).toEqual([2599, 2600])
  })

  it('names the file and each Zod issue path when a file is invalid', async () => {
    const err = await loadFramework(2599, dirUrl).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(FrameworkFileError)
    const e = err as FrameworkFileError
    expect(e.kind).toBe('invalid')
    expect(e.message).toContain(join(dir, '2599.json'))
    expect(e.message).toContain('indicators[0].nameTh')
    expect(e.message).toContain('tools: น้ำหนักของแบบวัดรวมกันต้องเท่ากับ 100 (ได้ 101)')
    await expect(loadFramework(2600, dirUrl)).rejects.toThrow(/2600\.json[\s\S]*ไม่ใช่ JSON/)
  })

  it('says which years exist when a year has no file', async () => {
    await expect(loadFramework(2601, dirUrl)).rejects.toThrow(/2601\.json.*available years: 2599, 2600/)
  })
})
