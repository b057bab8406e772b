import { describe, expect, it } from 'vitest'
import { joinLexiconWords, segmentWords, thaiLexicon, thaiLinePieces, toSearchText, unbreakableUnits } from './segment.js'

describe('Thai word segmentation', () => {
  it('splits Thai words and drops spaces and punctuation', () => {
    const words = segmentWords('การจัดซื้อจัดจ้าง ประจำปี 2566 (ITA)!')
    expect(words).toContain('จัด')
    expect(words).toContain('2566')
    expect(words).toContain('ITA')
    expect(words.every((w) => /\S/.test(w) && !/[ ()!]/.test(w))).toBe(true)
    expect(words.join('')).toBe('การจัดซื้อจัดจ้างประจำปี2566ITA')
  })
  it('produces lowercase space-joined text for to_tsvector', () => {
    expect(toSearchText('Report  ITA')).toBe('report ita')
    expect(toSearchText('ทุจริต')).toBe('ทุจริต')
    expect(toSearchText('  ')).toBe('')
  })
  it('treats differently ordered combining marks alike', () => {
    // ปู่ typed as tone mark before vowel below; NFC reorders it.
    expect(toSearchText('\u0E1B\u0E48\u0E39')).toBe(toSearchText('\u0E1B\u0E39\u0E48'))
  })
})

describe('line pieces (break opportunities)', () => {
  it('cuts between Thai words only, keeping punctuation with its word', () => {
    expect(thaiLinePieces('เจ้าหน้าที่ประชาสัมพันธ์')).toEqual(['เจ้า', 'หน้าที่', 'ประชาสัมพันธ์'])
    const p = thaiLinePieces('ทุกกอง/ สำนักปลัดฯ')
    expect(p.join('')).toBe('ทุกกอง/ สำนักปลัดฯ')
    expect(p.some((x) => x.startsWith('ฯ'))).toBe(false)
    expect(thaiLinePieces('สำนักปลัดฯ')).toEqual(['สำนักปลัดฯ'])
    expect(thaiLinePieces('แอดมินของหน่วยงาน')).toEqual(['แอดมิน', 'ของ', 'หน่วย', 'งาน'])
    expect(thaiLinePieces('เทศบาลตำบลพนมรุ้ง')).toContain('พนม')
    expect(thaiLinePieces('เทศบาลตำบลพนมรุ้ง', thaiLexicon(['พนมรุ้ง']))).toEqual(['เทศบาล', 'ตำบล', 'พนมรุ้ง'])
    // A lexicon word never takes a consonant from a leading vowel or leaves a vowel behind.
    expect(thaiLinePieces('เสำนัก').join('')).toBe('เสำนัก')
    expect(unbreakableUnits('ปีงบประมาณ ๒๕๖๖ (Do & DON\'T)')).toEqual(['ปีงบประมาณ', '๒๕๖๖', '(Do', '&', "DON'T)"])
  })
})

describe('word joiners for word processors', () => {
  it('joins only the words the lexicon keeps whole where ICU would split them', () => {
    expect(joinLexiconWords('ทุกกอง/ สำนักปลัดฯ')).toBe(`ทุกกอง/ ${['สำ', 'นั', 'ก', 'ป', 'ลั', 'ด'].join('\u2060')}ฯ`)
    expect(joinLexiconWords('สำนักปลัดฯ').split('\u2060')).toEqual(['สำ', 'นั', 'ก', 'ป', 'ลั', 'ดฯ'])
    expect(joinLexiconWords('ประชาสัมพันธ์ ของหน่วยงาน')).toBe('ประชาสัมพันธ์ ของหน่วยงาน')
    expect(joinLexiconWords('แอดมินของ').replaceAll('\u2060', '')).toBe('แอดมินของ')
  })
})
