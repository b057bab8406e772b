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
