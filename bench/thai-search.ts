// bench/thai-search: Thai full-text search — words segmented with Intl.Segmenter('th') at write
// time into a tsvector (GIN), versus pg_trgm (GIN) on the raw text. Measures recall against a
// substring scan and query latency on N documents built from the seed report's sentences.
// Run: npx tsx bench/thai-search.ts [N]
import { readFileSync, mkdtempSync, rmSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres } from '../src/db/embedded.js'

const N = Number(process.argv[2] ?? 20000)
const seed = readFileSync(new URL('../demo/seed/phanomrung-2566-report.txt', import.meta.url), 'utf8')
const sentences = seed
  .replace(/<[^>]+>/g, ' ')
  .split(/[\n\t]+|(?<=[^\d])\s{2,}/)
  .map((s) => s.trim())
  .filter((s) => s.length > 20)
const seg = new Intl.Segmenter('th', { granularity: 'word' })
const words = (s: string) => [...seg.segment(s)].filter((x) => x.isWordLike).map((x) => x.segment.toLowerCase()).join(' ')

const dir = mkdtempSync(join(tmpdir(), 'prongsai-search-'))
chmodSync(dir, 0o755)
const db = await startEmbeddedPostgres({ dataDir: dir, port: 54400 + Math.floor(Math.random() * 500), database: 'bench' })
const c = new pg.Client({ connectionString: db.url })
await c.connect()
try {
  await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm')
  await c.query('CREATE TABLE docs (id serial PRIMARY KEY, body text NOT NULL, words tsvector NOT NULL)')
  const rows: string[] = []
  for (let i = 0; i < N; i++) rows.push(`${sentences[i % sentences.length]} ${sentences[(i * 7 + 3) % sentences.length]} (${i})`)
  const t0 = performance.now()
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000)
    const params: string[] = []
    const values = chunk.map((b, j) => {
      params.push(b, words(b))
      return `($${j * 2 + 1}, to_tsvector('simple', $${j * 2 + 2}))`
    })
    await c.query(`INSERT INTO docs (body, words) VALUES ${values.join(',')}`, params)
  }
  const loadMs = performance.now() - t0
  await c.query('CREATE INDEX docs_words ON docs USING gin (words)')
  await c.query('CREATE INDEX docs_trgm ON docs USING gin (body gin_trgm_ops)')
  await c.query('ANALYZE docs')
  const queries = ['งบประมาณ', 'จัดซื้อจัดจ้าง', 'ทุจริต', 'ผลประโยชน์ทับซ้อน', 'ประชาสัมพันธ์', 'เว็บไซต์']
  const time = async (sql: string, p: unknown[]) => {
    const s = performance.now()
    let r = await c.query(sql, p)
    for (let k = 0; k < 9; k++) r = await c.query(sql, p)
    return { ms: (performance.now() - s) / 10, n: r.rowCount ?? 0 }
  }
  console.log(`thai-search: ${N} documents (segmentation + insert ${(loadMs / 1000).toFixed(1)} s)`)
  console.log('query'.padEnd(22), 'truth', 'segmented(n/ms)', 'trigram(n/ms)')
  for (const q of queries) {
    const truth = await time('SELECT id FROM docs WHERE strpos(body, $1) > 0', [q])
    const tsq = words(q).split(' ').join(' & ')
    const segm = await time(`SELECT id FROM docs WHERE words @@ to_tsquery('simple', $1)`, [tsq])
    const trgm = await time('SELECT id FROM docs WHERE body LIKE $1', [`%${q}%`])
    console.log(q.padEnd(22), String(truth.n).padStart(5), `${segm.n}/${segm.ms.toFixed(1)}`.padStart(15), `${trgm.n}/${trgm.ms.toFixed(1)}`.padStart(13))
  }
} finally {
  await c.end()
  await db.stop()
  rmSync(dir, { recursive: true, force: true })
}
