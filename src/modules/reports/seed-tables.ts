import { readFileSync } from 'node:fs'
import { htmlToText } from '../../platform/documents/text.js'
import type { CellTable } from './import-docx.js'

// The seed (a real report pasted as text) lays each table out as tab-separated lines: a header
// line, then one line per row; cells hold plain text or <p> paragraphs and <input> checkboxes.
// Used by the tests and to check the demo data; not by the app.

export const SEED_URL = new URL('../../../demo/seed/phanomrung-2566-report.txt', import.meta.url)

export function readSeed(): string {
  return readFileSync(SEED_URL, 'utf8')
}

/** A seed cell → its paragraphs, checkboxes as ☑ / ☐. */
export function seedCellParagraphs(cell: string): string[] {
  const paras = [...cell.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1] ?? '')
  return (paras.length ? paras : [cell]).map((p) => htmlToText(p).trim()).filter(Boolean)
}

/** Every table of the seed: consecutive tab-separated lines form one table. */
export function seedTables(seed: string): CellTable[] {
  const tables: CellTable[] = []
  let current: CellTable | undefined
  for (const line of seed.split('\n')) {
    if (!line.includes('\t')) {
      current = undefined
      continue
    }
    if (!current) tables.push((current = []))
    current.push(line.split('\t').map(seedCellParagraphs))
  }
  return tables
}
