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

/**
 * Where a line may break inside a run of text without spaces: the boundaries between two Thai
 * words of the dictionary segmenter (not before or after punctuation such as ฯ or ")").
 * The pieces joined give the text back; a line may break between two pieces and at spaces only.
 */
export function thaiLinePieces(text: string): string[] {
  const pieces: string[] = []
  let prevThaiWord = false
  for (const s of segmenter.segment(text.normalize('NFC'))) {
    const thaiWord = !!s.isWordLike && THAI.test(s.segment)
    if (pieces.length && !(thaiWord && prevThaiWord)) pieces[pieces.length - 1] += s.segment
    else pieces.push(s.segment)
    prevThaiWord = thaiWord
  }
  return pieces
}

/**
 * The units a line must never break inside: each run without spaces, cut at the Thai word
 * boundaries of `thaiLinePieces`. Used to size columns so that every unit fits.
 */
export function unbreakableUnits(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((run) => thaiLinePieces(run))
}
