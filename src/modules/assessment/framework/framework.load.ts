import { readFile, readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { FrameworkSchema, type Framework } from './framework.schema.js'

const DIR = fileURLToPath(new URL('../../../../data/frameworks/', import.meta.url))

export type ParseResult = { ok: true; framework: Framework } | { ok: false; errors: string[] }

function issues(e: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return e.issues.map((i) => `${i.path.length ? i.path.join('.') : '(ทั้งไฟล์)'}: ${i.message}`)
}

/** Parses a framework from uploaded JSON text; errors in Thai with the path of each problem. */
export function parseFrameworkJson(text: string): ParseResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return { ok: false, errors: [`ไฟล์ไม่ใช่ JSON ที่ถูกต้อง: ${(e as Error).message}`] }
  }
  const r = FrameworkSchema.safeParse(raw)
  return r.success ? { ok: true, framework: r.data } : { ok: false, errors: issues(r.error) }
}

/** The fiscal years that ship with a built-in framework file. */
export async function builtInYears(): Promise<number[]> {
  const files = await readdir(DIR)
  return files.map((f) => /^(\d{4})\.json$/.exec(f)?.[1]).filter((y): y is string => !!y).map(Number).sort()
}

const cache = new Map<number, Framework>()

/** Loads data/frameworks/<year>.json; a broken file fails loudly, naming the file and every problem. */
export async function loadBuiltInFramework(fiscalYear: number): Promise<Framework | null> {
  const hit = cache.get(fiscalYear)
  if (hit) return hit
  let text: string
  try {
    text = await readFile(`${DIR}${fiscalYear}.json`, 'utf8')
  } catch {
    return null
  }
  const r = parseFrameworkJson(text)
  if (!r.ok) throw new Error(`data/frameworks/${fiscalYear}.json is invalid:\n  ${r.errors.join('\n  ')}`)
  if (r.framework.fiscalYear !== fiscalYear) throw new Error(`data/frameworks/${fiscalYear}.json says fiscalYear ${r.framework.fiscalYear}`)
  cache.set(fiscalYear, r.framework)
  return r.framework
}

/** Validates every built-in framework (called at start, so a bad file stops the app early). */
export async function validateBuiltInFrameworks(): Promise<number[]> {
  const years = await builtInYears()
  for (const y of years) await loadBuiltInFramework(y)
  return years
}
