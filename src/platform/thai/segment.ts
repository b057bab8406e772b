// Building a segmenter loads dictionaries; reuse one.
const segmenter = new Intl.Segmenter('th', { granularity: 'word' })

/** The words of Thai (and mixed Thai/English) text, without spaces and punctuation. */
export function segmentWords(text: string): string[] {
  const words: string[] = []
  for (const s of segmenter.segment(text.normalize('NFC'))) if (s.isWordLike) words.push(s.segment)
  return words
}

/**
 * Space-separated lowercase words, stored at write time and indexed with
 * `to_tsvector('simple', …)`: PostgreSQL cannot split Thai into words itself (docs/decisions/0005).
 * Run the search query through the same function so both sides split alike.
 */
export function toSearchText(text: string): string {
  return segmentWords(text).join(' ').toLowerCase()
}

const THAI = /[\u0E00-\u0E7F]/
// A word may not end before a following or combining vowel or mark, nor start after a leading vowel.
const NO_END_BEFORE = /[\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/
const NO_START_AFTER = /[\u0E40-\u0E44]/
// A Thai word starts with a consonant or a leading vowel (not ฯ, ๆ or a digit).
const THAI_WORD_START = /^[\u0E01-\u0E2E\u0E40-\u0E44]/

/**
 * Words the dictionary segmenter (ICU's) splits where a reader would not break a line: it cuts
 * สำนักปลัดฯ as สำ|นัก|ปลัดฯ and แอดมินของ as แอด|มิ|นข|อง. Line breaking (never search, whose
 * stored index must not change) matches these first and gives the rest to the segmenter.
 */
export const LINE_BREAK_WORDS: readonly string[] = [
  'สำนักปลัด', 'สำนักงาน', 'สำนัก', 'ปีงบประมาณ', 'งบประมาณ', 'แอดมิน', 'ประพฤติมิชอบ', 'มิชอบ',
  'ผู้บริหาร', 'ผู้ปฏิบัติงาน', 'ผู้ใช้บริการ', 'ผู้รับบริการ', 'ผู้ให้บริการ', 'ผู้ประกอบการ', 'ผู้รับผิดชอบ',
  'ตัวชี้วัด', 'นโยบาย', 'เตรียม', 'ประชาสัมพันธ์', 'นิติการ', 'เว็บไซต์', 'ออนไลน์', 'แอปพลิเคชัน', 'อำเภอ', 'จังหวัด', 'เทศบาล', 'ตำบล',
]

export interface ThaiLexicon {
  byFirst: Map<string, string[]>
}

/** A lexicon for line breaking: LINE_BREAK_WORDS plus e.g. the agency's own place names. */
export function thaiLexicon(extra: readonly string[] = []): ThaiLexicon {
  const byFirst = new Map<string, string[]>()
  for (const w of [...new Set([...LINE_BREAK_WORDS, ...extra.map((x) => x.normalize('NFC'))])]) {
    if (!THAI.test(w) || /\s/.test(w) || w.length < 2) continue
    const list = byFirst.get(w[0]!) ?? []
    list.push(w)
    byFirst.set(w[0]!, list)
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length)
  return { byFirst }
}

const DEFAULT_LEXICON = thaiLexicon()

/** Lexicon words (longest first) and the stretches between them, given to the segmenter. */
function* segmentsWithLexicon(text: string, lex: ThaiLexicon): Generator<{ segment: string; thaiWord: boolean; lexicon?: true }> {
  let gap = 0
  const flushGap = function* (end: number): Generator<{ segment: string; thaiWord: boolean }> {
    if (end <= gap) return
    for (const s of segmenter.segment(text.slice(gap, end))) yield { segment: s.segment, thaiWord: !!s.isWordLike && THAI_WORD_START.test(s.segment) }
  }
  for (let i = 0; i < text.length; ) {
    const word =
      i > 0 && NO_START_AFTER.test(text[i - 1]!)
        ? undefined
        : lex.byFirst.get(text[i]!)?.find((w) => text.startsWith(w, i) && !NO_END_BEFORE.test(text[i + w.length] ?? ''))
    if (!word) {
      i++
      continue
    }
    yield* flushGap(i)
    yield { segment: word, thaiWord: true, lexicon: true }
    i += word.length
    gap = i
  }
  yield* flushGap(text.length)
}

/**
 * Where a line may break inside a run of text without spaces: between two Thai words (the
 * dictionary segmenter's, corrected by the lexicon), never before or after punctuation such as
 * ฯ or ")". The pieces joined give the text back (NFC); a line may break between two pieces and
 * at spaces only.
 */
export function thaiLinePieces(text: string, lex: ThaiLexicon = DEFAULT_LEXICON): string[] {
  const pieces: string[] = []
  let prevThaiWord = false
  for (const s of segmentsWithLexicon(text.normalize('NFC'), lex)) {
    if (pieces.length && !(s.thaiWord && prevThaiWord)) pieces[pieces.length - 1] += s.segment
    else pieces.push(s.segment)
    prevThaiWord = s.thaiWord
  }
  return pieces
}

/**
 * The units a line must never break inside: each run without spaces, cut at the Thai word
 * boundaries of `thaiLinePieces`. Used to size columns so that every unit fits.
 */
export function unbreakableUnits(text: string, lex: ThaiLexicon = DEFAULT_LEXICON): string[] {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((run) => thaiLinePieces(run, lex))
}

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' })

/** U+2060 WORD JOINER: no line break here, in Word and LibreOffice alike; invisible. */
export const WORD_JOINER = '\u2060'

/**
 * Text for a word processor (DOCX): inside each word the lexicon keeps whole and the dictionary
 * does not (สำนักปลัด, แอดมิน),
 * WORD JOINERs forbid the breaks a dictionary would find there (LibreOffice breaks Thai lines with
 * ICU's, which cuts สำ|นัก). Nothing else changes; importers and squash() drop the joiners.
 */
export function joinLexiconWords(text: string, lex: ThaiLexicon = DEFAULT_LEXICON): string {
  let out = ''
  for (const s of segmentsWithLexicon(text.normalize('NFC'), lex)) {
    // Words the dictionary knows whole (ประชาสัมพันธ์) are left alone.
    if (!s.lexicon || [...segmenter.segment(s.segment)].length < 2) {
      out += s.segment
      continue
    }
    // Between every letter cluster: the break the other program's dictionary finds depends on
    // the surrounding text (ICU splits สำนักปลัดฯ as สำ|นัก|ปลัดฯ but สำนักปลัด as สำนัก|ปลัด).
    out += [...graphemes.segment(s.segment)].map((x) => x.segment).join(WORD_JOINER)
  }
  return out
}
