import { sql } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import { fromThaiDigits } from '../../platform/thai/index.js'
import { cleanSearchText } from '../../platform/http/params.js'

// Search text: trigram ILIKE for recall, segmented words for ranking (docs/decisions/0005). Digits
// are stored and searched as 0–9 (the site prints ๐–๙ where the agency asks for Thai digits, and
// people type either), so "๒๕๖๖" and "2566" find the same records.

const segmenter = new Intl.Segmenter('th', { granularity: 'word' })

/** Search form of any text: Thai digits as 0–9, lower case, NFC. */
export function searchForm(text: string): string {
  return fromThaiDigits(text.normalize('NFC')).toLowerCase()
}

/** Thai (and other) text as space-separated words, for the `tsvector` and the query. */
export function segmentWords(text: string): string {
  const out: string[] = []
  for (const s of segmenter.segment(searchForm(text))) if (s.isWordLike) out.push(s.segment)
  return out.join(' ')
}

/**
 * A visitor's query as the search uses it: control characters (a NUL cannot even be sent to
 * PostgreSQL) become spaces, runs of space collapse, at most 100 characters.
 */
export const cleanQuery = (raw: string | undefined): string => cleanSearchText(raw, 100)

/** The search columns of a post or document row. */
export function searchColumns(...parts: string[]) {
  const text = fromThaiDigits(parts.filter(Boolean).join(' ').normalize('NFC')).slice(0, 100_000)
  return { searchText: text, searchTsv: sql`to_tsvector('simple', ${segmentWords(text)})` as unknown as string }
}

/** Search columns for rows written outside the use cases (demo loader). */
export const searchValuesFor = searchColumns

/** A page of the site that is not a record (about, contact, policies), with its text. */
export type SitePage = { path: string; title: string; text: string }

export type SearchHit =
  | { kind: 'post' | 'document'; id: string; title: string; snippet: string; date: Date; category: string; fiscalYear: number }
  | { kind: 'page'; path: string; title: string; snippet: string }

export type SearchResult = { hits: SearchHit[]; suggestion: string | null }

function snippetOf(text: string, query: string): string {
  const i = searchForm(text).indexOf(query)
  const start = Math.max(0, i - 60)
  return (start > 0 ? '…' : '') + text.slice(start, start + 200).trim()
}

/** Character trigrams of a string, as pg_trgm pads a word (two spaces before, one after). */
function trigrams(s: string): Set<string> {
  const out = new Set<string>()
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const chars = [' ', ' ', ...word, ' ']
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''))
  }
  return out
}

/** Trigram similarity (shared trigrams over all trigrams), as pg_trgm's similarity(). */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(searchForm(a))
  const y = trigrams(searchForm(b))
  if (!x.size || !y.size) return 0
  let shared = 0
  for (const t of x) if (y.has(t)) shared++
  return shared / (x.size + y.size - shared)
}

const SUGGEST_MIN_SIMILARITY = 0.3

/**
 * "Did you mean": the title (or a word of a title) of published content or a site page most
 * similar to the query by trigrams. Computed here rather than with pg_trgm's similarity(), which
 * finds no trigrams in Thai under the C locale many PostgreSQL servers run with.
 */
export function suggestFor(query: string, titles: string[]): string | null {
  const q = searchForm(query)
  const candidates = new Set<string>()
  for (const t of titles) {
    candidates.add(t.trim())
    for (const s of segmenter.segment(t)) if (s.isWordLike && [...s.segment].length >= 3) candidates.add(s.segment)
  }
  let best: { text: string; score: number } | null = null
  for (const c of candidates) {
    if (searchForm(c) === q) continue
    const score = trigramSimilarity(q, c)
    if (score >= SUGGEST_MIN_SIMILARITY && (!best || score > best.score)) best = { text: c, score }
  }
  return best?.text ?? null
}

/** Full-text Thai search over the published posts and documents of one agency, and its site pages. */
export async function searchPublic(db: Db, orgId: string, raw: string, pages: SitePage[] = [], limit = 50): Promise<SearchResult> {
  const query = searchForm(cleanQuery(raw))
  if (!query) return { hits: [], suggestion: null }
  const like = `%${query.replace(/[%_\\]/g, (m) => '\\' + m)}%`
  const tsq = segmentWords(query)
  const rows = await inOrg(db, orgId, async (tx) => {
    const r = await tx.execute<{ kind: 'post' | 'document'; id: string; title: string; text: string; date: Date; category: string; fiscal_year: number; rank: number }>(sql`
      SELECT * FROM (
        SELECT 'post' AS kind, id, title, search_text AS text, publish_at AS date, category, fiscal_year,
               ts_rank(search_tsv, plainto_tsquery('simple', ${tsq})) AS rank
          FROM portal_posts WHERE status = 'published' AND publish_at <= now() AND search_text ILIKE ${like}
        UNION ALL
        SELECT 'document', id, title, search_text, published_at, category, fiscal_year,
               ts_rank(search_tsv, plainto_tsquery('simple', ${tsq}))
          FROM portal_documents WHERE status = 'published' AND published_at <= now() AND search_text ILIKE ${like}
      ) x ORDER BY rank DESC, date DESC LIMIT ${limit}`)
    return r.rows
  })
  const records: SearchHit[] = rows.map((h) => ({ kind: h.kind, id: h.id, title: h.title, snippet: snippetOf(h.text, query), date: new Date(h.date), category: h.category, fiscalYear: h.fiscal_year }))
  // Site pages: a page whose title matches comes first; one whose text matches, after the records.
  const pageHit = (p: SitePage): SearchHit => ({ kind: 'page', path: p.path, title: p.title, snippet: snippetOf(p.text, query) })
  const byTitle = pages.filter((p) => searchForm(p.title).includes(query))
  const byText = pages.filter((p) => !byTitle.includes(p) && searchForm(p.text).includes(query))
  const hits = [...byTitle.map(pageHit), ...records, ...byText.map(pageHit)].slice(0, limit)
  if (hits.length) return { hits, suggestion: null }
  const titles = await inOrg(db, orgId, async (tx) => {
    const r = await tx.execute<{ title: string }>(sql`
      (SELECT title FROM portal_posts WHERE status = 'published' AND publish_at <= now() ORDER BY publish_at DESC LIMIT 1000)
      UNION ALL
      (SELECT title FROM portal_documents WHERE status = 'published' AND published_at <= now() ORDER BY published_at DESC LIMIT 1000)`)
    return r.rows.map((x) => x.title)
  })
  return { hits, suggestion: suggestFor(query, [...titles, ...pages.map((p) => p.title)]) }
}
