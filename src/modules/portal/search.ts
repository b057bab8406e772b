import { sql } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'

// Search text: trigram ILIKE for recall, segmented words for ranking (docs/decisions/0005).

const segmenter = new Intl.Segmenter('th', { granularity: 'word' })

/** Thai (and other) text as space-separated words, for the `tsvector` and the query. */
export function segmentWords(text: string): string {
  const out: string[] = []
  for (const s of segmenter.segment(text.toLowerCase())) if (s.isWordLike) out.push(s.segment)
  return out.join(' ')
}

/** The search columns of a post or document row. */
export function searchColumns(...parts: string[]) {
  const text = parts.filter(Boolean).join(' ').slice(0, 100_000)
  return { searchText: text, searchTsv: sql`to_tsvector('simple', ${segmentWords(text)})` as unknown as string }
}

/** Search columns for rows written outside the use cases (demo loader). */
export const searchValuesFor = searchColumns

export type SearchHit = { kind: 'post' | 'document'; id: string; title: string; snippet: string; date: Date; category: string; fiscalYear: number }

/** Full-text Thai search over published posts and documents of one agency. */
export async function searchPublic(db: Db, orgId: string, q: string, limit = 50): Promise<SearchHit[]> {
  const query = q.trim().slice(0, 100)
  if (!query) return []
  const like = `%${query.replace(/[%_\\]/g, (m) => '\\' + m)}%`
  const tsq = segmentWords(query)
  return inOrg(db, orgId, async (tx) => {
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
    return r.rows.map((h) => {
      const i = h.text.toLowerCase().indexOf(query.toLowerCase())
      const start = Math.max(0, i - 60)
      return { kind: h.kind, id: h.id, title: h.title, snippet: (start > 0 ? '…' : '') + h.text.slice(start, start + 200), date: new Date(h.date), category: h.category, fiscalYear: h.fiscal_year }
    })
  })
}
